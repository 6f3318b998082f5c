import { z } from "zod";
import { getDb } from "@/db";
import { moderationQueue } from "@/db/queries/moderation";
import { apiRoute, requireAdminCaller } from "@/lib/api/handler";

const statusSchema = z.enum(["pending_review", "rejected", "published"], { error: "status is pending_review, rejected or published." }).default("pending_review");

/** The moderation queue, oldest submission first. */
export const GET = apiRoute(async (request, { caller }) => {
  const { actor } = requireAdminCaller(caller);
  const status = statusSchema.parse(new URL(request.url).searchParams.get("status") ?? undefined);
  const items = await moderationQueue(await getDb(), actor, status);
  return Response.json({ items }, { headers: { "Cache-Control": "no-store" } });
});
