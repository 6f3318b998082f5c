import { getDb } from "@/db";
import { getSite, updateSite } from "@/db/queries/sites";
import { apiRoute, jsonBody, requireCaller } from "@/lib/api/handler";

export const GET = apiRoute<{ id: string }>(async (_request, { caller, params }) => {
  const { actor } = requireCaller(caller, "miner", "admin");
  return Response.json(await getSite(await getDb(), actor, params.id));
});

export const PATCH = apiRoute<{ id: string }>(async (request, { caller, params }) => {
  const { actor } = requireCaller(caller, "miner");
  return Response.json(await updateSite(await getDb(), actor, params.id, await jsonBody(request)));
});
