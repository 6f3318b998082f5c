import { getDb } from "@/db";
import { createSite, listSites } from "@/db/queries/sites";
import { apiRoute, jsonBody, requireCaller } from "@/lib/api/handler";
import { requireOrganization } from "@/lib/auth/policy";

/** The caller's organization's sites. */
export const GET = apiRoute(async (_request, { caller }) => {
  const { actor } = requireCaller(caller, "miner");
  const items = await listSites(await getDb(), actor, requireOrganization(actor));
  return Response.json({ items });
});

export const POST = apiRoute(async (request, { caller }) => {
  const { actor } = requireCaller(caller, "miner");
  const site = await createSite(await getDb(), actor, await jsonBody(request));
  return Response.json(site, { status: 201, headers: { Location: `/api/v1/sites/${site.id}` } });
});
