import { getDb } from "@/db";
import { acceptBooking, cancelBooking, declineBooking, refundBooking } from "@/db/queries/booking-actions";
import { submitReview } from "@/db/queries/reviews";
import { appUrlOf } from "@/lib/api/app-url";
import { apiRoute, jsonBody, optionalJsonBody, requireCaller } from "@/lib/api/handler";
import { BOOKING_ACTIONS, type BookingAction } from "@/lib/domain/booking-lifecycle";
import { AppError } from "@/lib/errors";
import { paymentProvider } from "@/lib/payments";
import { reasonSchema } from "@/lib/validations/booking";

/** POST /api/v1/bookings/{id}/accept | decline | cancel (miner, miner, buyer), refund (admin) and review (the two parties). */
export const POST = apiRoute<{ id: string; action: string }>(async (request, { caller, params }) => {
  if (params.action === "review") {
    const { actor } = requireCaller(caller);
    const review = await submitReview(await getDb(), actor, params.id, await jsonBody(request), { appUrl: appUrlOf(request) });
    return Response.json(review, { status: 201 });
  }
  if (!BOOKING_ACTIONS.includes(params.action as BookingAction)) throw AppError.notFound("That action");
  const { actor } = requireCaller(caller);
  const { reason } = reasonSchema.parse(await optionalJsonBody(request));
  const db = await getDb();
  const ctx = { provider: await paymentProvider(), appUrl: appUrlOf(request) };
  const booking =
    params.action === "accept"
      ? await acceptBooking(db, actor, params.id, ctx)
      : params.action === "decline"
        ? await declineBooking(db, actor, params.id, reason ?? null, ctx)
        : params.action === "cancel"
          ? await cancelBooking(db, actor, params.id, reason ?? null, ctx)
          : await refundBooking(db, actor, params.id, reason ?? "Refunded by an admin", ctx);
  return Response.json(booking);
});
