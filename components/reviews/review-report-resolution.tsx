"use client";

import { resolveReviewReportAction } from "@/app/(app)/bookings/[id]/review-actions";
import { ReportResolutionForm } from "@/components/moderation/report-resolution-form";
import { resolveReviewReportFormSchema } from "./schemas";

const noteSchema = resolveReviewReportFormSchema.omit({ outcome: true });

/** Resolve or dismiss a reported review, with a note for the audit log. */
export function ReviewReportResolution({ reportId }: { reportId: string }) {
  return (
    <ReportResolutionForm
      reportId={reportId}
      action={resolveReviewReportAction}
      noteSchema={noteSchema}
      idPrefix="review-report"
      hint="Kept with the report and in the audit log. To take the review down, hide it above."
    />
  );
}
