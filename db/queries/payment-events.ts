// Payment provider events (Stripe webhooks, the test checkout), each processed exactly
// once: the event id is inserted into payment_events in the same transaction as its
// effects, so a replay — concurrent or later — finds the id and changes nothing. Effects
// only move forward (a payment never goes from released back to authorized), and an event
// that overtakes the ones it implies applies them first, so any delivery order ends the same.
import { isUuid } from "@/lib/ids";
import "server-only";
import { eq, or } from "drizzle-orm";
import type { Database, Transaction } from "@/db";
import { paymentEvents, payments } from "@/db/schema";
import type { BookingEvent } from "@/lib/domain/booking-lifecycle";
import { idempotencyKey, type PaymentProvider } from "@/lib/payments/provider";
import { mailParties } from "./booking-actions";
import { applyTransition, bookingParties, lockBooking } from "./bookings";
import { paymentOf, recordAuthorized, recordCaptured, recordDisputed, recordRefunded, recordReleased, type PaymentRow } from "./money";

export type PaymentEvent = {
  /** The provider's event id (Stripe: evt_…), the key of exactly-once processing. */
  id: string;
  provider: "stripe" | "test";
  /** The provider's own event type, kept for the record. */
  providerType: string;
  kind: "authorized" | "captured" | "released" | "refunded" | "disputed";
  /** At least one of these finds the payment. */
  paymentId?: string;
  checkoutSessionId?: string;
  paymentIntentId?: string;
  disputeId?: string;
};

export type EventOutcome = "processed" | "duplicate" | "no_effect" | "unknown_payment";

type Context = { provider: PaymentProvider; appUrl: string; now?: Date };

/**
 * What an event still has to do, from where the payment is now. An event that arrives
 * before those it implies (a capture before the authorization, a refund before the
 * capture, an authorization after its cancellation) applies them first, so the outcome
 * does not depend on the order Stripe delivers in. Anything not listed is a no-op.
 */
type Step = "authorize" | "capture" | "release" | "refund" | "dispute" | "fail";
const STEPS: Record<PaymentRow["status"], Partial<Record<PaymentEvent["kind"], Step[]>>> = {
  requires_payment: {
    authorized: ["authorize"],
    captured: ["authorize", "capture"],
    refunded: ["authorize", "capture", "refund"],
    disputed: ["authorize", "capture", "dispute"],
    // Cancelled with no authorization known: the checkout was abandoned (or the
    // authorization's own event is still on its way; "failed" then catches up below).
    released: ["fail"],
  },
  authorized: { captured: ["capture"], refunded: ["capture", "refund"], disputed: ["capture", "dispute"], released: ["release"] },
  captured: { refunded: ["refund"], disputed: ["dispute"] },
  disputed: { refunded: ["refund"] },
  // A dispute can follow a refund; it is recorded rather than dropped.
  refunded: { disputed: ["dispute"] },
  failed: { authorized: ["authorize", "release"] },
  released: {},
};

export async function processPaymentEvent(db: Database, event: PaymentEvent, ctx: Context): Promise<EventOutcome> {
  const now = ctx.now ?? new Date();
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(paymentEvents)
      .values({ id: event.id, provider: event.provider, type: event.providerType })
      .onConflictDoNothing()
      .returning({ id: paymentEvents.id });
    if (inserted.length === 0) return "duplicate";

    const bookingId = await findBookingId(tx, event);
    if (!bookingId) return "unknown_payment";
    // The booking's lock orders this event against every other change to the booking.
    let booking = await lockBooking(tx, bookingId);
    let payment = await paymentOf(tx, bookingId);
    const parties = await bookingParties(tx, bookingId);
    if (!booking || !payment || !parties) return "unknown_payment";

    const steps = STEPS[payment.status][event.kind] ?? [];
    const paymentIntentId = event.paymentIntentId ?? payment.paymentIntentId;
    if (steps.length === 0 || (steps[0] === "authorize" && !paymentIntentId)) return "no_effect";

    const who = { kind: "payment_provider" as const, userId: null };
    const move = async (to: BookingEvent, reason: string | null) => {
      const status = await applyTransition(tx, booking!, to, who, reason, now);
      await mailParties(tx, booking!, parties, status, reason, ctx.appUrl);
      booking = (await lockBooking(tx, bookingId))!;
    };

    for (const [index, step] of steps.entries()) {
      switch (step) {
        case "authorize": {
          const holdAlive = booking.status === "pending_deposit" && booking.expiresAt > now;
          await recordAuthorized(tx, payment, parties, paymentIntentId!, now);
          payment = { ...payment, status: "authorized", paymentIntentId: paymentIntentId! };
          if (holdAlive) {
            await move("deposit_authorized", null);
            break;
          }
          // Paid after the hold lapsed (or was cancelled): the capacity may be gone, so the
          // authorization is released rather than the booking revived.
          if (booking.status === "pending_deposit") {
            await applyTransition(tx, booking, "hold_expired", { kind: "system", userId: null }, "The deposit arrived after the hold expired", now);
            booking = (await lockBooking(tx, bookingId))!;
          }
          // When later steps follow, the provider already moved the money on (cancelled or
          // captured it) and they record what it did; only a bare authorization is released here.
          if (index === steps.length - 1) {
            await ctx.provider.release(paymentIntentId!, idempotencyKey("release", payment.id));
            await recordReleased(tx, payment, parties, null, "Paid after the hold expired", now);
            payment = { ...payment, status: "released" };
          }
          break;
        }
        case "capture":
          await recordCaptured(tx, payment, parties, booking.platformFeeBps, null, now);
          payment = { ...payment, status: "captured" };
          break;
        case "release":
          await recordReleased(tx, payment, parties, null, "The card authorization was cancelled", now);
          payment = { ...payment, status: "released" };
          if (booking.status === "awaiting_provider") await move("lapse", "The card authorization was cancelled");
          break;
        case "refund":
          await recordRefunded(tx, payment, parties, null, "Refunded at the payment provider", now);
          payment = { ...payment, status: "refunded" };
          if (["confirmed", "active", "completed", "awaiting_provider"].includes(booking.status)) await move("refund", "Refunded at the payment provider");
          break;
        case "dispute":
          await recordDisputed(tx, payment, parties, event.disputeId ?? "unknown", now);
          payment = { ...payment, status: "disputed" };
          break;
        case "fail":
          await tx.update(payments).set({ status: "failed", paymentIntentId: paymentIntentId ?? null, updatedAt: now }).where(eq(payments.id, payment.id));
          payment = { ...payment, status: "failed" };
          break;
      }
    }
    return "processed";
  });
}

async function findBookingId(tx: Transaction, event: PaymentEvent): Promise<string | null> {
  const keys = [
    event.paymentId ? eq(payments.id, event.paymentId) : undefined,
    event.checkoutSessionId ? eq(payments.checkoutSessionId, event.checkoutSessionId) : undefined,
    event.paymentIntentId ? eq(payments.paymentIntentId, event.paymentIntentId) : undefined,
  ].filter(Boolean);
  if (keys.length === 0) return null;
  if (event.paymentId && !isUuid(event.paymentId)) return null;
  const [row] = await tx.select({ bookingId: payments.bookingId }).from(payments).where(or(...keys)).limit(1);
  return row?.bookingId ?? null;
}

/** Records where the buyer pays, once the provider has made the checkout. */
export async function attachCheckout(db: Database, paymentId: string, checkout: { checkoutSessionId: string; url: string }) {
  await db.update(payments).set({ checkoutSessionId: checkout.checkoutSessionId, checkoutUrl: checkout.url }).where(eq(payments.id, paymentId));
}

