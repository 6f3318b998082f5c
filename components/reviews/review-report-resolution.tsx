"use client";

import { useActionState } from "react";
import { useFormStatus } from "react-dom";
import { Loader2 } from "lucide-react";
import { resolveReviewReportAction } from "@/app/(app)/bookings/[id]/review-actions";
import { useClientValidation } from "@/components/forms/use-client-validation";
import { Button } from "@/components/ui/button";
import { TextareaField } from "@/components/ui/field";
import { resolveReviewReportFormSchema } from "./schemas";

// The outcome is the button pressed, which the browser-side check cannot see: it checks the rest.
const noteSchema = resolveReviewReportFormSchema.omit({ outcome: true });

/** Resolve (the report was right) or dismiss a reported review, with a note for the audit log. */
export function ReviewReportResolution({ reportId }: { reportId: string }) {
  const [state, formAction] = useActionState(resolveReviewReportAction, null);
  const { clientErrors, onSubmit } = useClientValidation(noteSchema);
  const failed = state && !state.ok ? state : null;
  const noteError = clientErrors.note ?? failed?.fields?.note;
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-3" aria-label="Handle this report">
      <input type="hidden" name="reportId" value={reportId} />
      <TextareaField
        id={`review-report-${reportId}-note`}
        label="Note on what you did"
        name="note"
        rows={2}
        required
        maxLength={2000}
        defaultValue={typeof failed?.values?.note === "string" ? failed.values.note : undefined}
        hint="Kept with the report and in the audit log. To take the review down, hide it above."
        error={noteError}
      />
      {failed && !noteError && (
        <p role="alert" className="text-sm text-red-700">
          {failed.error}
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        <OutcomeButton outcome="resolved" label="Resolve" pendingLabel="Resolving…" />
        <OutcomeButton outcome="dismissed" label="Dismiss" pendingLabel="Dismissing…" />
      </div>
    </form>
  );
}

function OutcomeButton({ outcome, label, pendingLabel }: { outcome: "resolved" | "dismissed"; label: string; pendingLabel: string }) {
  const { pending, data } = useFormStatus();
  const mine = pending && data?.get("outcome") === outcome;
  return (
    <Button type="submit" name="outcome" value={outcome} variant={outcome === "resolved" ? "primary" : "secondary"} size="sm" disabled={pending} aria-disabled={pending}>
      {mine ? (
        <>
          <Loader2 className="h-4 w-4 animate-spin" aria-hidden="true" /> {pendingLabel}
        </>
      ) : (
        label
      )}
    </Button>
  );
}
