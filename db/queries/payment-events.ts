// Payment provider events (Stripe webhooks, the test checkout), each processed exactly
// once: the event id is inserted into payment_events in the same transaction as its
// effects, so a replay — concurrent or later — finds the id and changes nothing. Effects
// only move forward (a payment never goes from released back to authorized), so events
// arriving out of order cannot undo each other.
import "server-only";
import { eq, or } from "drizzle-orm";
import type { Database, Transaction } from "@/db";
import { paymentEvents, payments } from "@/db/schema";
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
    const booking = await lockBooking(tx, bookingId);
    const payment = await paymentOf(tx, bookingId);
    const parties = await bookingParties(tx, bookingId);
    if (!booking || !payment || !parties) return "unknown_payment";
    const who = { kind: "payment_provider" as const, userId: null };

    switch (event.kind) {
      case "authorized": {
        if (payment.status !== "requires_payment" || !event.paymentIntentId) return "no_effect";
        await recordAuthorized(tx, payment, parties, event.paymentIntentId, now);
        const holdAlive = booking.status === "pending_deposit" && booking.expiresAt > now;
        if (holdAlive) {
          const to = await applyTransition(tx, booking, "deposit_authorized", who, null, now);
          await mailParties(tx, bookingId, to, null, ctx.appUrl);
        } else {
          // Paid after the hold lapsed (or was cancelled): the capacity may be gone, so the
          // authorization is released rather than the booking revived.
          if (booking.status === "pending_deposit") await applyTransition(tx, booking, "hold_expired", { kind: "system", userId: null }, "The deposit arrived after the hold expired", now);
          await ctx.provider.release(event.paymentIntentId, idempotencyKey("release", payment.id));
          await recordReleased(tx, { ...payment, status: "authorized", paymentIntentId: event.paymentIntentId }, parties, null, "Paid after the hold expired", now);
        }
        return "processed";
      }
      case "captured": {
        if (payment.status !== "authorized") return "no_effect";
        await recordCaptured(tx, payment, parties, booking.platformFeeBps, null, now);
        return "processed";
      }
      case "released": {
        if (payment.status === "requires_payment") {
          await tx.update(payments).set({ status: "failed", updatedAt: now }).where(eq(payments.id, payment.id));
          return "processed";
        }
        if (payment.status !== "authorized") return "no_effect";
        await recordReleased(tx, payment, parties, null, "The card authorization was cancelled", now);
        if (booking.status === "awaiting_provider") {
          const to = await applyTransition(tx, booking, "lapse", who, "The card authorization was cancelled", now);
          await mailParties(tx, bookingId, to, "The card authorization was cancelled", ctx.appUrl);
        }
        return "processed";
      }
      case "refunded": {
        if (payment.status !== "captured" && payment.status !== "disputed") return "no_effect";
        await recordRefunded(tx, payment as PaymentRow, parties, null, "Refunded at the payment provider", now);
        if (["confirmed", "active", "completed", "awaiting_provider"].includes(booking.status)) {
          const to = await applyTransition(tx, booking, "refund", who, "Refunded at the payment provider", now);
          await mailParties(tx, bookingId, to, "Refunded at the payment provider", ctx.appUrl);
        }
        return "processed";
      }
      case "disputed": {
        if (payment.status === "disputed") return "no_effect";
        await recordDisputed(tx, payment, parties, event.disputeId ?? "unknown", now);
        return "processed";
      }
    }
  });
}

async function findBookingId(tx: Transaction, event: PaymentEvent): Promise<string | null> {
  const keys = [
    event.paymentId ? eq(payments.id, event.paymentId) : undefined,
    event.checkoutSessionId ? eq(payments.checkoutSessionId, event.checkoutSessionId) : undefined,
    event.paymentIntentId ? eq(payments.paymentIntentId, event.paymentIntentId) : undefined,
  ].filter(Boolean);
  if (keys.length === 0) return null;
  if (event.paymentId && !/^[0-9a-f-]{36}$/i.test(event.paymentId)) return null;
  const [row] = await tx.select({ bookingId: payments.bookingId }).from(payments).where(or(...keys)).limit(1);
  return row?.bookingId ?? null;
}

/** Records where the buyer pays, once the provider has made the checkout. */
export async function attachCheckout(db: Database, paymentId: string, checkout: { checkoutSessionId: string; url: string }) {
  await db.update(payments).set({ checkoutSessionId: checkout.checkoutSessionId, checkoutUrl: checkout.url }).where(eq(payments.id, paymentId));
}

