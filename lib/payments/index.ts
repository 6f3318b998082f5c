import "server-only";
import { env } from "@/lib/env";
import type { PaymentProvider } from "./provider";
import { testProvider } from "./test-provider";

let stripeProvider: Promise<PaymentProvider> | undefined;

/** Stripe when STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET are set, else the test provider. */
export async function paymentProvider(): Promise<PaymentProvider> {
  if (!env.stripe) return testProvider;
  stripeProvider ??= import("./stripe-provider").then((m) => m.createStripeProvider(env.stripe!.secretKey, env.stripe!.apiUrl));
  return stripeProvider;
}

export const isTestMode = () => !env.stripe;
