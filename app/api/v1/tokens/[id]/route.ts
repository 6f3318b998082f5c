// Revokes one of the caller's API tokens at once.
import { getDb } from "@/db";
import { revokeApiToken } from "@/db/queries/api-tokens";
import { apiRoute, requireCaller } from "@/lib/api/handler";

export const DELETE = apiRoute<{ id: string }>(async (_request, { params, caller }) => {
  const { actor } = requireCaller(caller);
  await revokeApiToken(await getDb(), actor, params.id);
  return new Response(null, { status: 204 });
});
