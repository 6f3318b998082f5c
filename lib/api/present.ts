// The JSON shapes of the API, separate from table rows so columns can change without
// breaking clients.
import type { ListingView } from "@/db/queries/listings";
import type { ThreadMessage, ThreadSummary, ThreadView } from "@/db/queries/messages";

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

export function presentThreadSummary(thread: ThreadSummary) {
  return {
    id: thread.id,
    kind: thread.kind,
    listingId: thread.listingId,
    listingTitle: thread.listingTitle,
    bookingId: thread.bookingId,
    counterparty: thread.counterparty,
    lastMessageAt: thread.lastMessageAt,
    lastMessage: thread.lastMessage,
    unreadCount: thread.unreadCount,
  };
}

export function presentThreadMessage(message: ThreadMessage) {
  return { id: message.id, author: message.author, body: message.body, masked: message.masked, createdAt: message.createdAt };
}

export function presentThread(page: { thread: ThreadView; messages: ThreadMessage[]; hasEarlier: boolean }) {
  return { ...page.thread, messages: page.messages.map(presentThreadMessage), hasEarlier: page.hasEarlier };
}
