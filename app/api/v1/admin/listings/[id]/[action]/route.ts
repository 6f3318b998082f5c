import { getDb } from "@/db";
import { approveListing, rejectListing } from "@/db/queries/moderation";
import { apiRoute, optionalJsonBody, requireAdminCaller } from "@/lib/api/handler";
import { AppError } from "@/lib/errors";
import { listingsChanged } from "@/lib/search-cache";

/** POST /api/v1/admin/listings/{id}/approve | reject ({"reason"}). */
export const POST = apiRoute<{ id: string; action: string }>(async (request, { caller, params }) => {
  if (params.action !== "approve" && params.action !== "reject") throw AppError.notFound("That action");
  const { actor } = requireAdminCaller(caller);
  const db = await getDb();
  const listing = params.action === "approve" ? await approveListing(db, actor, params.id) : await rejectListing(db, actor, params.id, await optionalJsonBody(request));
  listingsChanged();
  return Response.json(listing);
});
