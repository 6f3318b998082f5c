import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { BadgeCheck, MapPin } from "lucide-react";
import { getDb } from "@/db";
import { getListingWithSite } from "@/db/queries/listings";
import { listSitePhotos } from "@/db/queries/site-photos";
import { AvailabilityTable } from "@/components/listings/availability-table";
import { formatMonths, formatPrice } from "@/components/listings/format";
import { ListingTerms } from "@/components/listings/listing-terms";
import { PhotoGrid } from "@/components/listings/photo-grid";
import { ReserveSlot, type Viewer } from "@/components/listings/reserve-slot";
import { SiteFacts } from "@/components/sites/site-facts";
import { TrueCost } from "@/components/calculators/true-cost";
import { ReportListing } from "@/components/listings/report-listing";
import { RatingSummary, ratingFrom } from "@/components/reviews/stars";
import { AskTheMiner } from "@/components/messages/ask-the-miner";
import { Markdown } from "@/components/markdown";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { currentUser } from "@/lib/auth/guards";
import { actorOf } from "@/lib/auth/policy";
import { todayUtc } from "@/lib/domain/days";
import { STATUS_LABELS } from "@/lib/domain/listing-lifecycle";
import { AppError } from "@/lib/errors";
import { COOLING_LABELS, countryName, formatKw } from "@/lib/format";

/** The listing as this visitor may see it, or null (missing, or not visible to them: both 404). */
const loadListing = cache(async (id: string) => {
  const user = await currentUser();
  const actor = user ? actorOf(user) : null;
  const db = await getDb();
  try {
    const view = await getListingWithSite(db, actor, id);
    return view.site ? { ...view, site: view.site, user } : null;
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") return null;
    throw error;
  }
});

export async function generateMetadata({ params }: PageProps<"/listings/[id]">): Promise<Metadata> {
  const view = await loadListing((await params).id);
  if (!view) return { title: "Listing not found", robots: { index: false } };
  const { listing, site } = view;
  return {
    title: view.isPublic ? listing.title : `Preview: ${listing.title}`,
    description: `${formatKw(listing.capacityKw)} of ${COOLING_LABELS[listing.cooling].toLowerCase()}-cooled capacity at ${site.name}, ${site.region}, ${countryName(site.country)}, from ${formatPrice(listing.priceCentsPerKwMonth)} per kW-month.`,
    ...(view.isPublic ? {} : { robots: { index: false, follow: false } }),
  };
}

