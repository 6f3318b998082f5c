"use client";

import { useActionState } from "react";
import { Flag } from "lucide-react";
import { reportReviewAction } from "@/app/(app)/bookings/[id]/review-actions";
import { SubmitButton } from "@/components/forms/submit-button";
import { useClientValidation } from "@/components/forms/use-client-validation";
import { SelectField, TextareaField } from "@/components/ui/field";
import { REPORT_REASONS } from "@/lib/validations/admin";
import { REVIEW_REPORT_LABELS } from "./format";
import { reportReviewFormSchema } from "./schemas";

/** "Report" under a published review: a reason and an optional note, for the admins. */
export function ReportReview({ reviewId, authorName }: { reviewId: string; authorName: string }) {
  const [state, formAction] = useActionState(reportReviewAction, null);
  const { clientErrors, onSubmit } = useClientValidation(reportReviewFormSchema);
  const failed = state && !state.ok ? state : null;
  const fields = { ...failed?.fields, ...clientErrors };
  const id = `report-review-${reviewId}`;

  if (state?.ok) {
    return (
      <p role="status" className="text-xs text-emerald-800">
        {state.message}
      </p>
    );
  }
  return (
    <details className="text-xs" open={failed ? true : undefined}>
      <summary className="inline-flex cursor-pointer items-center gap-1 rounded px-1 py-0.5 text-slate-600 hover:text-slate-900">
        <Flag className="h-3 w-3" aria-hidden="true" /> Report<span className="sr-only"> the review by {authorName}</span>
      </summary>
      <form action={formAction} onSubmit={onSubmit} noValidate className="mt-2 max-w-md space-y-3 rounded-lg border border-slate-200 bg-white p-3 text-sm shadow-sm">
        <input type="hidden" name="reviewId" value={reviewId} />
        <SelectField id={`${id}-reason`} label="What is wrong?" name="reason" required defaultValue={(failed?.values?.reason as string | undefined) ?? ""} error={fields.reason}>
          <option value="" disabled>
            Choose a reason
          </option>
          {REPORT_REASONS.map((reason) => (
            <option key={reason} value={reason}>
              {REVIEW_REPORT_LABELS[reason]}
            </option>
          ))}
        </SelectField>
        <TextareaField id={`${id}-note`} label="Details (optional)" name="note" rows={2} maxLength={2000} defaultValue={failed?.values?.note as string | undefined} error={fields.note} />
        {failed && !Object.keys(fields).length && (
          <p role="alert" className="text-sm text-red-700">
            {failed.error}
          </p>
        )}
        <SubmitButton pendingLabel="Sending…" variant="secondary" size="sm" className="w-auto">
          Send report
        </SubmitButton>
      </form>
    </details>
  );
}
