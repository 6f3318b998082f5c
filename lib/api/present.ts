// The JSON shapes of the API, separate from table rows so columns can change without
// breaking clients.
import type { ListingView } from "@/db/queries/listings";

export function presentListing(listing: ListingView) {
  return {
    id: listing.id,
    siteId: listing.siteId,
    organizationId: listing.organizationId,
    title: listing.title,
    status: listing.status,
    capacityKw: listing.capacityKw,
    cooling: listing.cooling,
    maxKwPerRack: listing.maxKwPerRack,
    rackCount: listing.rackCount,
    priceCentsPerKwMonth: listing.priceCentsPerKwMonth,
    minTermMonths: listing.minTermMonths,
    availableFrom: listing.availableFrom,
    availableUntil: listing.availableUntil,
    depositPercent: listing.depositPercent,
    interruptible: listing.interruptible,
    description: listing.description,
    rejectionReason: listing.rejectionReason,
    submittedAt: listing.submittedAt,
    publishedAt: listing.publishedAt,
    createdAt: listing.createdAt,
    updatedAt: listing.updatedAt,
  };
}
