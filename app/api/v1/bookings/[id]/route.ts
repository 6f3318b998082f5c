import { getDb } from "@/db";
import { getBookingForViewer } from "@/db/queries/bookings";
import { apiRoute, requireCaller } from "@/lib/api/handler";

/** One booking with its transitions: for its two parties and admins. */
export const GET = apiRoute<{ id: string }>(async (_request, { caller, params }) => {
  const { actor } = requireCaller(caller);
  const booking = await getBookingForViewer(await getDb(), actor, params.id);
  return Response.json(booking, { headers: { "Cache-Control": "no-store" } });
});
