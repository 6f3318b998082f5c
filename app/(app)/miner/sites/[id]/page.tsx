import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BadgeCheck, MapPin, Pencil, Plus } from "lucide-react";
import { getDb } from "@/db";
import { listSiteListings } from "@/db/queries/listings";
import { listSitePhotos } from "@/db/queries/site-photos";
import { getSite } from "@/db/queries/sites";
import { Markdown } from "@/components/markdown";
import { PhotoManager } from "@/components/sites/photo-manager";
import { DocumentManager } from "@/components/sites/document-manager";
import { listSiteDocuments } from "@/db/queries/site-documents";
import { SiteFacts } from "@/components/sites/site-facts";
import { statusLabel } from "@/components/dashboard/status-list";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { requirePageUser } from "@/lib/auth/guards";
import { actorOf } from "@/lib/auth/policy";
import { AppError } from "@/lib/errors";
import { COOLING_LABELS, countryName, formatCents, formatKw } from "@/lib/format";

export const metadata: Metadata = { title: "Site" };

export default async function SitePage({ params, searchParams }: PageProps<"/miner/sites/[id]">) {
  const { id } = await params;
  const { created, saved } = await searchParams;
  const user = await requirePageUser(`/miner/sites/${id}`, "miner");
  const db = await getDb();
  const actor = actorOf(user);
  const site = await getSite(db, actor, id).catch((error: unknown) => {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  });
  const [photos, listings, documents] = await Promise.all([listSitePhotos(db, actor, site.id), listSiteListings(db, actor, site.id), listSiteDocuments(db, actor, site.id)]);

  return (
    <div className="space-y-8">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-600">
        <Link href="/miner/sites" className="hover:underline">
          Sites
        </Link>{" "}
        / <span aria-current="page">{site.name}</span>
      </nav>
      {created && <Alert tone="success" title="Site saved">Add photos below, then create a listing to offer capacity here.</Alert>}
      {saved && <Alert tone="success">Changes saved.</Alert>}
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <div className="flex flex-wrap items-center gap-3">
            <h1 className="text-3xl font-semibold tracking-tight">{site.name}</h1>
            {site.verified ? (
              <Badge tone="green">
                <BadgeCheck className="mr-1 h-3.5 w-3.5" aria-hidden="true" /> Verified
              </Badge>
            ) : (
              <Badge>Not verified</Badge>
            )}
          </div>
          <p className="mt-1 flex items-center gap-1 text-sm text-slate-600">
            <MapPin className="h-3.5 w-3.5" aria-hidden="true" /> {site.region}, {countryName(site.country)} · {site.latitude.toFixed(4)}, {site.longitude.toFixed(4)}
          </p>
        </div>
        <div className="flex gap-2">
          <ButtonLink href={`/miner/sites/${site.id}/edit`} variant="secondary">
            <Pencil className="h-4 w-4" aria-hidden="true" /> Edit site
          </ButtonLink>
          <ButtonLink href={`/miner/listings/new?siteId=${site.id}`}>
            <Plus className="h-4 w-4" aria-hidden="true" /> Create a listing
          </ButtonLink>
        </div>
      </header>

      <SiteFacts site={site} />

      {site.description && (
        <section className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
          <h2 className="mb-3 font-semibold">About the site</h2>
          <Markdown>{site.description}</Markdown>
        </section>
      )}

      <section className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        <PhotoManager siteId={site.id} photos={photos} />
      </section>

      <section className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        <DocumentManager siteId={site.id} documents={documents} />
      </section>

      <section aria-labelledby="site-listings">
        <h2 id="site-listings" className="text-lg font-semibold">
          Listings at this site
        </h2>
        <div className="mt-3">
          {listings.length === 0 ? (
            <EmptyState title="No listings here yet" action={<ButtonLink href={`/miner/listings/new?siteId=${site.id}`}>Create a listing</ButtonLink>}>
              A listing offers some of this site&apos;s capacity at a price per kW-month, for a window of dates.
            </EmptyState>
          ) : (
            <ul className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white">
              {listings.map((listing) => (
                <li key={listing.id} className="flex flex-wrap items-center justify-between gap-3 px-5 py-3 text-sm">
                  <Link href={`/miner/listings/${listing.id}`} className="font-medium hover:underline">
                    {listing.title}
                  </Link>
                  <span className="text-slate-600">
                    {formatKw(listing.capacityKw)} · {COOLING_LABELS[listing.cooling]} · {formatCents(listing.priceCentsPerKwMonth)}/kW-mo
                  </span>
                  <Badge>{statusLabel(listing.status)}</Badge>
                </li>
              ))}
            </ul>
          )}
        </div>
      </section>
    </div>
  );
}
