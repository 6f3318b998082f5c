// The suspension forms' schemas: the API's own rules plus the id the form posts, shared by
// the browser (checked before sending) and the server actions.
import { z } from "zod";
import { reinstateSchema, suspendSchema } from "@/lib/validations/admin";

const organizationId = z.uuid({ error: "That organization was not found." });

export const suspendFormSchema = suspendSchema.extend({ organizationId });
export const reinstateFormSchema = reinstateSchema.extend({ organizationId });

/** What a suspension did, for the message the admin sees. */
export type SuspensionOutcome = { status: "suspended" | "active"; releasedBookings: number; failedBookings: number };
