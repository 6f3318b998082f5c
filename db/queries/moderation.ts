// Listing moderation: the review queue, approval and rejection. Every decision is audited
// and mailed to the miner organization.
import { isUuid } from "@/lib/ids";
import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { rawRows, type Database, type Executor } from "@/db";
import { listings, organizations, sites, users } from "@/db/schema";
import { assertRole, type Actor } from "@/lib/auth/policy";
import { nextStatus } from "@/lib/domain/listing-lifecycle";
import { AppError } from "@/lib/errors";
import { enqueueMail } from "@/lib/mail";
import { rejectSchema } from "@/lib/validations/admin";
import { MATERIAL_TERMS } from "@/lib/validations/listing";
import { writeAudit } from "./audit";

const REVIEWED_TERMS = [...MATERIAL_TERMS, "title", "maxKwPerRack", "rackCount", "minTermMonths", "depositPercent", "interruptible", "description"] as const;

/**
 * Listings waiting for a decision, as a scalar subquery: the queue's tab and the admin
 * overview both show this number, so they count it the same way.
 */
export const pendingReviewCount = sql<number>`(select count(*) from ${listings} where ${listings.status} = 'pending_review')::int`;

/** How many listings wait for review, for the queue's tab. */
export async function countPendingReview(db: Executor, actor: Actor) {
  assertRole(actor, "admin");
  const [row] = await rawRows<{ n: number }>(db, sql`select ${pendingReviewCount} as n`);
  return Number(row?.n ?? 0);
}

/** The queue, oldest submission first, with what changed since the last approval and the miner's history. */
export async function moderationQueue(db: Executor, actor: Actor, status: "pending_review" | "rejected" | "published" = "pending_review") {
  assertRole(actor, "admin");
  const rows = await db
    .select({
      id: listings.id,
      title: listings.title,
      status: listings.status,
      submittedAt: listings.submittedAt,
      capacityKw: listings.capacityKw,
      cooling: listings.cooling,
      maxKwPerRack: listings.maxKwPerRack,
      rackCount: listings.rackCount,
      priceCentsPerKwMonth: listings.priceCentsPerKwMonth,
      minTermMonths: listings.minTermMonths,
      availableFrom: listings.availableFrom,
      availableUntil: listings.availableUntil,
      depositPercent: listings.depositPercent,
      interruptible: listings.interruptible,
      description: listings.description,
      reviewedTerms: listings.reviewedTerms,
      rejectionReason: listings.rejectionReason,
      siteId: sites.id,
      siteName: sites.name,
      siteCountry: sites.country,
      siteRegion: sites.region,
      siteVerified: sql<boolean>`${sites.verifiedAt} is not null`,
      organizationId: organizations.id,
      organizationName: organizations.name,
      organizationStatus: organizations.status,
      published: sql<number>`(select count(*) from listings x where x.organization_id = ${organizations.id} and x.status in ('published', 'paused'))::int`,
      rejected: sql<number>`(select count(*) from listings x where x.organization_id = ${organizations.id} and x.status = 'rejected')::int`,
      reportCount: sql<number>`(select count(*) from reports r join listings x on x.id = r.listing_id where x.organization_id = ${organizations.id})::int`,
    })
    .from(listings)
    .innerJoin(sites, eq(sites.id, listings.siteId))
    .innerJoin(organizations, eq(organizations.id, listings.organizationId))
    .where(eq(listings.status, status))
    .orderBy(asc(listings.submittedAt), asc(listings.id))
    .limit(200);
  return rows.map((row) => ({ ...row, changes: changesSinceReview(row) }));
}

/** Terms that differ from what was last reviewed (empty for a first submission). */
export function changesSinceReview(row: Record<string, unknown> & { reviewedTerms: Record<string, unknown> | null }) {
  if (!row.reviewedTerms) return [];
  return REVIEWED_TERMS.filter((key) => JSON.stringify(row.reviewedTerms![key] ?? null) !== JSON.stringify(row[key] ?? null)).map((key) => ({
    field: key,
    before: row.reviewedTerms![key] ?? null,
    after: row[key] ?? null,
  }));
}

