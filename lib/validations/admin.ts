// Admin inputs: rejection and suspension reasons, report resolutions, new reports.
import { z } from "zod";
import { optional, textField } from "./fields";

export const requiredReason = (what: string) =>
  z.preprocess((v) => (v === null || v === undefined ? "" : v), z.string().trim().min(3, `Give ${what} (at least 3 characters).`).max(2000, "Keep the reason under 2,000 characters."));

export const rejectSchema = z.strictObject({ reason: requiredReason("the miner a reason they can act on") });
export const suspendSchema = z.strictObject({ reason: requiredReason("a reason for the suspension") });
export const reinstateSchema = z.strictObject({ reason: optional(textField("the note", 2000)) });

export const REPORT_REASONS = ["misleading", "fraud", "unavailable", "prohibited", "duplicate", "other"] as const;
export const REPORT_REASON_LABELS: Record<(typeof REPORT_REASONS)[number], string> = {
  misleading: "Misleading facts or terms",
  fraud: "Looks fraudulent",
  unavailable: "Capacity is not really available",
  prohibited: "Prohibited content",
  duplicate: "Duplicate listing",
  other: "Something else",
};

export const reportSchema = z.strictObject({
  listingId: z.uuid({ error: "Choose a listing." }),
  reason: z.enum(REPORT_REASONS, { error: "Choose a reason." }),
  note: optional(textField("the note", 2000)),
});

export const resolveReportSchema = z.strictObject({
  outcome: z.enum(["resolved", "dismissed"], { error: "Resolve or dismiss." }),
  note: requiredReason("a note on what was done"),
  unpublish: optional(z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean())),
});
