// What people and the clock do to a booking: accept, decline, cancel, refund, the releases
// a suspension owes, and the payment provider's authorization. Each runs in one
// transaction that locks the booking, moves money through the provider with an idempotency
// key, and writes the status, the transition, the ledger, the audit log and the mail together.
import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Database, Transaction } from "@/db";
import { organizations } from "@/db/schema";
import { isAdmin, type Actor } from "@/lib/auth/policy";
import type { BookingEvent } from "@/lib/domain/booking-lifecycle";
import { AppError } from "@/lib/errors";
import { enqueueMail } from "@/lib/mail";
import { bookingMail } from "@/lib/mail/templates";
import { idempotencyKey, type PaymentProvider } from "@/lib/payments/provider";
import { applyTransition, bookingParties, lockBooking, organizationEmails, type BookingActor } from "./bookings";
import { paymentOf, recordCaptured, recordRefunded, recordReleased } from "./money";

type Context = { provider: PaymentProvider; appUrl: string; now?: Date };

/** Mails both parties (the buyer organization's and the miner organization's users). */
export async function mailParties(
  tx: Transaction,
  booking: { id: string; kw: number; startDate: string; endDate: string },
  parties: { buyerOrganizationId: string; minerOrganizationId: string; listingTitle: string },
  status: string,
  reason: string | null,
  appUrl: string,
) {
  const recipients = await organizationEmails(tx, [parties.buyerOrganizationId, parties.minerOrganizationId]);
  for (const { email } of recipients) {
    await enqueueMail(tx, bookingMail({ to: email, listingTitle: parties.listingTitle, kw: booking.kw, start: booking.startDate, end: booking.endDate, status, reason, url: `${appUrl}/bookings/${booking.id}` }));
  }
}

type LockedBooking = NonNullable<Awaited<ReturnType<typeof lockBooking>>>;
type Parties = NonNullable<Awaited<ReturnType<typeof bookingParties>>>;

async function act(db: Database, bookingId: string, run: (tx: Transaction, booking: LockedBooking, parties: Parties) => Promise<void>) {
  return db.transaction(async (tx) => {
    const booking = await lockBooking(tx, bookingId);
    if (!booking) throw AppError.notFound("Booking");
    const parties = await bookingParties(tx, bookingId);
    await run(tx, booking, parties!);
    return (await lockBooking(tx, bookingId))!;
  });
}

/** Only the named party may act; the other party is told no (403), strangers learn nothing (404). */
function assertParty(actor: Actor, organizationId: string, parties: { buyerOrganizationId: string; minerOrganizationId: string }) {
  if (actor.organizationId === organizationId) return;
  if (actor.organizationId === parties.buyerOrganizationId || actor.organizationId === parties.minerOrganizationId || isAdmin(actor)) {
    throw AppError.forbidden(organizationId === parties.minerOrganizationId ? "Only the miner can answer this request." : "Only the buyer can cancel this reservation.");
  }
  throw AppError.notFound("Booking");
}

/** The miner accepts: the deposit is captured and the booking confirmed. */
export async function acceptBooking(db: Database, actor: Actor, bookingId: string, ctx: Context) {
  const now = ctx.now ?? new Date();
  return act(db, bookingId, async (tx, booking, parties) => {
    assertParty(actor, parties.minerOrganizationId, parties);
    if (booking.status === "awaiting_provider" && booking.respondBy && booking.respondBy <= now) {
      throw AppError.conflict("The time to answer this request has passed; the deposit is being released.", "invalid_transition");
    }
    const to = await applyTransition(tx, booking, "accept", { kind: "user", userId: actor.userId }, null, now);
    const payment = await paymentOf(tx, bookingId);
    if (!payment?.paymentIntentId || payment.status !== "authorized") throw AppError.conflict("The deposit is not authorized, so it cannot be captured.", "invalid_transition");
    // Captured before commit: if Stripe refuses, the transaction rolls back and nothing changes.
    await ctx.provider.capture(payment.paymentIntentId, idempotencyKey("capture", payment.id));
    await recordCaptured(tx, payment, parties, booking.platformFeeBps, actor.userId, now);
    await mailParties(tx, booking, parties, to, null, ctx.appUrl);
  });
}

/** The miner declines (with a reason): the authorization is released. */
export async function declineBooking(db: Database, actor: Actor, bookingId: string, reason: string | null, ctx: Context) {
  return releaseWith(db, bookingId, "decline", { kind: "user", userId: actor.userId }, reason?.trim() || "Declined by the miner", ctx, (parties) => assertParty(actor, parties.minerOrganizationId, parties));
}

/** The buyer withdraws before the miner accepts. */
export async function cancelBooking(db: Database, actor: Actor, bookingId: string, reason: string | null, ctx: Context) {
  return releaseWith(db, bookingId, "cancel", { kind: "user", userId: actor.userId }, reason?.trim() || "Cancelled by the buyer", ctx, (parties) => assertParty(actor, parties.buyerOrganizationId, parties));
}

