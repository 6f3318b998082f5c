// The conversation forms' schemas beyond the API's: the ids a form posts, shared by the
// browser check and the server actions.
import { z } from "zod";
import { postMessageSchema, reportMessageSchema } from "@/lib/validations/messages";
import { resolveMessageReportSchema } from "@/lib/validations/message-reports";

export const resolveMessageReportFormSchema = resolveMessageReportSchema.extend({ reportId: z.uuid({ error: "That report was not found." }) });

export const messageMailFormSchema = z.strictObject({
  enabled: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
});

/** The composer: the reply and the thread it goes to. */
export const composerSchema = postMessageSchema.extend({ threadId: z.uuid({ error: "That conversation was not found." }) });

/** "Ask the miner": the first message and the listing it is about. */
export const askSchema = postMessageSchema.extend({ listingId: z.uuid({ error: "That listing was not found." }) });

/** "Report" on a message. */
export const reportMessageFormSchema = reportMessageSchema.extend({ messageId: z.uuid({ error: "That message was not found." }) });
