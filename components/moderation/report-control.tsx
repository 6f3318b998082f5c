"use client";

import { useActionState } from "react";
import { Flag } from "lucide-react";
import type { z } from "zod";
import { SubmitButton } from "@/components/forms/submit-button";
import { useClientValidation } from "@/components/forms/use-client-validation";
import { cn } from "@/components/ui/cn";
import { SelectField, TextareaField } from "@/components/ui/field";
import type { ActionResult, ActionState } from "@/lib/action";
import { REPORT_REASONS } from "@/lib/validations/admin";

type Props<T> = {
  action: (state: ActionState<T>, formData: FormData) => Promise<ActionResult<T>>;
  schema: z.ZodType;
  /** The hidden field naming what is reported (messageId, reviewId) and its value. */
  target: { name: string; id: string };
  /** Completes "Report" for screen readers: " this message from Geysir Data". */
  accessibleSuffix: string;
  labels: Record<(typeof REPORT_REASONS)[number], string>;
  className?: string;
  formClassName?: string;
  doneClassName?: string;
};

/** "Report": a reason and an optional note, for the admins, behind a disclosure. */
export function ReportControl<T>({ action, schema, target, accessibleSuffix, labels, className, formClassName, doneClassName }: Props<T>) {
  const [state, formAction] = useActionState<ActionState<T>, FormData>(action, null);
  const { clientErrors, onSubmit } = useClientValidation(schema);
  const failed = state && !state.ok ? state : null;
  const fields = { ...failed?.fields, ...clientErrors };
  const id = `report-${target.name}-${target.id}`;

  if (state?.ok) {
    return (
      <p role="status" className={cn("text-xs text-emerald-800", doneClassName)}>
        {state.message}
      </p>
    );
  }
  return (
    <details className={cn("text-xs", className)} open={failed ? true : undefined}>
      <summary className="inline-flex cursor-pointer items-center gap-1 rounded px-1 py-0.5 text-slate-600 hover:text-slate-900">
        <Flag className="h-3 w-3" aria-hidden="true" /> Report<span className="sr-only">{accessibleSuffix}</span>
      </summary>
      <form action={formAction} onSubmit={onSubmit} noValidate className={cn("mt-2 space-y-3 rounded-lg border border-slate-200 bg-white p-3 text-sm shadow-sm", formClassName)}>
        <input type="hidden" name={target.name} value={target.id} />
        <SelectField id={`${id}-reason`} label="What is wrong?" name="reason" required defaultValue={(failed?.values?.reason as string | undefined) ?? ""} error={fields.reason}>
          <option value="" disabled>
            Choose a reason
          </option>
          {REPORT_REASONS.map((reason) => (
            <option key={reason} value={reason}>
              {labels[reason]}
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