/** An admin's suspension releases an open reservation of the suspended organization (db/queries/suspensions.ts). */
export async function releaseByAdmin(db: Database, actor: Actor, bookingId: string, ctx: Context) {
  if (!isAdmin(actor)) throw AppError.forbidden("Only admins release other organizations' reservations.");
  return releaseForSuspension(db, bookingId, { kind: "admin", userId: actor.userId }, ctx);
}

/** The clock retries a suspension's release that failed (the payment provider was down). */
export async function releaseBySystem(db: Database, bookingId: string, ctx: Context) {
  return releaseForSuspension(db, bookingId, { kind: "system", userId: null }, ctx);
}

/**
 * Releases an open reservation because one of its organizations is suspended: a miner's
 * suspension declines the requests waiting on it; everything else is cancelled, deposits
 * released. Decided under the booking's lock with the organizations' rows share-locked, so
 * a reinstatement that commits first leaves the booking alone (invalid_transition) and one
 * that comes later waits for the release to commit.
 */
async function releaseForSuspension(db: Database, bookingId: string, who: BookingActor, ctx: Context) {
  return act(db, bookingId, async (tx, booking, parties) => {
    const suspended = await suspendedParty(tx, parties);
    if (!suspended) throw AppError.conflict("Neither organization of this booking is suspended.", "invalid_transition");
    const event = suspended.id !== parties.buyerOrganizationId && booking.status === "awaiting_provider" ? "decline" : "cancel";
    const reason = suspended.reason ? `Organization suspended: ${suspended.reason}` : "Organization suspended";
    await release(tx, booking, parties, event, who, reason, ctx);
  });
}

/** The suspended one of a booking's organizations; when both are, the one suspended first (its release is the one owed). */
async function suspendedParty(tx: Transaction, parties: Parties) {
  const [org] = await tx
    .select({ id: organizations.id, reason: organizations.suspendedReason })
    .from(organizations)
    .where(and(inArray(organizations.id, [parties.buyerOrganizationId, parties.minerOrganizationId]), eq(organizations.status, "suspended")))
    .orderBy(asc(organizations.suspendedAt), asc(organizations.id))
    .for("share");
  return org ?? null;
}

/** The clock: holds not paid in time, and requests the miner did not answer in time. */
export async function expireBooking(db: Database, bookingId: string, event: "hold_expired" | "lapse", ctx: Context) {
  const reason = event === "lapse" ? "The miner did not answer in time" : "The deposit was not paid within 30 minutes";
  return releaseWith(db, bookingId, event, { kind: "system", userId: null }, reason, ctx, () => {});
}

async function releaseWith(db: Database, bookingId: string, event: BookingEvent, who: BookingActor, reason: string, ctx: Context, authorize: (parties: Parties) => void) {
  return act(db, bookingId, async (tx, booking, parties) => {
    authorize(parties);
    await release(tx, booking, parties, event, who, reason, ctx);
  });
}

/** Moves a locked open booking out of the lifecycle by `event`, releasing an authorized deposit. */
async function release(tx: Transaction, booking: LockedBooking, parties: Parties, event: BookingEvent, who: BookingActor, reason: string, ctx: Context) {
  const now = ctx.now ?? new Date();
  const to = await applyTransition(tx, booking, event, who, reason, now);
  const payment = await paymentOf(tx, booking.id);
  if (payment?.status === "authorized" && payment.paymentIntentId) {
    await ctx.provider.release(payment.paymentIntentId, idempotencyKey("release", payment.id));
    await recordReleased(tx, payment, parties, who.userId, reason, now);
  }
  await mailParties(tx, booking, parties, to, reason, ctx.appUrl);
}

/** An admin refunds: a captured deposit is refunded, an authorized one released. */
export async function refundBooking(db: Database, actor: Actor, bookingId: string, reason: string, ctx: Context) {
  if (!isAdmin(actor)) throw AppError.forbidden("Only admins refund deposits.");
  const now = ctx.now ?? new Date();
  return act(db, bookingId, async (tx, booking, parties) => {
    const to = await applyTransition(tx, booking, "refund", { kind: "admin", userId: actor.userId }, reason, now);
    const payment = await paymentOf(tx, bookingId);
    if (payment?.paymentIntentId && payment.status === "captured") {
      await ctx.provider.refund(payment.paymentIntentId, payment.amountCents, idempotencyKey("refund", payment.id));
      await recordRefunded(tx, payment, parties, actor.userId, reason, now);
    } else if (payment?.paymentIntentId && payment.status === "authorized") {
      await ctx.provider.release(payment.paymentIntentId, idempotencyKey("release", payment.id));
      await recordReleased(tx, payment, parties, actor.userId, reason, now);
    }
    await mailParties(tx, booking, parties, to, reason, ctx.appUrl);
  });
}

/** The clock: confirmed bookings start on their first day, active ones complete after their last. */
export async function advanceBooking(db: Database, bookingId: string, event: "start" | "complete", ctx: Context) {
  const now = ctx.now ?? new Date();
  return act(db, bookingId, async (tx, booking, parties) => {
    const to = await applyTransition(tx, booking, event, { kind: "system", userId: null }, null, now);
    await mailParties(tx, booking, parties, to, null, ctx.appUrl);
  });
}

