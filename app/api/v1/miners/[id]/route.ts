import { getDb } from "@/db";
import { getMinerProfile } from "@/db/queries/public-profiles";
import { apiRoute } from "@/lib/api/handler";
import { AppError } from "@/lib/errors";

/** A miner organization's public profile: 404 unless it is active and has a published listing. */
export const GET = apiRoute<{ id: string }>(async (_request, { params }) => {
  const miner = await getMinerProfile(await getDb(), params.id);
  if (!miner) throw AppError.notFound("Miner");
  return Response.json(miner);
});
