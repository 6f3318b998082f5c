import { getDb } from "@/db";
import { getPublicSitePage } from "@/db/queries/public-profiles";
import { getSite, updateSite } from "@/db/queries/sites";
import { apiRoute, jsonBody, requireCaller } from "@/lib/api/handler";
import { AppError } from "@/lib/errors";

/**
 * The owner's organization and admins get the site as they manage it; anyone else gets the
 * public site (with its open listings and their free kW by month) while one of its listings
 * is published, and 404 otherwise.
 */
export const GET = apiRoute<{ id: string }>(async (_request, { caller, params }) => {
  const db = await getDb();
  if (caller && (caller.actor.role === "admin" || caller.actor.role === "miner")) {
    try {
      return Response.json(await getSite(db, caller.actor, params.id), { headers: { "cache-control": "no-store" } });
    } catch (error) {
      if (!(error instanceof AppError && error.code === "not_found")) throw error;
    }
  }
  const page = await getPublicSitePage(db, params.id);
  if (!page) throw AppError.notFound("Site");
  return Response.json({ ...page.site, organization: page.organization, listings: page.listings });
});

export const PATCH = apiRoute<{ id: string }>(async (request, { caller, params }) => {
  const { actor } = requireCaller(caller, "miner");
  return Response.json(await updateSite(await getDb(), actor, params.id, await jsonBody(request)));
});
