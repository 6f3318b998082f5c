import type { Metadata } from "next";
import Link from "next/link";
import { ChevronLeft, Eye, Pencil } from "lucide-react";
import { getDb } from "@/db";
import { getSite } from "@/db/queries/sites";
import { AvailabilityTable } from "@/components/listings/availability-table";
import { formatDay } from "@/components/listings/format";
import { LifecycleButtons } from "@/components/listings/lifecycle-buttons";
import { ListingTerms } from "@/components/listings/listing-terms";
import { ownListingOr404 } from "@/components/listings/own-listing";
import { ListingStatusBadge } from "@/components/listings/status-badge";
import { Markdown } from "@/components/markdown";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { requirePageUser } from "@/lib/auth/guards";
import { actorOf } from "@/lib/auth/policy";
import { toDay, todayUtc } from "@/lib/domain/days";
import { isEditable, ownerActionsFor, type ListingStatus, type OwnerAction } from "@/lib/domain/listing-lifecycle";
import { countryName } from "@/lib/format";

export const metadata: Metadata = { title: "Manage listing" };

const STATUS_HELP: Record<ListingStatus, string> = {
  draft: "Only your organization sees this draft. Preview it as buyers will, then submit it for review.",
  pending_review: "An admin is reviewing this listing; it goes into search once approved. You can still edit it, or withdraw it to a draft.",
  published: "Live in search: AI teams can find it and request capacity.",
  rejected: "Not in search. Edit the listing to answer the reviewer, then submit it again.",
  paused: "Out of search while paused; existing bookings are unaffected. Resume to list it again.",
  archived: "Kept for your records. An archived listing cannot be edited or listed again.",
};

const DONE: Record<OwnerAction, string> = {
  submit: "Submitted for review. You will hear from us once an admin has looked at it.",
  withdraw: "Withdrawn from review. The listing is a draft again.",
  pause: "Paused. The listing is out of search; existing bookings are unaffected.",
  resume: "Resumed. The listing is back in search.",
  archive: "Archived.",
};

export default async function ManageListingPage({ params, searchParams }: PageProps<"/miner/listings/[id]">) {
  const { id } = await params;
  const user = await requirePageUser(`/miner/listings/${id}`, "miner");
  const actor = actorOf(user);
  const db = await getDb();
  const { listing, availability } = await ownListingOr404(db, actor, id);
  const site = await getSite(db, actor, listing.siteId);
  const query = await searchParams;
  const done = typeof query.done === "string" && query.done in DONE ? DONE[query.done as OwnerAction] : null;
  const editHref = `/miner/listings/${listing.id}/edit`;

  return (
    <div className="space-y-6">
      <Link href="/miner/listings" className="inline-flex items-center gap-1 text-sm text-slate-600 hover:text-slate-900">
        <ChevronLeft className="h-4 w-4" aria-hidden="true" /> Listings
      </Link>

      <header className="flex flex-col gap-4 lg:flex-row lg:items-start lg:justify-between">
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-3">
            <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">{listing.title}</h1>
            <ListingStatusBadge status={listing.status} />
          </div>
          <p className="mt-1 text-sm text-slate-600">
            <Link href={`/miner/sites/${site.id}`} className="underline-offset-2 hover:underline">
              {site.name}
            </Link>{" "}
            · {site.region}, {countryName(site.country)} · Updated {formatDay(toDay(listing.updatedAt))}
          </p>
        </div>
        <div className="flex shrink-0 flex-wrap gap-2">
          {isEditable(listing.status) && (
            <ButtonLink href={editHref} variant="secondary" size="sm">
              <Pencil className="h-4 w-4" aria-hidden="true" /> Edit
            </ButtonLink>
          )}
          <ButtonLink href={`/listings/${listing.id}`} variant="secondary" size="sm">
            <Eye className="h-4 w-4" aria-hidden="true" /> Preview as buyers see it
          </ButtonLink>
        </div>
      </header>

      <div className="space-y-3 empty:hidden">
        {query.created && <Alert tone="success" title="Draft saved">Check how buyers will see it, then submit it for review.</Alert>}
        {query.saved && <Alert tone="success">Changes saved.</Alert>}
        {query.review && (
          <Alert tone="info" title="Changes saved; the listing is back in review">
            Capacity, price, dates or cooling changed, so an admin checks the listing again. It is out of search until then.
          </Alert>
        )}
        {done && <Alert tone="success">{done}</Alert>}
        {listing.status === "rejected" && (
          <Alert tone="error" title="An admin rejected this listing">
            {listing.rejectionReason && <p className="whitespace-pre-line">“{listing.rejectionReason}”</p>}
            <p className="mt-1">
              <Link href={editHref} className="font-medium underline underline-offset-2">
                Edit the listing
              </Link>{" "}
              to address this, then submit it for review again.
            </p>
          </Alert>
        )}
      </div>

      <Card className="p-5">
        <h2 className="font-semibold">Status</h2>
        <p className="mt-1 text-sm text-slate-600">{STATUS_HELP[listing.status]}</p>
        {ownerActionsFor(listing.status).length > 0 && (
          <div className="mt-4">
            <LifecycleButtons listingId={listing.id} actions={ownerActionsFor(listing.status)} editHref={isEditable(listing.status) ? editHref : undefined} />
          </div>
        )}
      </Card>

      <Card className="p-5">
        <h2 className="font-semibold">Terms</h2>
        <div className="mt-4">
          <ListingTerms listing={listing} curtailmentHoursPerYear={site.curtailmentHoursPerYear} />
        </div>
      </Card>

      <Card className="p-5">
        <h2 className="font-semibold">Availability</h2>
        <p className="mt-1 text-sm text-slate-600">Free capacity from today to the end of the window, after holds, requests and bookings.</p>
        <div className="mt-4">
          <AvailabilityTable spans={availability} capacityKw={listing.capacityKw} today={todayUtc()} />
        </div>
      </Card>

      <Card className="p-5">
        <h2 className="font-semibold">Description</h2>
        <div className="mt-3">
          {listing.description.trim() ? (
            <Markdown>{listing.description}</Markdown>
          ) : (
            <p className="text-sm text-slate-600">
              No description yet. Buyers ask about rack layout, power distribution and network first
              {isEditable(listing.status) && (
                <>
                  {": "}
                  <Link href={editHref} className="font-medium text-slate-900 underline underline-offset-2">
                    add one
                  </Link>
                </>
              )}
              .
            </p>
          )}
        </div>
      </Card>
    </div>
  );
}
