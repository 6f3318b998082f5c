// What each booking action's form sends: validated in the browser first and again by the
// server action. A decline and a refund need a reason (the buyer and the audit log read it).
import { z } from "zod";
import { optional, textField } from "@/lib/validations/fields";

const bookingId = z.uuid({ error: "That booking was not found." });
const requiredReason = (missing: string) => textField("the reason", 1000).pipe(z.string().min(1, missing));

export const acceptSchema = z.strictObject({ bookingId });
export const declineSchema = z.strictObject({ bookingId, reason: requiredReason("Tell the AI team why you decline; they see it on the booking.") });
export const cancelSchema = z.strictObject({ bookingId, reason: optional(textField("the reason", 1000)) });
export const refundSchema = z.strictObject({ bookingId, reason: requiredReason("Say why the deposit is refunded; it goes into the audit log.") });

export type BookingActionKind = "accept" | "decline" | "cancel" | "refund";
export const ACTION_SCHEMAS = { accept: acceptSchema, decline: declineSchema, cancel: cancelSchema, refund: refundSchema } as const;
