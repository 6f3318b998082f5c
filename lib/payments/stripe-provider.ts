// Deposits through Stripe Checkout (payment mode, manual capture).
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
      await stripe.paymentIntents.capture(paymentIntentId, {}, { idempotencyKey: key });
    },
    async release(paymentIntentId, key) {
      await stripe.paymentIntents.cancel(paymentIntentId, {}, { idempotencyKey: key });
    },
    async refund(paymentIntentId, amountCents, key) {
      await stripe.refunds.create({ payment_intent: paymentIntentId, amount: amountCents }, { idempotencyKey: key });
    },
  };
}
