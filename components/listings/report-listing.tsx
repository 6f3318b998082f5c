"use client";

import { useActionState } from "react";
import { Flag } from "lucide-react";
import { reportListingAction } from "@/app/listings/[id]/report-action";
import { SubmitButton } from "@/components/forms/submit-button";
import { useClientValidation } from "@/components/forms/use-client-validation";
import { Alert } from "@/components/ui/alert";
import { cn } from "@/components/ui/cn";
import { SelectField, TextareaField } from "@/components/ui/field";
import { REPORT_REASON_LABELS, REPORT_REASONS, reportSchema } from "@/lib/validations/admin";

/** "Report this listing" for signed-in visitors: a reason, an optional note, sent to the admins. */
export function ReportListing({ listingId, className }: { listingId: string; className?: string }) {
  const [state, formAction] = useActionState(reportListingAction, null);
  const { clientErrors, onSubmit } = useClientValidation(reportSchema);
  const failed = state && !state.ok ? state : null;
  const fields = { ...failed?.fields, ...clientErrors };
  const echoed = (name: string) => (typeof failed?.values?.[name] === "string" ? (failed.values[name] as string) : undefined);

  if (state?.ok) {
    return (
      <Alert tone="success" title="Report sent" className={className}>
        {state.message}
      </Alert>
    );
  }
  return (
    <details className={cn("rounded-xl border border-slate-200 bg-white text-sm", className)} open={failed ? true : undefined}>
      <summary className="flex cursor-pointer items-center gap-2 px-4 py-3 font-medium text-slate-700 hover:text-slate-900">
        <Flag className="h-4 w-4" aria-hidden="true" /> Report this listing
      </summary>
      <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-4 border-t border-slate-100 px-4 py-4">
        <input type="hidden" name="listingId" value={listingId} />
        <p className="text-slate-600">Something wrong or suspicious? Our admins review every report. The miner is not told who sent it.</p>
        {failed && !Object.keys(fields).length && <Alert tone="error">{failed.error}</Alert>}
        <SelectField id="report-reason" label="What is wrong?" name="reason" required defaultValue={echoed("reason") ?? ""} error={fields.reason}>
          <option value="" disabled>
            Choose a reason
          </option>
          {REPORT_REASONS.map((reason) => (
            <option key={reason} value={reason}>
              {REPORT_REASON_LABELS[reason]}
            </option>
          ))}
        </SelectField>
        <TextareaField id="report-note" label="Details (optional)" name="note" rows={3} maxLength={2000} defaultValue={echoed("note")} hint="What you noticed, so we can check it quickly." error={fields.note} />
        <SubmitButton pendingLabel="Sending…" variant="secondary">
          Send report
        </SubmitButton>
      </form>
    </details>
  );
}
