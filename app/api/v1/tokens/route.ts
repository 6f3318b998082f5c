// Personal API tokens: create (browser session only) and list the caller's own.
import { getDb } from "@/db";
import { createApiToken, listApiTokens } from "@/db/queries/api-tokens";
import { apiRoute, jsonBody, requireCaller } from "@/lib/api/handler";
import { AppError } from "@/lib/errors";
import { apiTokenSchema } from "@/lib/validations/api-token";

// Neither the new token nor the list may sit in any cache.
const NO_STORE = { "Cache-Control": "no-store" };

export const POST = apiRoute(async (request, { caller }) => {
  const { actor, via } = requireCaller(caller);
  // A leaked token must not be able to mint fresh ones that outlive its revocation.
  if (via === "token") {
    throw AppError.forbidden("API tokens cannot create API tokens. Sign in to Substation and create one on the API tokens page.");
  }
  const { name } = apiTokenSchema.parse(await jsonBody(request));
  const created = await createApiToken(await getDb(), actor, name);
  return Response.json(created, { status: 201, headers: NO_STORE });
});

/** Revoked tokens are listed too, with `revokedAt` set; active ones have `revokedAt: null`. */
export const GET = apiRoute(async (_request, { caller }) => {
  const { actor } = requireCaller(caller);
  const items = await listApiTokens(await getDb(), actor);
  return Response.json({ items }, { headers: NO_STORE });
});
