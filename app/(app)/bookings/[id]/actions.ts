"use server";

import { appUrl } from "@/lib/api/app-url";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { acceptBooking, cancelBooking, declineBooking, refundBooking } from "@/db/queries/booking-actions";
import { acceptSchema, cancelSchema, declineSchema, refundSchema } from "@/components/bookings/action-schemas";
import { createAction } from "@/lib/action";
import { actorOf } from "@/lib/auth/policy";
import { deliverSoon } from "@/lib/mail";
import { paymentProvider } from "@/lib/payments";

// createAction has refused anyone signed out or of another role, so `user` is set; the
// booking-actions functions then check that the user's organization is the right party.

async function context() {
  return { provider: await paymentProvider(), appUrl: await appUrl() };
}

/** Both parties' pages and dashboards change with every transition. */
async function done(bookingId: string, outcome: "accepted" | "declined" | "cancelled" | "refunded"): Promise<never> {
  deliverSoon(await getDb());
  revalidatePath(`/bookings/${bookingId}`);
  revalidatePath("/bookings");
  revalidatePath("/miner/bookings");
  revalidatePath("/dashboard");
  redirect(`/bookings/${bookingId}?done=${outcome}`);
}

export const acceptBookingAction = createAction({
  schema: acceptSchema,
  access: ["miner"],
  handler: async ({ bookingId }, { user }) => {
    await acceptBooking(await getDb(), actorOf(user!), bookingId, await context());
    return done(bookingId, "accepted");
  },
});

export const declineBookingAction = createAction({
  schema: declineSchema,
  access: ["miner"],
  handler: async ({ bookingId, reason }, { user }) => {
    await declineBooking(await getDb(), actorOf(user!), bookingId, reason, await context());
    return done(bookingId, "declined");
  },
});

export const cancelBookingAction = createAction({
  schema: cancelSchema,
  access: ["buyer"],
  handler: async ({ bookingId, reason }, { user }) => {
    await cancelBooking(await getDb(), actorOf(user!), bookingId, reason ?? null, await context());
    return done(bookingId, "cancelled");
  },
});

export const refundBookingAction = createAction({
  schema: refundSchema,
  access: ["admin"],
  handler: async ({ bookingId, reason }, { user }) => {
    await refundBooking(await getDb(), actorOf(user!), bookingId, reason, await context());
    return done(bookingId, "refunded");
  },
});
