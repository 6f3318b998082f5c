// Review input, shared by the forms and the API.
import { z } from "zod";

const text = (what: string) =>
  z
    .string({ error: `Write ${what}.` })
    .trim()
    .min(1, `Write ${what}.`)
    .max(5000, "Use at most 5,000 characters.");

export const reviewSchema = z.strictObject({
  rating: z.coerce.number({ error: "Choose a rating from 1 to 5." }).int("Choose a rating from 1 to 5.").min(1, "Choose a rating from 1 to 5.").max(5, "Choose a rating from 1 to 5."),
  body: text("a few words about how it went"),
});

export const replySchema = z.strictObject({ body: text("your reply") });

export const reportReviewSchema = z.strictObject({
  reason: z.enum(["misleading", "fraud", "unavailable", "prohibited", "duplicate", "other"], { error: "Choose a reason." }),
  note: z.string().trim().max(2000, "Use at most 2,000 characters.").default(""),
});

export const hideReviewSchema = z.strictObject({
  hidden: z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]),
  reason: z.string({ error: "Give the reason." }).trim().min(3, "Give the reason.").max(500, "Use at most 500 characters."),
});

export const resolveReviewReportSchema = z.strictObject({
  outcome: z.enum(["resolved", "dismissed"], { error: "Choose resolve or dismiss." }),
  note: z.string().trim().max(2000, "Use at most 2,000 characters.").default(""),
});