async function decide(db: Database, actor: Actor, listingId: string, decision: "approve" | "reject", reason: string | null) {
  assertRole(actor, "admin");
  if (!isUuid(listingId)) throw AppError.notFound("Listing");
  return db.transaction(async (tx) => {
    const [listing] = await tx.select().from(listings).where(eq(listings.id, listingId)).for("update");
    if (!listing) throw AppError.notFound("Listing");
    const to = nextStatus(decision, listing.status);
    if (!to) throw AppError.conflict(`Only listings in review can be ${decision === "approve" ? "approved" : "rejected"}; this one is ${listing.status.replace("_", " ")}.`, "invalid_transition", { status: listing.status });
    const now = new Date();
    const reviewedTerms = Object.fromEntries(REVIEWED_TERMS.map((k) => [k, listing[k]]));
    const [updated] = await tx
      .update(listings)
      .set({
        status: to,
        reviewedAt: now,
        reviewedBy: actor.userId,
        rejectionReason: decision === "reject" ? reason : null,
        // The terms as reviewed, approved or not: a resubmission shows what changed since.
        reviewedTerms,
        ...(decision === "approve" ? { publishedAt: listing.publishedAt ?? now } : {}),
      })
      .where(eq(listings.id, listingId))
      .returning({ id: listings.id, status: listings.status, title: listings.title, rejectionReason: listings.rejectionReason, organizationId: listings.organizationId });
    await writeAudit(tx, {
      actorUserId: actor.userId,
      action: decision === "approve" ? "listing.approved" : "listing.rejected",
      targetType: "listing",
      targetId: listingId,
      organizationId: listing.organizationId,
      data: decision === "reject" ? { reason } : { terms: reviewedTerms },
    });
    const recipients = await tx.select({ email: users.email }).from(users).where(and(eq(users.organizationId, listing.organizationId), eq(users.status, "active")));
    for (const { email } of recipients) {
      await enqueueMail(tx, {
        to: email,
        template: decision === "approve" ? "listing.approved" : "listing.rejected",
        subject: decision === "approve" ? `Published: ${listing.title}` : `Changes needed: ${listing.title}`,
        text:
          decision === "approve"
            ? `Your listing “${listing.title}” passed review and is now visible to AI teams.\n\n— Substation`
            : `Your listing “${listing.title}” was not published.\n\nReason: ${reason}\n\nEdit the listing and submit it again when it is ready.\n\n— Substation`,
      });
    }
    return updated!;
  });
}

export function approveListing(db: Database, actor: Actor, listingId: string) {
  return decide(db, actor, listingId, "approve", null);
}

export function rejectListing(db: Database, actor: Actor, listingId: string, body: unknown) {
  const { reason } = rejectSchema.parse(body);
  return decide(db, actor, listingId, "reject", reason);
}

/** Bulk approval for the obvious cases: each listing in its own transaction, outcomes reported per id. */
export async function approveListings(db: Database, actor: Actor, listingIds: string[]) {
  assertRole(actor, "admin");
  const outcomes: { id: string; ok: boolean; error?: string }[] = [];
  for (const id of listingIds.slice(0, 100)) {
    try {
      await approveListing(db, actor, id);
      outcomes.push({ id, ok: true });
    } catch (error) {
      outcomes.push({ id, ok: false, error: error instanceof AppError ? error.message : "failed" });
    }
  }
  return outcomes;
}

/**
 * An admin takes a published listing down (from a report), audited. It becomes rejected
 * with the reason, not paused: the miner must edit and resubmit it through review, and
 * cannot simply resume it.
 */
export async function unpublishListing(tx: Executor, actor: Actor, listingId: string, reason: string) {
  assertRole(actor, "admin");
  const [row] = await tx
    .update(listings)
    .set({ status: "rejected", rejectionReason: reason, reviewedAt: new Date(), reviewedBy: actor.userId })
    .where(and(eq(listings.id, listingId), inArray(listings.status, ["published", "paused"])))
    .returning({ id: listings.id, organizationId: listings.organizationId });
  if (row) await writeAudit(tx, { actorUserId: actor.userId, action: "listing.unpublished", targetType: "listing", targetId: listingId, organizationId: row.organizationId, data: { reason } });
  return Boolean(row);
}

