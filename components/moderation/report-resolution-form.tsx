"use client";

import { useActionState } from "react";
import { useFormStatus } from "react-dom";
import { Loader2 } from "lucide-react";
import type { z } from "zod";
import { useClientValidation } from "@/components/forms/use-client-validation";
import { Button } from "@/components/ui/button";
import { TextareaField } from "@/components/ui/field";
import type { ActionResult, ActionState, FormValues } from "@/lib/action";

type Props<T> = {
  reportId: string;
  action: (state: ActionState<T>, formData: FormData) => Promise<ActionResult<T>>;
  /** The form's schema without `outcome`: the outcome is the button pressed, which the browser-side check cannot see. */
  noteSchema: z.ZodType;
  /** Makes the note's id unique on a page of reports of one kind. */
  idPrefix: string;
  hint: string;
  /** Names the form for screen readers; "Handle this report" by default. */
  label?: string;
  /** Fields of one kind of report (a listing's "unpublish" box), given what a refused submission kept. */
  extraFields?: (values: FormValues | undefined) => React.ReactNode;
};

/** Resolve (the report was right) or dismiss a report of a listing, a message or a review, with a note for the audit log. */
export function ReportResolutionForm<T>({ reportId, action, noteSchema, idPrefix, hint, label = "Handle this report", extraFields }: Props<T>) {
  const [state, formAction] = useActionState<ActionState<T>, FormData>(action, null);
  const { clientErrors, onSubmit } = useClientValidation(noteSchema);
  const failed = state && !state.ok ? state : null;
  const noteError = clientErrors.note ?? failed?.fields?.note;
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-3" aria-label={label}>
      <input type="hidden" name="reportId" value={reportId} />
      <TextareaField
        id={`${idPrefix}-${reportId}-note`}
        label="Note on what you did"
        name="note"
        rows={2}
        required
        maxLength={2000}
        defaultValue={typeof failed?.values?.note === "string" ? failed.values.note : undefined}
        hint={hint}
        error={noteError}
      />
      {extraFields?.(failed?.values)}
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
