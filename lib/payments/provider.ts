// The payment provider behind deposits: Stripe when keys are configured, otherwise the
// built-in test provider with its own checkout page. Both drive the same state machine.
export type CheckoutRequest = {
  paymentId: string;
  bookingId: string;
  amountCents: number;
  currency: "usd";
  description: string;
  customerEmail: string;
  /** Absolute URLs back to the booking page. */
  successUrl: string;
  cancelUrl: string;
  /** The hold's end; the checkout must not outlive it by much. */
  expiresAt: Date;
};

export type CheckoutSession = { checkoutSessionId: string; url: string };

export interface PaymentProvider {
  readonly name: "stripe" | "test";
  /** Payment mode, manual capture: the card is authorized now and captured on acceptance. */
  createDepositCheckout(request: CheckoutRequest): Promise<CheckoutSession>;
  capture(paymentIntentId: string, idempotencyKey: string): Promise<void>;
  /** Cancels an uncaptured authorization, releasing the hold on the buyer's card. */
  release(paymentIntentId: string, idempotencyKey: string): Promise<void>;
  refund(paymentIntentId: string, amountCents: number, idempotencyKey: string): Promise<void>;
}

/** Money movements carry idempotency keys derived from our own ids: a retry never moves money twice. */
export const idempotencyKey = (action: "checkout" | "capture" | "release" | "refund", paymentId: string) => `substation-${action}-${paymentId}`;
