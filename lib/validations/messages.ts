// Conversation inputs: a message body (plain text, trimmed, 1..10,000 characters, as the
// messages_body_length check holds), inquiries, replies and reports of a message.
import { z } from "zod";
import { REPORT_REASONS } from "./admin";
import { optional, textField } from "./fields";

export const MESSAGE_MAX_CHARS = 10_000;
/** Flood limits per sender (db/queries/messages.ts enforces them; the OpenAPI document states them). */
export const MESSAGES_PER_MINUTE = 20;
export const NEW_INQUIRIES_PER_HOUR = 10;

export const messageBodySchema = z.preprocess(
  (v) => (v === null || v === undefined ? "" : v),
  z
    .string({ error: "Write a message." })
    .trim()
    .min(1, "Write a message.")
    .max(MESSAGE_MAX_CHARS, "Use at most 10,000 characters."),
);

export const inquirySchema = z.strictObject({ body: messageBodySchema });
export const postMessageSchema = z.strictObject({ body: messageBodySchema });

export const reportMessageSchema = z.strictObject({
  reason: z.enum(REPORT_REASONS, { error: "Choose a reason." }),
  note: optional(textField("the note", 2000)),
});

export type ReportMessageInput = z.infer<typeof reportMessageSchema>;
