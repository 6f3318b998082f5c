// Reservations: creation under the capacity rule, and every transition with its money,
// ledger, audit and mail in one transaction.
import { isUuid } from "@/lib/ids";
import "server-only";
import { requireVerifiedEmail } from "./users";
import { createHash } from "node:crypto";
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Executor, Transaction } from "@/db";
import { bookings, bookingTransitions, listings, messageThreads, organizations, payments, sites, users } from "@/db/schema";
import { assertRole, isAdmin, requireOrganization, type Actor } from "@/lib/auth/policy";
import { availabilitySpans, freeKwOver } from "@/lib/domain/availability";
import { ACCEPTANCE_WINDOW_HOURS, HOLD_MINUTES, nextBookingStatus, type BookingEvent, type BookingStatus } from "@/lib/domain/booking-lifecycle";
import { addMonths, todayUtc } from "@/lib/domain/days";
import { bookingTotalCents, depositCents } from "@/lib/domain/pricing";
import { env } from "@/lib/env";
import { AppError, sqlStateOf } from "@/lib/errors";
import { createBookingSchema } from "@/lib/validations/booking";
import { holdsFor } from "./listings";

export type BookingActor = { kind: "user" | "admin" | "system" | "payment_provider"; userId: string | null };

export const bookingColumns = {
  id: bookings.id,
  listingId: bookings.listingId,
  buyerOrganizationId: bookings.buyerOrganizationId,
  createdBy: bookings.createdBy,
  kw: bookings.kw,
  startDate: bookings.startDate,
  endDate: bookings.endDate,
  status: bookings.status,
  priceCentsPerKwMonth: bookings.priceCentsPerKwMonth,
  depositPercent: bookings.depositPercent,
  totalCents: bookings.totalCents,
  depositCents: bookings.depositCents,
  platformFeeBps: bookings.platformFeeBps,
  expiresAt: bookings.expiresAt,
  respondBy: bookings.respondBy,
  statusReason: bookings.statusReason,
  createdAt: bookings.createdAt,
  updatedAt: bookings.updatedAt,
};

export type BookingRow = Awaited<ReturnType<typeof lockBooking>> & {};

/** The request's fingerprint for Idempotency-Key: the same key must come with the same body. */
function requestHash(input: object): string {
  return createHash("sha256").update(JSON.stringify(input, Object.keys(input).sort())).digest("hex");
}

type NewBooking = { id: string; status: BookingStatus; depositCents: number; totalCents: number; expiresAt: Date; paymentId: string; checkoutUrl: string | null };

/**
 * Reserves kW of a listing for [start, end) as a 30-minute hold (pending_deposit).
 *
 * The capacity rule is decided under a row lock on the listing (SELECT … FOR NO KEY UPDATE):
 * every reservation of one listing, from any app instance, queues on that lock, so the
 * free kW read below cannot change before the insert commits. A serializable
 * transaction with retries would also work; the lock is simpler, retries nothing, and
 * only serialises requests for the same listing. The database trigger
 * bookings_capacity_guard re-checks the same rule as a backstop.
 */
