"use client";

import { useActionState } from "react";
import { useFormStatus } from "react-dom";
import { Loader2 } from "lucide-react";
import { resolveReportAction } from "@/app/(app)/admin/reports/actions";
import { useClientValidation } from "@/components/forms/use-client-validation";
import { Button } from "@/components/ui/button";
import { TextareaField } from "@/components/ui/field";
import { resolveReportFormSchema } from "./moderation-schemas";

// The outcome is the button pressed, which the browser-side check cannot see: it checks the rest.
const noteSchema = resolveReportFormSchema.omit({ outcome: true });

/** Resolve (the report was right) or dismiss it, with a note for the audit log; optionally unpublish. */
export function ReportResolution({ reportId, listingTitle, canUnpublish }: { reportId: string; listingTitle: string; canUnpublish: boolean }) {
  const [state, formAction] = useActionState(resolveReportAction, null);
  const { clientErrors, onSubmit } = useClientValidation(noteSchema);
  const failed = state && !state.ok ? state : null;
  const noteError = clientErrors.note ?? failed?.fields?.note;
  const id = `report-${reportId}`;

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-3" aria-label={`Handle the report on “${listingTitle}”`}>
      <input type="hidden" name="reportId" value={reportId} />
      <TextareaField
        id={`${id}-note`}
        label="Note on what you did"
        name="note"
        rows={2}
        required
        maxLength={2000}
        defaultValue={typeof failed?.values?.note === "string" ? failed.values.note : undefined}
        hint="Kept with the report and in the audit log."
        error={noteError}
      />
      {canUnpublish && (
        <div className="flex items-start gap-2">
          <input
            id={`${id}-unpublish`}
            type="checkbox"
            name="unpublish"
            defaultChecked={failed?.values?.unpublish === "on"}
            aria-describedby={`${id}-unpublish-hint`}
            className="mt-0.5 h-4 w-4 rounded border-slate-400 accent-red-700"
          />
          <div>
            <label htmlFor={`${id}-unpublish`} className="text-sm font-medium text-slate-800">
              Unpublish the listing
            </label>
            <p id={`${id}-unpublish-hint`} className="text-xs text-slate-600">
              Takes it out of search and off its public page at once; existing bookings are unaffected.
            </p>
          </div>
        </div>
      )}
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
