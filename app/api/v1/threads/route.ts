import { getDb } from "@/db";
import { listThreads } from "@/db/queries/messages";
import { apiRoute, requireCaller } from "@/lib/api/handler";
import { presentThreadSummary } from "@/lib/api/present";
import { AppError } from "@/lib/errors";

/** The caller's organization's conversations, newest activity first, with unread counts. */
export const GET = apiRoute(async (request, { caller }) => {
  const { actor } = requireCaller(caller);
  const query = new URL(request.url).searchParams;
  const before = query.get("before");
  const limit = query.get("limit");
  const fields: Record<string, string> = {};
  if (before !== null && Number.isNaN(Date.parse(before))) fields.before = "Use an ISO 8601 time (a thread's lastMessageAt).";
  if (limit !== null && !/^\d+$/.test(limit)) fields.limit = "Use a whole number from 1 to 100.";
  if (Object.keys(fields).length) throw AppError.validation(fields);
  const inbox = await listThreads(await getDb(), actor, { before: before ? new Date(before) : undefined, limit: limit ? Number(limit) : undefined });
  return Response.json({ items: inbox.items.map(presentThreadSummary), unreadTotal: inbox.unreadTotal }, { headers: { "Cache-Control": "no-store" } });
});
