import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ChevronLeft } from "lucide-react";
import { getDb } from "@/db";
import { siteOptions } from "@/db/queries/sites";
import { ListingForm } from "@/components/listings/listing-form";
import { listingFormValues } from "@/components/listings/listing-form-fields";
import { ownListingOr404 } from "@/components/listings/own-listing";
import { ListingStatusBadge } from "@/components/listings/status-badge";
import { requirePageUser } from "@/lib/auth/guards";
import { actorOf } from "@/lib/auth/policy";
import { isEditable } from "@/lib/domain/listing-lifecycle";

export const metadata: Metadata = { title: "Edit listing" };

export default async function EditListingPage({ params }: PageProps<"/miner/listings/[id]/edit">) {
  const { id } = await params;
  const user = await requirePageUser(`/miner/listings/${id}/edit`, "miner");
  const actor = actorOf(user);
  const db = await getDb();
  const { listing } = await ownListingOr404(db, actor, id);
  if (!isEditable(listing.status)) redirect(`/miner/listings/${listing.id}`);
  const sites = await siteOptions(db, actor, listing.siteId);
  const manageHref = `/miner/listings/${listing.id}`;

  return (
    <div className="space-y-6">
      <Link href={manageHref} className="inline-flex items-center gap-1 text-sm text-slate-600 hover:text-slate-900">
        <ChevronLeft className="h-4 w-4" aria-hidden="true" /> Back to the listing
      </Link>
      <div>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">Edit listing</h1>
          <ListingStatusBadge status={listing.status} />
        </div>
        <p className="mt-1 font-medium text-slate-800">{listing.title}</p>
        <p className="mt-0.5 text-sm text-slate-600">
          At {sites[0]?.name ?? "its site"}. A listing stays at its site; to offer capacity elsewhere, create a new listing.
        </p>
      </div>
      <ListingForm mode="edit" sites={sites} initial={listingFormValues(listing)} listingId={listing.id} status={listing.status} cancelHref={manageHref} />
    </div>
  );
}
