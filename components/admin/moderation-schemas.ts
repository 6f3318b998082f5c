// The admin moderation forms' schemas: the API's own rules plus the id the form posts,
// shared by the browser (checked before sending) and the server actions.
import { z } from "zod";
import { listField } from "@/lib/validations/fields";
import { rejectSchema, resolveReportSchema } from "@/lib/validations/admin";

const listingId = z.uuid({ error: "That listing was not found." });

export const approveFormSchema = z.strictObject({ listingId });

export const rejectFormSchema = rejectSchema.extend({ listingId });

export const bulkApproveFormSchema = z.strictObject({
  listingIds: listField(listingId).pipe(z.array(z.string()).min(1, "Select at least one listing.").max(100, "Approve at most 100 listings at a time.")),
});

export const resolveReportFormSchema = resolveReportSchema.extend({ reportId: z.uuid({ error: "That report was not found." }) });

/** One listing's result in a bulk approval. */
export type BulkOutcome = { id: string; ok: boolean; error?: string };