export async function createBooking(
  db: Executor,
  actor: Actor,
  body: unknown,
  options: { idempotencyKey?: string; now?: Date } = {},
): Promise<NewBooking & { replayed: boolean }> {
  assertRole(actor, "buyer");
  const buyerOrganizationId = requireOrganization(actor);
  const input = createBookingSchema.parse(body);
  await requireVerifiedEmail(db, actor.userId);
  const now = options.now ?? new Date();
  const key = options.idempotencyKey?.trim();
  if (key !== undefined && (key.length < 8 || key.length > 200)) {
    throw AppError.validation({ "Idempotency-Key": "Use an Idempotency-Key of 8 to 200 characters (a UUID is ideal)." });
  }
  const hash = requestHash(input);
  if (key) {
    const existing = await findByIdempotencyKey(db, buyerOrganizationId, key);
    if (existing) return replay(existing, hash);
  }

  try {
    return await db.transaction(async (tx) => {
      const [listing] = await tx
        .select({
          id: listings.id,
          organizationId: listings.organizationId,
          status: listings.status,
          orgStatus: organizations.status,
          capacityKw: listings.capacityKw,
          availableFrom: listings.availableFrom,
          availableUntil: listings.availableUntil,
          minTermMonths: listings.minTermMonths,
          priceCentsPerKwMonth: listings.priceCentsPerKwMonth,
          depositPercent: listings.depositPercent,
        })
        .from(listings)
        .innerJoin(organizations, eq(organizations.id, listings.organizationId))
        .where(eq(listings.id, input.listingId))
        // NO KEY UPDATE: serialises reservations of this listing without blocking inserts
        // elsewhere that only reference it (their foreign key checks take KEY SHARE).
        .for("no key update", { of: listings });
      if (!listing || listing.status !== "published" || listing.orgStatus !== "active") throw AppError.notFound("Listing");

      const problems = reservationProblems(input, listing, todayUtc(now));
      if (problems) throw new AppError("unprocessable", 422, problems.message, problems.fields);

      const spans = availabilitySpans(listing.capacityKw, listing.availableFrom, listing.availableUntil, await holdsFor(tx, listing.id, { from: input.start, to: input.end }));
      const freeKw = freeKwOver(spans, input.start, input.end);
      if (input.kw > freeKw) {
        throw AppError.conflict(
          freeKw === 0
            ? `No capacity is free on every day from ${input.start} to ${input.end}. Try other dates.`
            : `Only ${freeKw.toLocaleString("en-US")} kW are free on every day from ${input.start} to ${input.end}; you asked for ${input.kw.toLocaleString("en-US")} kW.`,
          "capacity_exceeded",
          { freeKw },
        );
      }

      const expiresAt = new Date(now.getTime() + HOLD_MINUTES * 60_000);
      const deposit = depositCents(input.kw, listing.priceCentsPerKwMonth, listing.depositPercent);
      const [booking] = await tx
        .insert(bookings)
        .values({
          listingId: listing.id,
          buyerOrganizationId,
          createdBy: actor.userId,
          kw: input.kw,
          startDate: input.start,
          endDate: input.end,
          status: "pending_deposit",
          priceCentsPerKwMonth: listing.priceCentsPerKwMonth,
          depositPercent: listing.depositPercent,
          totalCents: bookingTotalCents(input.kw, listing.priceCentsPerKwMonth, input.start, input.end),
          depositCents: deposit,
          platformFeeBps: env.platformFeeBps,
          expiresAt,
          idempotencyKey: key ?? null,
          idempotencyHash: key ? hash : null,
          createdAt: now,
        })
        .returning({ id: bookings.id, status: bookings.status, depositCents: bookings.depositCents, totalCents: bookings.totalCents, expiresAt: bookings.expiresAt });
      await recordTransition(tx, booking!.id, null, "pending_deposit", { kind: "user", userId: actor.userId }, null, now);
      // Every booking has its conversation from the start, so both parties can talk before the deposit is paid.
      await tx.insert(messageThreads).values({ kind: "booking", listingId: listing.id, buyerOrganizationId, minerOrganizationId: listing.organizationId, bookingId: booking!.id, lastMessageAt: now, createdAt: now });
      const [payment] = await tx
        .insert(payments)
        .values({ bookingId: booking!.id, provider: env.stripe ? "stripe" : "test", amountCents: deposit, createdAt: now })
        .returning({ id: payments.id });
      return { ...booking!, paymentId: payment!.id, checkoutUrl: null, replayed: false };
    });
  } catch (error) {
    // Two requests with one Idempotency-Key raced: the unique index kept one; answer with it.
    if (key && sqlStateOf(error) === "23505") {
      const existing = await findByIdempotencyKey(db, buyerOrganizationId, key);
      if (existing) return replay(existing, hash);
    }
    if (sqlStateOf(error) === "23514" && String((error as { cause?: { message?: string } }).cause?.message ?? error).includes("capacity_exceeded")) {
      throw AppError.conflict("Not enough capacity is free for those dates any more. Try fewer kW or other dates.", "capacity_exceeded");
    }
    throw error;
  }
}

function replay(existing: NewBooking & { idempotencyHash: string | null }, hash: string): NewBooking & { replayed: boolean } {
  if (existing.idempotencyHash !== hash) {
    throw AppError.conflict("This Idempotency-Key was already used for a different reservation. Use a new key for a new request.", "idempotency_key_reused");
  }
  return { id: existing.id, status: existing.status, depositCents: existing.depositCents, totalCents: existing.totalCents, expiresAt: existing.expiresAt, paymentId: existing.paymentId, checkoutUrl: existing.checkoutUrl, replayed: true };
}

