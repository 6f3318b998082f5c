// A reservation request, the same in the reserve form and POST /api/v1/bookings.
import { z } from "zod";
import { dayField, integerField, optional, textField } from "./fields";

export const createBookingSchema = z.strictObject({
  listingId: z.uuid({ error: "Choose a listing." }),
  kw: integerField("the kW").pipe(z.number().min(1, "Reserve at least 1 kW.").max(2_000_000, "That is more than any listing offers.")),
  start: dayField("the start date"),
  end: dayField("the end date"),
});
export type CreateBookingInput = z.infer<typeof createBookingSchema>;

export const reasonSchema = z.strictObject({
  reason: optional(textField("the reason", 1000)),
});
