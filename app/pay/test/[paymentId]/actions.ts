"use server";

import { appUrl } from "@/lib/api/app-url";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db";
import { processPaymentEvent } from "@/db/queries/payment-events";
import { createAction } from "@/lib/action";
import { actorOf } from "@/lib/auth/policy";
import { AppError } from "@/lib/errors";
import { deliverSoon } from "@/lib/mail";
import { paymentProvider } from "@/lib/payments";
import { testPaymentIntentId } from "@/lib/payments/test-provider";
import { testCheckoutFor } from "@/db/queries/test-checkout";

/**
 * The test provider's "card accepted": reported through the same exactly-once event handler as
 * Stripe's webhook, with an event id derived from the payment, so a second click changes nothing.
 */
export const authorizeTestPaymentAction = createAction({
  schema: z.strictObject({ paymentId: z.uuid({ error: "That checkout was not found." }) }),
  access: ["buyer"],
  handler: async ({ paymentId }, { user }) => {
    const db = await getDb();
    const booking = await testCheckoutFor(db, actorOf(user!), paymentId);
    if (!booking) throw AppError.notFound("That checkout");
    await processPaymentEvent(
      db,
      { id: `test_evt_${paymentId}`, provider: "test", providerType: "test.authorized", kind: "authorized", paymentId, paymentIntentId: testPaymentIntentId(paymentId) },
      { provider: await paymentProvider(), appUrl: await appUrl() },
    );
    deliverSoon(db);
    revalidatePath(`/bookings/${booking.id}`);
    revalidatePath("/bookings");
    revalidatePath("/dashboard");
    redirect(`/bookings/${booking.id}?paid=1`);
  },
});
