import { getDb } from "@/db";
import { getListingForViewer, updateListing } from "@/db/queries/listings";
import { getPublicSite, getSite } from "@/db/queries/sites";
import { apiRoute, jsonBody, requireCaller } from "@/lib/api/handler";
import { presentListing } from "@/lib/api/present";

/** A listing with its site, organization and availability; unpublished ones only for owners and admins. */
export const GET = apiRoute<{ id: string }>(async (_request, { caller, params }) => {
  const db = await getDb();
  const { listing, organization, availability, isPublic } = await getListingForViewer(db, caller?.actor ?? null, params.id);
  const site = isPublic ? await getPublicSite(db, listing.siteId) : await getSite(db, caller!.actor, listing.siteId);
  return Response.json({ ...presentListing(listing), site, organization, availability });
});

/** Edits terms; material changes to a published listing send it back to review. */
export const PATCH = apiRoute<{ id: string }>(async (request, { caller, params }) => {
  const { actor } = requireCaller(caller, "miner", "admin");
  const { listing, sentToReview } = await updateListing(await getDb(), actor, params.id, await jsonBody(request));
  return Response.json({ ...presentListing(listing), sentToReview });
});
