// Which Stripe events move a deposit, and what they mean for it: a pure mapping from a
// verified Stripe event to our PaymentEvent, or null for events that change nothing.
import type Stripe from "stripe";
import type { PaymentEvent } from "@/db/queries/payment-events";

const idOf = (value: string | { id: string } | null | undefined) => (typeof value === "string" ? value : (value?.id ?? undefined));
const paymentIdOf = (metadata: Stripe.Metadata | null | undefined) => metadata?.paymentId || undefined;

export function toPaymentEvent(event: Stripe.Event): PaymentEvent | null {
  const base = { id: event.id, provider: "stripe" as const, providerType: event.type };
  switch (event.type) {
    case "checkout.session.completed": {
      // With manual capture a completed Checkout means the card was authorized, not charged:
      // payment_status stays "unpaid" until capture, so it is not the signal here.
      const session = event.data.object;
      const paymentIntentId = idOf(session.payment_intent);
      if (!paymentIntentId) return null;
      return { ...base, kind: "authorized", paymentIntentId, checkoutSessionId: session.id, paymentId: paymentIdOf(session.metadata) };
    }
    case "payment_intent.amount_capturable_updated": {
      const intent = event.data.object;
      if (intent.amount_capturable <= 0) return null;
      return { ...base, kind: "authorized", paymentIntentId: intent.id, paymentId: paymentIdOf(intent.metadata) };
    }
    case "payment_intent.succeeded":
      return { ...base, kind: "captured", paymentIntentId: event.data.object.id, paymentId: paymentIdOf(event.data.object.metadata) };
    case "payment_intent.canceled":
      return { ...base, kind: "released", paymentIntentId: event.data.object.id, paymentId: paymentIdOf(event.data.object.metadata) };
    case "charge.refunded": {
      const charge = event.data.object;
      // Partial refunds leave the deposit captured. An uncaptured charge marked refunded is a
      // released authorization, which payment_intent.canceled already reports.
      if (!charge.refunded || !charge.captured) return null;
      const paymentIntentId = idOf(charge.payment_intent);
      if (!paymentIntentId) return null;
      return { ...base, kind: "refunded", paymentIntentId, paymentId: paymentIdOf(charge.metadata) };
    }
    case "charge.dispute.created": {
      const dispute = event.data.object;
      const paymentIntentId = idOf(dispute.payment_intent);
      if (!paymentIntentId) return null;
      return { ...base, kind: "disputed", paymentIntentId, disputeId: dispute.id };
    }
    default:
      return null;
  }
}
