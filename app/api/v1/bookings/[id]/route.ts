import { getDb } from "@/db";
import { getBookingForViewer } from "@/db/queries/bookings";
import { threadIdForBooking } from "@/db/queries/messages";
import { apiRoute, requireCaller } from "@/lib/api/handler";

/** One booking with its transitions: for its two parties and admins. */
export const GET = apiRoute<{ id: string }>(async (_request, { caller, params }) => {
  const { actor } = requireCaller(caller);
  const db = await getDb();
  const booking = await getBookingForViewer(db, actor, params.id);
  // Asked only once the viewer may see the booking: its conversation, for both parties and admins.
  const threadId = await threadIdForBooking(db, booking.id);
  return Response.json({ ...booking, threadId }, { headers: { "Cache-Control": "no-store" } });
});
