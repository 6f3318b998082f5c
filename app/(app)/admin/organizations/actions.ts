"use server";

import { appUrl } from "@/lib/api/app-url";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import { reinstateOrganization, suspendOrganization } from "@/db/queries/suspensions";
import { reinstateFormSchema, suspendFormSchema, type SuspensionOutcome } from "@/components/admin/organization-schemas";
import { createAction } from "@/lib/action";
import { actorOf } from "@/lib/auth/policy";
import { deliverSoon } from "@/lib/mail";
import { paymentProvider } from "@/lib/payments";
import { listingsChanged } from "@/lib/search-cache";

// createAction has already refused anyone who is not an admin, so `user` is set; the
// queries check the role again and audit the change.

/** A suspension changes search, listing pages, bookings and every admin count. */
async function changed() {
  listingsChanged();
  deliverSoon(await getDb());
  revalidatePath("/admin/organizations");
  revalidatePath("/search");
  revalidatePath("/listings/[id]", "page");
  revalidatePath("/dashboard");
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const suspendOrganizationAction = createAction({
  schema: suspendFormSchema,
  access: ["admin"],
  handler: async ({ organizationId, reason }, { user }) => {
    const result = await suspendOrganization(await getDb(), actorOf(user!), organizationId, { reason }, { provider: await paymentProvider(), appUrl: await appUrl() });
    await changed();
    const released = result.releasedBookings ? `${plural(result.releasedBookings, "open reservation was", "open reservations were")} released, deposits returned.` : "It had no open reservations to release.";
    const failed = result.failedBookings.length ? ` ${plural(result.failedBookings.length, "reservation", "reservations")} could not be released yet (the payment provider did not answer); they are retried automatically every minute.` : "";
    const outcome: SuspensionOutcome = { status: "suspended", releasedBookings: result.releasedBookings, failedBookings: result.failedBookings.length };
    return { ok: true, data: outcome, message: `Suspended. Its listings are out of search and its users and tokens are signed out. ${released}${failed}` };
  },
});

export const reinstateOrganizationAction = createAction({
  schema: reinstateFormSchema,
  access: ["admin"],
  handler: async ({ organizationId, reason }, { user }) => {
    await reinstateOrganization(await getDb(), actorOf(user!), organizationId, { reason });
    await changed();
    const outcome: SuspensionOutcome = { status: "active", releasedBookings: 0, failedBookings: 0 };
    return { ok: true, data: outcome, message: "Reinstated. Its users can sign in again and its published listings are back in search." };
  },
});
