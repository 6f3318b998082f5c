"use client";

import { resolveMessageReportAction } from "@/app/(app)/messages/actions";
import { ReportResolutionForm } from "@/components/moderation/report-resolution-form";
import { resolveMessageReportFormSchema } from "./schemas";

const noteSchema = resolveMessageReportFormSchema.omit({ outcome: true });

/** Resolve or dismiss a reported message, with a note for the audit log. */
export function MessageReportResolution({ reportId }: { reportId: string }) {
  return (
    <ReportResolutionForm
      reportId={reportId}
      action={resolveMessageReportAction}
      noteSchema={noteSchema}
      idPrefix="message-report"
      hint="Kept with the report and in the audit log. To act on the account, use the organization's page."
    />
  );
}
