"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db";
import { createListing, transitionListing, updateListing } from "@/db/queries/listings";
import { prepareListingFields } from "@/components/listings/listing-form-fields";
import { createAction } from "@/lib/action";
import { actorOf } from "@/lib/auth/policy";
import { listingsChanged } from "@/lib/search-cache";
import { OWNER_ACTIONS } from "@/lib/domain/listing-lifecycle";
import { createListingSchema, listingTermsSchema } from "@/lib/validations/listing";

/** Every page that shows the listing: the miner's own, the public page and the dashboard. */
function revalidateListing(id: string) {
  revalidatePath("/miner/listings");
  revalidatePath(`/miner/listings/${id}`);
  revalidatePath(`/listings/${id}`);
  revalidatePath("/dashboard");
  listingsChanged();
}

export const createListingAction = createAction({
  schema: createListingSchema,
  access: ["miner"],
  prepare: prepareListingFields,
  handler: async (input, { user }) => {
    const listing = await createListing(await getDb(), actorOf(user!), input);
    revalidateListing(listing.id);
    redirect(`/miner/listings/${listing.id}?created=1`);
  },
});

export const updateListingAction = createAction({
  schema: listingTermsSchema.extend({ listingId: z.uuid({ error: "That listing was not found." }) }),
  access: ["miner"],
  prepare: (fields) => ({ ...prepareListingFields(fields), listingId: fields.listingId }),
  handler: async ({ listingId, ...terms }, { user }) => {
    const { listing, sentToReview } = await updateListing(await getDb(), actorOf(user!), listingId, terms);
    revalidateListing(listing.id);
    redirect(`/miner/listings/${listing.id}?${sentToReview ? "review" : "saved"}=1`);
  },
});

export const listingTransitionAction = createAction({
  schema: z.strictObject({
    listingId: z.uuid({ error: "That listing was not found." }),
    action: z.enum(OWNER_ACTIONS, { error: "Choose what to do with the listing." }),
  }),
  access: ["miner"],
  handler: async ({ listingId, action }, { user }) => {
    const listing = await transitionListing(await getDb(), actorOf(user!), listingId, action);
    revalidateListing(listing.id);
    redirect(`/miner/listings/${listing.id}?done=${action}`);
  },
});
