// Deposits through Stripe Checkout (payment mode, manual capture).
import { randomUUID } from "node:crypto";
import Stripe from "stripe";
import type { CheckoutRequest, CheckoutSession, PaymentProvider } from "./provider";
import { idempotencyKey } from "./provider";

// Stripe refuses a Checkout Session that expires sooner than 30 minutes from now.
const STRIPE_MIN_SESSION_MS = 31 * 60_000;

export function stripeClient(secretKey: string, apiUrl?: string): Stripe {
  const base = apiUrl ? new URL(apiUrl) : null;
  return new Stripe(secretKey, {
    maxNetworkRetries: base ? 0 : 2,
    telemetry: false,
    ...(base ? { host: base.hostname, port: Number(base.port), protocol: base.protocol.replace(":", "") as "http" | "https" } : {}),
  });
}

export function createStripeProvider(secretKey: string, apiUrl?: string): PaymentProvider {
  const stripe = stripeClient(secretKey, apiUrl);
  return {
    name: "stripe",
    async createDepositCheckout(request: CheckoutRequest): Promise<CheckoutSession> {
      const expiresAt = Math.max(request.expiresAt.getTime(), Date.now() + STRIPE_MIN_SESSION_MS);
      const session = await stripe.checkout.sessions.create(
        {
          mode: "payment",
          client_reference_id: request.bookingId,
          customer_email: request.customerEmail,
          line_items: [{ quantity: 1, price_data: { currency: request.currency, unit_amount: request.amountCents, product_data: { name: request.description } } }],
          payment_intent_data: { capture_method: "manual", metadata: { bookingId: request.bookingId, paymentId: request.paymentId } },
          metadata: { bookingId: request.bookingId, paymentId: request.paymentId },
          success_url: request.successUrl,
          cancel_url: request.cancelUrl,
          expires_at: Math.floor(expiresAt / 1000),
        },
        { idempotencyKey: idempotencyKey("checkout", request.paymentId) },
      );
      if (!session.url) throw new Error("Stripe returned a Checkout Session without a URL");
      return { checkoutSessionId: session.id, url: session.url };
    },
    async capture(paymentIntentId, key) {
      await once(
        key,
        (k) => stripe.paymentIntents.capture(paymentIntentId, {}, { idempotencyKey: k }),
        async () => (await stripe.paymentIntents.retrieve(paymentIntentId)).status === "succeeded",
      );
    },
    async release(paymentIntentId, key) {
      await once(
        key,
        (k) => stripe.paymentIntents.cancel(paymentIntentId, {}, { idempotencyKey: k }),
        async () => (await stripe.paymentIntents.retrieve(paymentIntentId)).status === "canceled",
      );
    },
    async refund(paymentIntentId, amountCents, key) {
      await once(
        key,
        (k) => stripe.refunds.create({ payment_intent: paymentIntentId, amount: amountCents }, { idempotencyKey: k }),
        async () => {
          const { latest_charge: charge } = await stripe.paymentIntents.retrieve(paymentIntentId);
          if (!charge) return false;
          return (await stripe.charges.retrieve(typeof charge === "string" ? charge : charge.id)).amount_refunded >= amountCents;
        },
      );
    },
  };
}

/**
 * A keyed request, run once. Stripe keeps the answer to a keyed request that began to run,
 * failures included, for 24 hours, and replays it to a retry under the same key (marked
 * `Idempotent-Replayed`). Our keys are derived from the payment, so that a retry after a
 * lost answer never moves money twice; but a replayed failure would block every retry for
 * a day (a capture that met a Stripe outage, say). So after a replayed failure the object
 * says whether the work was done after all, and if not the request runs again under a fresh
 * key. Stripe's own state refuses a second capture, release or full refund.
 */
async function once(key: string, run: (key: string) => Promise<unknown>, done: () => Promise<boolean>): Promise<void> {
  try {
    await run(key);
  } catch (error) {
    if (!(error instanceof Stripe.errors.StripeError) || error.headers?.["idempotent-replayed"] !== "true") throw error;
    if (await done()) return;
    await run(`${key}-retry-${randomUUID()}`);
  }
}
