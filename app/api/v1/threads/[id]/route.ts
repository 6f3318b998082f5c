import { getDb } from "@/db";
import { getThread } from "@/db/queries/messages";
import { apiRoute, requireCaller } from "@/lib/api/handler";
import { presentThread } from "@/lib/api/present";
import { AppError } from "@/lib/errors";

/** One conversation, its newest messages (or those before `before`), oldest first; marks it read for the caller. */
export const GET = apiRoute<{ id: string }>(async (request, { caller, params }) => {
  const { actor } = requireCaller(caller);
  const query = new URL(request.url).searchParams;
  const limit = query.get("limit");
  if (limit !== null && !/^\d+$/.test(limit)) throw AppError.validation({ limit: "Use a whole number from 1 to 200." });
  const page = await getThread(await getDb(), actor, params.id, { before: query.get("before") ?? undefined, limit: limit ? Number(limit) : undefined });
  return Response.json(presentThread(page), { headers: { "Cache-Control": "no-store" } });
});
