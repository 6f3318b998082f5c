import { getDb } from "@/db";
import { postMessage } from "@/db/queries/messages";
import { apiRoute, jsonBody, requireCaller } from "@/lib/api/handler";

/** A new message in a conversation the caller is part of. */
export const POST = apiRoute<{ id: string }>(async (request, { caller, params }) => {
  const { actor } = requireCaller(caller);
  const message = await postMessage(await getDb(), actor, params.id, await jsonBody(request));
  return Response.json(message, { status: 201 });
});
