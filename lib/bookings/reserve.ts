// A reservation end to end: our row first (the hold, under the capacity rule), then the
// provider's checkout with an idempotency key derived from our payment id. Fulfilment
// happens only when the provider reports the authorization, never on the redirect back.
import "server-only";
import type { Database } from "@/db";
import { expireBooking } from "@/db/queries/booking-actions";
import { createBooking } from "@/db/queries/bookings";
import { attachCheckout } from "@/db/queries/payment-events";
import type { Actor } from "@/lib/auth/policy";
import { AppError } from "@/lib/errors";
import { paymentProvider } from "@/lib/payments";

export async function reserve(db: Database, actor: Actor & { email: string }, body: unknown, options: { idempotencyKey?: string; appUrl: string }) {
  const booking = await createBooking(db, actor, body, { idempotencyKey: options.idempotencyKey });
  const result = { id: booking.id, status: booking.status, depositCents: booking.depositCents, totalCents: booking.totalCents, expiresAt: booking.expiresAt };
  if (booking.checkoutUrl) return { ...result, checkoutUrl: booking.checkoutUrl, replayed: booking.replayed };

  const provider = await paymentProvider();
  try {
    const checkout = await provider.createDepositCheckout({
      paymentId: booking.paymentId,
      bookingId: booking.id,
      amountCents: booking.depositCents,
      currency: "usd",
      description: `Deposit for booking ${booking.id.slice(0, 8)}`,
      customerEmail: actor.email,
      successUrl: `${options.appUrl}/bookings/${booking.id}?paid=1`,
      cancelUrl: `${options.appUrl}/bookings/${booking.id}`,
      expiresAt: booking.expiresAt,
    });
    await attachCheckout(db, booking.paymentId, checkout);
    return { ...result, checkoutUrl: checkout.url, replayed: booking.replayed };
  } catch (error) {
    console.error("checkout could not be created", error);
    // No checkout, no way to pay: free the capacity at once instead of holding it 30 minutes.
    await expireBooking(db, booking.id, "hold_expired", { provider, appUrl: options.appUrl }).catch(() => {});
    throw new AppError("payment_failed", 502, "The payment provider could not start the checkout. Nothing was reserved; please try again.");
  }
}
