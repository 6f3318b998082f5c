"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { approveListing, approveListings, rejectListing } from "@/db/queries/moderation";
import { approveFormSchema, bulkApproveFormSchema, rejectFormSchema, type BulkOutcome } from "@/components/admin/moderation-schemas";
import { createAction } from "@/lib/action";
import { actorOf } from "@/lib/auth/policy";

// createAction has already refused anyone who is not an admin, so `user` is set; the
// queries check the role again.

/** A decision changes the queue, the listing's pages, search and both dashboards. */
function revalidateDecided(ids: string[]) {
  revalidatePath("/admin/listings");
  revalidatePath("/search");
  revalidatePath("/dashboard");
  for (const id of ids) {
    revalidatePath(`/listings/${id}`);
    revalidatePath(`/miner/listings/${id}`);
  }
  revalidatePath("/miner/listings");
}

export const approveListingAction = createAction({
  schema: approveFormSchema,
  access: ["admin"],
  handler: async ({ listingId }, { user }) => {
    await approveListing(await getDb(), actorOf(user!), listingId);
    revalidateDecided([listingId]);
    redirect(`/admin/listings?done=approved&listing=${listingId}`);
  },
});

export const rejectListingAction = createAction({
  schema: rejectFormSchema,
  access: ["admin"],
  handler: async ({ listingId, reason }, { user }) => {
    await rejectListing(await getDb(), actorOf(user!), listingId, { reason });
    revalidateDecided([listingId]);
    redirect(`/admin/listings?done=rejected&listing=${listingId}`);
  },
});

/** Bulk approval for the obvious cases: every listing is tried, and each outcome reported. */
export const approveListingsAction = createAction({
  schema: bulkApproveFormSchema,
  access: ["admin"],
  handler: async ({ listingIds }, { user }) => {
    const outcomes: BulkOutcome[] = await approveListings(await getDb(), actorOf(user!), listingIds);
    revalidateDecided(outcomes.filter((o) => o.ok).map((o) => o.id));
    const approved = outcomes.filter((o) => o.ok).length;
    return { ok: true, data: outcomes, message: `${approved} of ${outcomes.length} approved.` };
  },
});
