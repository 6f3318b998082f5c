import { getDb } from "@/db";
import { listBookings } from "@/db/queries/bookings";
import { apiRoute, jsonBody, requireCaller } from "@/lib/api/handler";
import { appUrlOf } from "@/lib/api/app-url";
import { reserve } from "@/lib/bookings/reserve";

/** The caller's organization's bookings: as buyer, or on its listings as miner. */
export const GET = apiRoute(async (_request, { caller }) => {
  const { actor } = requireCaller(caller, "buyer", "miner");
  const items = await listBookings(await getDb(), actor);
  return Response.json({ items }, { headers: { "Cache-Control": "no-store" } });
});

/** Reserves capacity: a 30-minute hold and a checkout for the deposit. Honours Idempotency-Key. */
export const POST = apiRoute(async (request, { caller }) => {
  const { actor, user } = requireCaller(caller, "buyer");
  const booking = await reserve(await getDb(), { ...actor, email: user.email }, await jsonBody(request), {
    idempotencyKey: request.headers.get("idempotency-key") ?? undefined,
    appUrl: appUrlOf(request),
  });
  const { replayed, ...body } = booking;
  return Response.json(body, { status: replayed ? 200 : 201, headers: { Location: `/api/v1/bookings/${booking.id}`, ...(replayed ? { "Idempotent-Replayed": "true" } : {}) } });
});
