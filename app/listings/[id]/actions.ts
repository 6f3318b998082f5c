"use server";

import { appUrl } from "@/lib/api/app-url";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db";
import { createAction } from "@/lib/action";
import { actorOf } from "@/lib/auth/policy";
import { reserve } from "@/lib/bookings/reserve";
import { AppError } from "@/lib/errors";
import { createBookingSchema } from "@/lib/validations/booking";
import { optional } from "@/lib/validations/fields";

/** The reserve form: the API's request, plus the key that makes a resubmitted form return the same hold. */
const reserveFormSchema = createBookingSchema.extend({ idempotencyKey: optional(z.string().trim().min(8).max(200)) });

/** Reserves (a 30-minute hold) and sends the buyer to pay the deposit: the test checkout or Stripe's. */
export const reserveAction = createAction({
  schema: reserveFormSchema,
  access: ["buyer"],
  handler: async ({ idempotencyKey, ...body }, { user }) => {
    let checkoutUrl: string;
    try {
      const booking = await reserve(await getDb(), { ...actorOf(user!), email: user!.email }, body, { idempotencyKey, appUrl: await appUrl() });
      checkoutUrl = booking.checkoutUrl;
    } catch (error) {
      if (error instanceof AppError && error.code === "capacity_exceeded") {
        // Someone else took the capacity since the page was drawn: re-render it with today's free kW.
        revalidatePath(`/listings/${body.listingId}`);
        return { ok: false, error: "Not enough capacity is free for those dates.", fields: { kw: error.message } };
      }
      throw error;
    }
    revalidatePath(`/listings/${body.listingId}`);
    redirect(checkoutUrl);
  },
});