export default async function ListingPage({ params, searchParams }: PageProps<"/listings/[id]">) {
  const view = await loadListing((await params).id);
  if (!view) notFound();
  const { listing, organization, site, availability, isPublic, user } = view;
  const photos = await listSitePhotos(await getDb(), user ? actorOf(user) : null, site.id);
  const isOwner = user?.organization?.id === listing.organizationId;
  const viewer: Viewer = !user ? "signed-out" : isOwner ? "owner" : user.role === "buyer" ? "buyer" : "other";
  const today = todayUtc();

  return (
    <div className="mx-auto w-full max-w-6xl px-4 py-8 sm:px-6">
      {!isPublic && (
        <Alert tone="warning" title="Preview" className="mb-6">
          {listing.status === "published"
            ? "This listing is published, but its organization is suspended, so buyers cannot see it."
            : `This listing is ${listing.status === "draft" ? "a draft" : STATUS_LABELS[listing.status].toLowerCase()} and not visible to buyers.`}{" "}
          {isOwner && (
            <Link href={`/miner/listings/${listing.id}`} className="font-medium underline underline-offset-2">
              Back to managing it
            </Link>
          )}
        </Alert>
      )}

      <header>
        <p className="text-sm text-slate-600">
          Offered by{" "}
          {isPublic ? (
            <Link href={`/miners/${organization.id}`} className="font-medium text-slate-900 underline underline-offset-2">
              {organization.name}
            </Link>
          ) : (
            organization.name
          )}
          <RatingSummary rating={ratingFrom(view)} className="ml-2 align-middle" />
        </p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight sm:text-3xl">{listing.title}</h1>
        <div className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-2 text-sm text-slate-700">
          <span className="inline-flex items-center gap-1">
            <MapPin className="h-4 w-4 text-slate-500" aria-hidden="true" />
            {site.name} · {site.region}, {countryName(site.country)}
          </span>
          {site.verified ? (
            <Badge tone="green" className="gap-1">
              <BadgeCheck className="h-3.5 w-3.5" aria-hidden="true" /> Verified site
            </Badge>
          ) : (
            <Badge>Not yet verified</Badge>
          )}
        </div>
        <div className="mt-3 flex flex-wrap gap-1.5">
          <Badge tone="blue">{COOLING_LABELS[listing.cooling]}</Badge>
          <Badge>Up to {listing.maxKwPerRack} kW/rack</Badge>
          <Badge tone="green">{site.renewableShare} % renewable</Badge>
          <Badge>PUE {site.pue.toFixed(2)}</Badge>
          <Badge tone={listing.interruptible ? "amber" : "neutral"}>{listing.interruptible ? "Interruptible" : "Firm"}</Badge>
        </div>
        {/* On a phone the reservation box comes after the details; the price and a way there come first. */}
        <p className="mt-4 flex flex-wrap items-baseline gap-x-3 gap-y-1 lg:hidden">
          <span className="text-xl font-semibold tabular-nums">{formatPrice(listing.priceCentsPerKwMonth)}</span>
          <span className="text-sm text-slate-600">per kW-month · {formatKw(listing.capacityKw)}</span>
          <a href="#reserve" className="text-sm font-medium text-slate-900 underline underline-offset-2">
            Check your dates
          </a>
        </p>
      </header>

      <div className="mt-8 grid gap-8 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="min-w-0 space-y-8">
          <PhotoGrid photos={photos} siteName={site.name} />

          <Section title="Terms">
            <ListingTerms listing={listing} curtailmentHoursPerYear={site.curtailmentHoursPerYear} />
          </Section>

          {listing.description.trim() && (
            <Section title="About this capacity">
              <Markdown>{listing.description}</Markdown>
            </Section>
          )}

          <Section title="Availability" id="availability">
            <AvailabilityTable spans={availability} capacityKw={listing.capacityKw} today={today} />
          </Section>

          <Section title={`The site: ${site.name}`}>
            <SiteFacts site={site} />
            {site.description.trim() && (
              <div className="mt-6 border-t border-slate-100 pt-5">
                <Markdown>{site.description}</Markdown>
              </div>
            )}
            {isPublic && (
              <p className="mt-6 border-t border-slate-100 pt-5 text-sm">
                <Link href={`/sites/${site.id}`} className="font-medium text-slate-900 underline underline-offset-2">
                  All capacity open at {site.name}
                </Link>
              </p>
            )}
          </Section>
        </div>

        <aside aria-labelledby="reserve-title" className="lg:sticky lg:top-24 lg:self-start">
          <Card id="reserve" className="scroll-mt-24 p-5">
            <p className="text-3xl font-semibold tabular-nums tracking-tight">
              {formatPrice(listing.priceCentsPerKwMonth)}
              <span className="text-base font-normal text-slate-600"> per kW-month</span>
            </p>
            <p className="mt-1 text-sm text-slate-600">
              {formatKw(listing.capacityKw)} offered · minimum {formatMonths(listing.minTermMonths)}
            </p>
            <h2 id="reserve-title" className="mt-5 font-semibold">
              Check your dates
            </h2>
            <div className="mt-3">
              <ReserveSlot listing={listing} spans={availability} request={await searchParams} today={today} viewer={viewer} />
            </div>
          </Card>
          {isPublic && <AskTheMiner listingId={listing.id} minerName={organization.name} user={user} isOwner={isOwner} className="mt-4 scroll-mt-24" />}
          <div className="mt-4">
            <TrueCost priceCentsPerKwMonth={listing.priceCentsPerKwMonth} pue={site.pue} capacityKw={listing.capacityKw} />
          </div>
          {user && !isOwner && user.role !== "admin" && <ReportListing listingId={listing.id} className="mt-4" />}
        </aside>
      </div>
    </div>
  );
}

function Section({ title, id, children }: { title: string; id?: string; children: React.ReactNode }) {
  const headingId = `${(id ?? title).toLowerCase().replace(/[^a-z0-9]+/g, "-")}-title`;
  return (
    <section aria-labelledby={headingId} id={id} className="scroll-mt-24">
      <h2 id={headingId} className="text-lg font-semibold tracking-tight">
        {title}
      </h2>
      <Card className="mt-3 p-5">{children}</Card>
    </section>
  );
}
