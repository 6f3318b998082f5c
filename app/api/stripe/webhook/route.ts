// Stripe's webhook: the only way a Stripe deposit moves in our books. Each event is
// verified against the raw body, then applied exactly once (payment_events) and only
// forward, whatever order and however often Stripe delivers it.
//
// In the Stripe dashboard (Developers → Webhooks), point an endpoint at
// https://<your host>/api/stripe/webhook with the SDK's API version, put its signing
// secret (whsec_…) in STRIPE_WEBHOOK_SECRET, and enable exactly these events:
//   checkout.session.completed                 the buyer paid: the card is authorized
//   payment_intent.amount_capturable_updated   the same authorization, from the PaymentIntent
//   payment_intent.succeeded                   the deposit was captured
//   payment_intent.canceled                    the authorization was released (or expired)
//   charge.refunded                            the deposit was refunded in full
//   charge.dispute.created                     the buyer disputed the charge
// Any other event is answered 200 "ignored".
//
// Answers: 200 { received, outcome } once an event is handled, also for duplicates and
// events of payments we do not know, so Stripe stops sending them; 400 when the signature
// is missing, wrong or older than 5 minutes (nothing is written); 404 when Stripe is not
// configured, since the test-payment provider has no webhook; 500 on any other failure,
// with nothing written, so that Stripe retries.
import Stripe from "stripe";
import { getDb } from "@/db";
import { processPaymentEvent, type PaymentEvent } from "@/db/queries/payment-events";
import { appUrlOf } from "@/lib/api/app-url";
import { env } from "@/lib/env";
import { AppError, toResponse } from "@/lib/errors";
import { paymentProvider } from "@/lib/payments";
import { toPaymentEvent } from "@/lib/payments/stripe-events";
import { stripeClient } from "@/lib/payments/stripe-provider";

export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  const stripe = env.stripe;
  if (!stripe) return toResponse(new AppError("not_found", 404, "Stripe is not configured on this server."));

  const signature = request.headers.get("stripe-signature");
  // The signature covers the exact bytes Stripe sent: read them before any JSON parsing.
  const raw = await request.text();
  let event: Stripe.Event;
  try {
    if (!signature) throw new Error("missing Stripe-Signature header");
    event = Stripe.webhooks.constructEvent(raw, signature, stripe.webhookSecret);
  } catch (error) {
    console.warn("stripe webhook: rejected", error instanceof Error ? error.message : error);
    return toResponse(new AppError("validation_failed", 400, "The Stripe-Signature header is missing, does not match the payload or is too old."));
  }

  try {
    const mapped = toPaymentEvent(event);
    if (!mapped) return Response.json({ received: true, outcome: "ignored" });
    const outcome = await processPaymentEvent(await getDb(), await withPaymentId(mapped, stripe), {
      provider: await paymentProvider(),
      appUrl: appUrlOf(request),
    });
    return Response.json({ received: true, outcome });
  } catch (error) {
    // Whatever failed rolled back with the event's id, so Stripe's retry starts afresh.
    console.error(`stripe webhook: ${event.type} ${event.id} failed; Stripe will retry`, error);
    return toResponse(new AppError("internal_error", 500, "The event could not be processed. Stripe will retry it."));
  }
}

/**
 * Charges and disputes need not carry our payment id. Their PaymentIntent does (we set its
 * metadata at checkout), so it is read from Stripe: the event then finds its payment even
 * when it arrives before the authorization that would have recorded the intent's id.
 */
async function withPaymentId(event: PaymentEvent, config: { secretKey: string; apiUrl?: string }): Promise<PaymentEvent> {
  if (event.paymentId || !event.paymentIntentId || !event.providerType.startsWith("charge.")) return event;
  try {
    const intent = await stripeClient(config.secretKey, config.apiUrl).paymentIntents.retrieve(event.paymentIntentId);
    return { ...event, paymentId: intent.metadata?.paymentId || undefined };
  } catch (error) {
    if (error instanceof Stripe.errors.StripeInvalidRequestError && error.statusCode === 404) return event;
    throw error;
  }
}
