// The built-in test-payment provider: no card, no network. Its checkout page
// (/pay/test/{paymentId}) reports "authorized" through the same event handler Stripe's
// webhook uses; capture, release and refund succeed at once.
import type { CheckoutRequest, CheckoutSession, PaymentProvider } from "./provider";

export const testProvider: PaymentProvider = {
  name: "test",
  async createDepositCheckout(request: CheckoutRequest): Promise<CheckoutSession> {
    return { checkoutSessionId: `test_cs_${request.paymentId}`, url: `/pay/test/${request.paymentId}` };
  },
  async capture() {},
  async release() {},
  async refund() {},
};

export const testPaymentIntentId = (paymentId: string) => `test_pi_${paymentId}`;
