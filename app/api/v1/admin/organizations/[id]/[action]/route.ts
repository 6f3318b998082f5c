import { getDb } from "@/db";
import { reinstateOrganization, suspendOrganization } from "@/db/queries/suspensions";
import { appUrlOf } from "@/lib/api/app-url";
import { apiRoute, optionalJsonBody, requireAdminCaller } from "@/lib/api/handler";
import { AppError } from "@/lib/errors";
import { listingsChanged } from "@/lib/search-cache";
import { paymentProvider } from "@/lib/payments";

/** POST /api/v1/admin/organizations/{id}/suspend ({"reason"}) | reinstate. */
export const POST = apiRoute<{ id: string; action: string }>(async (request, { caller, params }) => {
  if (params.action !== "suspend" && params.action !== "reinstate") throw AppError.notFound("That action");
  const { actor } = requireAdminCaller(caller);
  const db = await getDb();
  const body = await optionalJsonBody(request);
  const result =
    params.action === "suspend"
      ? await suspendOrganization(db, actor, params.id, body, { provider: await paymentProvider(), appUrl: appUrlOf(request) })
      : await reinstateOrganization(db, actor, params.id, body);
  listingsChanged();
  return Response.json(result);
});