async function findByIdempotencyKey(db: Executor, buyerOrganizationId: string, key: string) {
  const [row] = await db
    .select({
      id: bookings.id,
      status: bookings.status,
      depositCents: bookings.depositCents,
      totalCents: bookings.totalCents,
      expiresAt: bookings.expiresAt,
      idempotencyHash: bookings.idempotencyHash,
      paymentId: payments.id,
      checkoutUrl: payments.checkoutUrl,
    })
    .from(bookings)
    .innerJoin(payments, eq(payments.bookingId, bookings.id))
    .where(and(eq(bookings.buyerOrganizationId, buyerOrganizationId), eq(bookings.idempotencyKey, key)))
    .limit(1);
  return row ?? null;
}

/** Why a well-formed request cannot be served (422), or null. */
export function reservationProblems(
  input: { kw: number; start: string; end: string },
  listing: { capacityKw: number; availableFrom: string; availableUntil: string; minTermMonths: number },
  today: string,
): { message: string; fields: Record<string, string> } | null {
  const fields: Record<string, string> = {};
  if (input.end <= input.start) fields.end = "The end date must come after the start date.";
  if (input.start < today) fields.start = "The start date cannot be in the past.";
  if (input.start < listing.availableFrom) fields.start ??= `This listing is available from ${listing.availableFrom}.`;
  if (input.end > listing.availableUntil) fields.end ??= `This listing is available until ${listing.availableUntil}.`;
  if (!fields.end && addMonths(input.start, listing.minTermMonths) > input.end) {
    fields.end = `The minimum term is ${listing.minTermMonths} month${listing.minTermMonths === 1 ? "" : "s"}: end on ${addMonths(input.start, listing.minTermMonths)} or later.`;
  }
  if (input.kw > listing.capacityKw) fields.kw = `This listing offers ${listing.capacityKw.toLocaleString("en-US")} kW at most.`;
  if (Object.keys(fields).length === 0) return null;
  return { message: "Those dates or that amount do not fit this listing.", fields };
}

export async function recordTransition(
  tx: Executor,
  bookingId: string,
  from: BookingStatus | null,
  to: BookingStatus,
  actor: BookingActor,
  reason: string | null,
  at = new Date(),
) {
  await tx.insert(bookingTransitions).values({ bookingId, fromStatus: from, toStatus: to, actorKind: actor.kind, actorUserId: actor.userId, reason, createdAt: at });
}

/** The booking row, locked for the rest of the transaction. */
export async function lockBooking(tx: Transaction, id: string) {
  if (!isUuid(id)) return null;
  const [row] = await tx.select(bookingColumns).from(bookings).where(eq(bookings.id, id)).for("update");
  return row ?? null;
}

/** Moves a locked booking to the status `event` leads to, recording who did it and why. */
export async function applyTransition(tx: Transaction, booking: NonNullable<BookingRow>, event: BookingEvent, actor: BookingActor, reason: string | null, now = new Date()) {
  const to = nextBookingStatus(event, booking.status);
  if (!to) {
    throw AppError.conflict(`A booking that is ${booking.status.replace("_", " ")} cannot be ${EVENT_PAST[event]}.`, "invalid_transition", { status: booking.status });
  }
  await tx
    .update(bookings)
    .set({
      status: to,
      statusReason: reason ?? booking.statusReason,
      ...(to === "awaiting_provider" ? { respondBy: new Date(now.getTime() + ACCEPTANCE_WINDOW_HOURS * 3_600_000) } : {}),
      updatedAt: now,
    })
    .where(eq(bookings.id, booking.id));
  await recordTransition(tx, booking.id, booking.status, to, actor, reason, now);
  return to;
}

const EVENT_PAST: Record<BookingEvent, string> = {
  deposit_authorized: "paid",
  hold_expired: "expired",
  accept: "accepted",
  decline: "declined",
  lapse: "lapsed",
  cancel: "cancelled",
  start: "started",
  complete: "completed",
  refund: "refunded",
};

/** The parties of a booking: the buyer organization and the listing's (miner) organization. */
export async function bookingParties(db: Executor, bookingId: string) {
  const [row] = await db
    .select({ buyerOrganizationId: bookings.buyerOrganizationId, minerOrganizationId: listings.organizationId, listingTitle: listings.title, createdBy: bookings.createdBy })
    .from(bookings)
    .innerJoin(listings, eq(listings.id, bookings.listingId))
    .where(eq(bookings.id, bookingId));
  return row ?? null;
}

