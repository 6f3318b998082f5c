import { getDb } from "@/db";
import { createListing } from "@/db/queries/listings";
import { apiRoute, jsonBody, requireCaller } from "@/lib/api/handler";
import { presentListing } from "@/lib/api/present";

/** Creates a draft listing on one of the caller's sites. */
export const POST = apiRoute(async (request, { caller }) => {
  const { actor } = requireCaller(caller, "miner");
  const listing = await createListing(await getDb(), actor, await jsonBody(request));
  return Response.json(presentListing(listing), { status: 201, headers: { Location: `/api/v1/listings/${listing.id}` } });
});
