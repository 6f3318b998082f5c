import { getDb } from "@/db";
import { transitionListing } from "@/db/queries/listings";
import { createInquiry } from "@/db/queries/messages";
import { apiRoute, jsonBody, requireCaller } from "@/lib/api/handler";
import { presentListing } from "@/lib/api/present";
import { OWNER_ACTIONS, type OwnerAction } from "@/lib/domain/listing-lifecycle";
import { AppError } from "@/lib/errors";
import { listingsChanged } from "@/lib/search-cache";

/**
 * Owner lifecycle actions: POST /api/v1/listings/{id}/submit | withdraw | pause | resume | archive;
 * and a buyer's question about the listing: POST /api/v1/listings/{id}/inquiry.
 */
export const POST = apiRoute<{ id: string; action: string }>(async (request, { caller, params }) => {
  if (params.action === "inquiry") {
    const { actor } = requireCaller(caller, "buyer");
    const created = await createInquiry(await getDb(), actor, params.id, await jsonBody(request));
    return Response.json(created, { status: 201, headers: { Location: `/api/v1/threads/${created.threadId}` } });
  }
  if (!OWNER_ACTIONS.includes(params.action as OwnerAction)) throw AppError.notFound("That action");
  const { actor } = requireCaller(caller, "miner");
  const listing = await transitionListing(await getDb(), actor, params.id, params.action as OwnerAction);
  listingsChanged();
  return Response.json(presentListing(listing));
});