/** Emails of the active users of these organizations, for booking mail. */
export async function organizationEmails(db: Executor, organizationIds: string[]) {
  if (organizationIds.length === 0) return [];
  const rows = await db
    .select({ email: users.email, organizationId: users.organizationId })
    .from(users)
    .where(and(inArray(users.organizationId, organizationIds), eq(users.status, "active")));
  return rows;
}

/** One booking for its two parties and admins, with its history; 404 for anyone else. */
export async function getBookingForViewer(db: Executor, actor: Actor, id: string) {
  if (!isUuid(id)) throw AppError.notFound("Booking");
  const [row] = await db
    .select({
      ...bookingColumns,
      listingTitle: listings.title,
      minerOrganizationId: listings.organizationId,
      siteName: sites.name,
      siteCountry: sites.country,
      siteRegion: sites.region,
    })
    .from(bookings)
    .innerJoin(listings, eq(listings.id, bookings.listingId))
    .innerJoin(sites, eq(sites.id, listings.siteId))
    .where(eq(bookings.id, id));
  if (!row) throw AppError.notFound("Booking");
  const party = row.buyerOrganizationId === actor.organizationId || row.minerOrganizationId === actor.organizationId;
  if (!party && !isAdmin(actor)) throw AppError.notFound("Booking");

  const [orgNames, transitions, [payment]] = await Promise.all([
    db.select({ id: organizations.id, name: organizations.name }).from(organizations).where(inArray(organizations.id, [row.buyerOrganizationId, row.minerOrganizationId])),
    db
      .select({ from: bookingTransitions.fromStatus, to: bookingTransitions.toStatus, actorKind: bookingTransitions.actorKind, actorName: users.name, reason: bookingTransitions.reason, at: bookingTransitions.createdAt })
      .from(bookingTransitions)
      .leftJoin(users, eq(users.id, bookingTransitions.actorUserId))
      .where(eq(bookingTransitions.bookingId, id))
      .orderBy(asc(bookingTransitions.createdAt), asc(bookingTransitions.id)),
    db.select({ id: payments.id, status: payments.status, provider: payments.provider, amountCents: payments.amountCents, checkoutUrl: payments.checkoutUrl }).from(payments).where(eq(payments.bookingId, id)),
  ]);
  const name = (orgId: string) => orgNames.find((o) => o.id === orgId)?.name ?? "";
  return {
    ...row,
    buyerOrganizationName: name(row.buyerOrganizationId),
    minerOrganizationName: name(row.minerOrganizationId),
    role: row.buyerOrganizationId === actor.organizationId ? ("buyer" as const) : row.minerOrganizationId === actor.organizationId ? ("miner" as const) : ("admin" as const),
    payment: payment ?? null,
    transitions,
  };
}

/** The caller's organization's bookings: as buyer, or on its listings as miner. Newest first. */
export async function listBookings(db: Executor, actor: Actor, options: { statuses?: BookingStatus[]; limit?: number } = {}) {
  assertRole(actor, "buyer", "miner");
  const organizationId = requireOrganization(actor);
  const mine = actor.role === "buyer" ? eq(bookings.buyerOrganizationId, organizationId) : eq(listings.organizationId, organizationId);
  return db
    .select({
      id: bookings.id,
      listingId: bookings.listingId,
      listingTitle: listings.title,
      buyerOrganizationId: bookings.buyerOrganizationId,
      buyerOrganizationName: organizations.name,
      kw: bookings.kw,
      startDate: bookings.startDate,
      endDate: bookings.endDate,
      status: bookings.status,
      totalCents: bookings.totalCents,
      depositCents: bookings.depositCents,
      expiresAt: bookings.expiresAt,
      respondBy: bookings.respondBy,
      createdAt: bookings.createdAt,
      paymentStatus: payments.status,
      checkoutUrl: payments.checkoutUrl,
    })
    .from(bookings)
    .innerJoin(listings, eq(listings.id, bookings.listingId))
    .innerJoin(organizations, eq(organizations.id, bookings.buyerOrganizationId))
    .leftJoin(payments, eq(payments.bookingId, bookings.id))
    .where(and(mine, options.statuses ? inArray(bookings.status, options.statuses) : undefined))
    .orderBy(desc(bookings.createdAt))
    .limit(options.limit ?? 200);
}

