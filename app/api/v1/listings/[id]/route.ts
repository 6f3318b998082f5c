import { getDb } from "@/db";
import { getListingWithSite, updateListing } from "@/db/queries/listings";
import { apiRoute, jsonBody, requireCaller } from "@/lib/api/handler";
import { presentListing } from "@/lib/api/present";

/** A listing with its site, organization and availability; unpublished ones only for owners and admins. */
export const GET = apiRoute<{ id: string }>(async (_request, { caller, params }) => {
  const db = await getDb();
  const { listing, site, organization, rating, availability } = await getListingWithSite(db, caller?.actor ?? null, params.id);
  return Response.json({ ...presentListing(listing), site, organization, rating, availability });
});

/** Edits terms; material changes to a published listing send it back to review. */
export const PATCH = apiRoute<{ id: string }>(async (request, { caller, params }) => {
  const { actor } = requireCaller(caller, "miner", "admin");
  const { listing, sentToReview } = await updateListing(await getDb(), actor, params.id, await jsonBody(request));
  return Response.json({ ...presentListing(listing), sentToReview });
});
