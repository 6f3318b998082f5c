import { isUuid } from "@/lib/ids";
import "server-only";
import { ratingOf } from "@/lib/domain/rating";
import { requireVerifiedEmail } from "./users";
import { and, desc, eq, gt, inArray, lt, or, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { bookings, listings, organizations, sites } from "@/db/schema";
import { assertCanReadOrg, assertCanWriteOrg, assertRole, isAdmin, requireOrganization, type Actor } from "@/lib/auth/policy";
import { COUNTING_STATUSES } from "@/lib/domain/booking-lifecycle";
import { availabilitySpans, peakBookedKw, type Hold } from "@/lib/domain/availability";
import { todayUtc } from "@/lib/domain/days";
import { editNeedsReview, isEditable, nextStatus, type ListingStatus, type OwnerAction } from "@/lib/domain/listing-lifecycle";
import { listingRuleErrors } from "@/lib/domain/listing-rules";
import { AppError } from "@/lib/errors";
import { writeAudit } from "./audit";
import { getPublicSite, getSite } from "./sites";
import { createListingSchema, listingTermsSchema, MATERIAL_TERMS, type ListingTerms } from "@/lib/validations/listing";

const listingColumns = {
  id: listings.id,
  siteId: listings.siteId,
  organizationId: listings.organizationId,
  title: listings.title,
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
  status: listings.status,
  rejectionReason: listings.rejectionReason,
  submittedAt: listings.submittedAt,
  reviewedAt: listings.reviewedAt,
  publishedAt: listings.publishedAt,
  archivedAt: listings.archivedAt,
  createdAt: listings.createdAt,
  updatedAt: listings.updatedAt,
};

export type ListingView = NonNullable<Awaited<ReturnType<typeof loadListing>>>;

/** Bookings that count against capacity now: unexpired holds and live requests/bookings. */
export function countingBookings(now = new Date()) {
  return or(
    inArray(bookings.status, COUNTING_STATUSES.filter((status) => status !== "pending_deposit")),
    and(eq(bookings.status, "pending_deposit"), gt(bookings.expiresAt, now)),
  );
}

async function loadListing(db: Executor, id: string, lock = false) {
  if (!isUuid(id)) return null;
  const query = db.select(listingColumns).from(listings).where(eq(listings.id, id)).limit(1);
  const [row] = lock ? await query.for("update") : await query;
  return row ?? null;
}

async function siteFactsFor(db: Executor, siteId: string) {
  const [site] = await db
    .select({
      organizationId: sites.organizationId,
      energizedKw: sites.energizedKw,
      plannedKw: sites.plannedKw,
      plannedEnergizationDate: sites.plannedEnergizationDate,
      coolingTypes: sites.coolingTypes,
    })
    .from(sites)
    .where(eq(sites.id, siteId))
    .limit(1);
  return site ?? null;
}

function termsOf(listing: ListingView): ListingTerms {
  return {
    title: listing.title,
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
  };
}

/** Counted bookings of a listing, optionally only those overlapping [from, to). */
export async function holdsFor(db: Executor, listingId: string, overlapping?: { from: string; to: string }): Promise<Hold[]> {
  const rows = await db
    .select({ start: bookings.startDate, end: bookings.endDate, kw: bookings.kw })
    .from(bookings)
    .where(
      and(
        eq(bookings.listingId, listingId),
        countingBookings(),
        overlapping ? and(lt(bookings.startDate, overlapping.to), gt(bookings.endDate, overlapping.from)) : undefined,
      ),
    );
  return rows;
}

export async function createListing(db: Executor, actor: Actor, body: unknown) {
  assertRole(actor, "miner");
  const organizationId = requireOrganization(actor);
  const input = createListingSchema.parse(body);
  const site = await siteFactsFor(db, input.siteId);
  if (!site || site.organizationId !== organizationId) {
    throw AppError.validation({ siteId: "Choose one of your organization's sites." });
  }
  const { siteId, ...terms } = input;
  const errors = listingRuleErrors(terms, site, { today: todayUtc(), isNew: true });
  if (Object.keys(errors).length) throw AppError.validation(errors);
  const [row] = await db
    .insert(listings)
    .values({ ...terms, description: terms.description ?? "", siteId, organizationId, status: "draft" })
    .returning(listingColumns);
  return row!;
}

/**
 * Edits a listing's terms. Runs under a row lock on the listing so the capacity check
 * against its bookings cannot race a reservation. Material changes by the owner to a
 * published or paused listing send it back to review.
 */
export async function updateListing(db: Executor, actor: Actor, id: string, body: unknown) {
  const patch = listingTermsSchema.partial().parse(body);
  return db.transaction(async (tx) => {
    const current = await loadListing(tx, id, true);
    if (!current) throw AppError.notFound("Listing");
    if (!isAdmin(actor)) assertCanWriteOrg(actor, current.organizationId, "Listing");
    if (!isEditable(current.status)) throw AppError.conflict("An archived listing cannot be edited.", "invalid_transition");

    const before = termsOf(current);
    const after = listingTermsSchema.parse({ ...before, ...patch });
    const site = await siteFactsFor(tx, current.siteId);
    const errors = listingRuleErrors(after, site!, { today: todayUtc(), isNew: false });
    // Unchanged dates in the past are fine on an existing listing.
    if (after.availableFrom === before.availableFrom) delete errors.availableFrom;
    if (Object.keys(errors).length) throw AppError.validation(errors);

    const materialChanged = MATERIAL_TERMS.some((key) => before[key] !== after[key]);
    if (materialChanged) await assertBookingsStillFit(tx, id, after);
    const backToReview = !isAdmin(actor) && editNeedsReview(current.status, materialChanged);
    const [row] = await tx
      .update(listings)
      .set({
        ...after,
        description: after.description ?? "",
        ...(backToReview ? { status: "pending_review" as const, submittedAt: new Date() } : {}),
      })
      .where(eq(listings.id, id))
      .returning(listingColumns);
    // Admins may edit any listing without a new review (PRODUCT.md); like every admin action, it is audited.
    if (isAdmin(actor)) {
      const changed = (Object.keys(after) as (keyof ListingTerms)[]).filter((key) => before[key] !== after[key]);
      await writeAudit(tx, { actorUserId: actor.userId, action: "listing.edited_by_admin", targetType: "listing", targetId: id, organizationId: current.organizationId, data: { changed: Object.fromEntries(changed.map((k) => [k, { before: before[k], after: after[k] }])) } });
    }
    return { listing: row!, sentToReview: backToReview };
  });
}

/** New terms must still hold every booking that counts: capacity on its peak day, and the window. */
async function assertBookingsStillFit(db: Executor, listingId: string, terms: ListingTerms) {
  const holds = await holdsFor(db, listingId);
  if (holds.length === 0) return;
  const outside = holds.filter((h) => h.start < terms.availableFrom || h.end > terms.availableUntil);
  if (outside.length) {
    throw AppError.conflict(
      `${outside.length} booking(s) fall outside the new window (the earliest starts ${outside.map((h) => h.start).sort()[0]}). Keep the window around them.`,
    );
  }
  const peak = peakBookedKw(holds, terms.availableFrom, terms.availableUntil);
  if (peak > terms.capacityKw) {
    throw AppError.conflict(`Bookings already hold ${peak} kW on their busiest day; capacity cannot go below that.`, "capacity_exceeded", { bookedKw: peak });
  }
}

/** Owner lifecycle actions: submit, withdraw, pause, resume, archive. */
export async function transitionListing(db: Executor, actor: Actor, id: string, action: OwnerAction) {
  return db.transaction(async (tx) => {
    const current = await loadListing(tx, id, true);
    if (!current) throw AppError.notFound("Listing");
    assertCanWriteOrg(actor, current.organizationId, "Listing");
    const to = nextStatus(action, current.status);
    if (!to) {
      throw AppError.conflict(`A listing that is ${current.status.replace("_", " ")} cannot be ${PAST[action]}.`, "invalid_transition", {
        status: current.status,
      });
    }
    if (action === "submit") {
      await requireVerifiedEmail(tx, actor.userId);
      // Terms may have gone stale since the draft was written (a window now in the past).
      const site = await siteFactsFor(tx, current.siteId);
      const errors = listingRuleErrors(termsOf(current), site!, { today: todayUtc(), isNew: false });
      if (Object.keys(errors).length) throw AppError.validation(errors, "Fix these terms before submitting the listing.");
    }
    const now = new Date();
    const [row] = await tx
      .update(listings)
      .set({
        status: to,
        ...(to === "pending_review" ? { submittedAt: now } : {}),
        ...(to === "archived" ? { archivedAt: now } : {}),
      })
      .where(eq(listings.id, id))
      .returning(listingColumns);
    return row!;
  });
}

const PAST: Record<OwnerAction, string> = { submit: "submitted", withdraw: "withdrawn", pause: "paused", resume: "resumed", archive: "archived" };

/**
 * A listing with its site and organization. Published listings of active organizations
 * are public; anything else is visible to its owners and admins only (404 otherwise).
 */
export async function getListingForViewer(db: Executor, actor: Actor | null, id: string) {
  const listing = await loadListing(db, id);
  if (!listing) throw AppError.notFound("Listing");
  const [org] = await db
    .select({ id: organizations.id, name: organizations.name, status: organizations.status, ratingSum: organizations.ratingSum, ratingCount: organizations.ratingCount })
    .from(organizations)
    .where(eq(organizations.id, listing.organizationId));
  const isPublic = listing.status === "published" && org?.status === "active";
  if (!isPublic) {
    if (!actor) throw AppError.notFound("Listing");
    assertCanReadOrg(actor, listing.organizationId, "Listing");
  }
  const holds = await holdsFor(db, id);
  return {
    listing,
    organization: { id: org!.id, name: org!.name },
    /** The miner's rating from its published, visible reviews. */
    rating: ratingOf(org!.ratingSum, org!.ratingCount),
    isPublic,
    availability: availabilitySpans(listing.capacityKw, listing.availableFrom, listing.availableUntil, holds),
  };
}

/**
 * getListingForViewer with the listing's site, for the listing page and the API: a public
 * listing shows its site as buyers see it; otherwise the site is read as its owners and
 * admins read it. The site is null only if the listing stopped being public in between.
 */
export async function getListingWithSite(db: Executor, actor: Actor | null, id: string) {
  const view = await getListingForViewer(db, actor, id);
  // getListingForViewer has already refused a non-public listing to a visitor without an actor.
  const site = view.isPublic ? await getPublicSite(db, view.listing.siteId) : await getSite(db, actor!, view.listing.siteId);
  return { ...view, site };
}

/**
 * The actor's own organization's listing, for the miner's management pages: another
 * organization's listing is not found here even when it is published.
 */
export async function getOwnListing(db: Executor, actor: Actor, id: string) {
  const view = await getListingForViewer(db, actor, id);
  if (view.listing.organizationId !== actor.organizationId) throw AppError.notFound("Listing");
  return view;
}

/** The organization's listings with their site names, newest first. */
export async function listOrgListings(db: Executor, actor: Actor, organizationId: string, statuses?: ListingStatus[]) {
  assertCanReadOrg(actor, organizationId, "That organization");
  return db
    .select({ ...listingColumns, siteName: sites.name, siteRegion: sites.region, siteCountry: sites.country })
    .from(listings)
    .innerJoin(sites, eq(sites.id, listings.siteId))
    .where(and(eq(listings.organizationId, organizationId), statuses ? inArray(listings.status, statuses) : undefined))
    .orderBy(desc(listings.updatedAt));
}

export async function listSiteListings(db: Executor, actor: Actor, siteId: string) {
  const [site] = await db.select({ organizationId: sites.organizationId }).from(sites).where(eq(sites.id, siteId));
  if (!site) throw AppError.notFound("Site");
  assertCanReadOrg(actor, site.organizationId, "Site");
  return db
    .select(listingColumns)
    .from(listings)
    .where(eq(listings.siteId, siteId))
    .orderBy(sql`${listings.status} = 'archived'`, desc(listings.updatedAt));
}
