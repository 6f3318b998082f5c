import { getDb } from "@/db";
import { transitionListing } from "@/db/queries/listings";
import { apiRoute, requireCaller } from "@/lib/api/handler";
import { presentListing } from "@/lib/api/present";
import { OWNER_ACTIONS, type OwnerAction } from "@/lib/domain/listing-lifecycle";
import { AppError } from "@/lib/errors";
import { listingsChanged } from "@/lib/search-cache";

/** Owner lifecycle actions: POST /api/v1/listings/{id}/submit | withdraw | pause | resume | archive. */
export const POST = apiRoute<{ id: string; action: string }>(async (_request, { caller, params }) => {
  if (!OWNER_ACTIONS.includes(params.action as OwnerAction)) throw AppError.notFound("That action");
  const { actor } = requireCaller(caller, "miner");
  const listing = await transitionListing(await getDb(), actor, params.id, params.action as OwnerAction);
  listingsChanged();
  return Response.json(presentListing(listing));
});
