"use client";

import { useActionState } from "react";
import { Loader2 } from "lucide-react";
import { Button, type ButtonStyle } from "@/components/ui/button";
import { useConfirmStep } from "@/components/ui/use-confirm-step";
import type { ActionResult, ActionState } from "@/lib/action";

type Props<T> = {
  action: (state: ActionState<T>, formData: FormData) => Promise<ActionResult<T>>;
  /** Hidden fields posted with the confirmation (e.g. the id to act on). */
  fields: Record<string, string>;
  /** The first button's text, and its accessible name. */
  label: string;
  accessibleLabel: string;
  confirmLabel: string;
  pendingLabel: string;
  /** Names the confirmation form for screen readers. */
  confirmAccessibleLabel: string;
  /** A short line next to the confirmation, e.g. what stops working. */
  warning?: string;
  variant?: ButtonStyle["variant"];
};

/**
 * An action that cannot be undone (remove, revoke) takes a second, explicit click (focus
 * follows the step: useConfirmStep).
 */
export function ConfirmActionButton<T>({ action, fields, label, accessibleLabel, confirmLabel, pendingLabel, confirmAccessibleLabel, warning, variant = "ghost" }: Props<T>) {
  const { confirming, step, opener, cancel } = useConfirmStep();
  const [state, formAction, pending] = useActionState<ActionState<T>, FormData>(action, null);

  if (!confirming) {
    return (
      <Button ref={opener} variant={variant} size="sm" onClick={() => step(true)} aria-label={accessibleLabel}>
        {label}
      </Button>
    );
  }
  return (
    <form action={formAction} className="flex flex-wrap items-center justify-end gap-2" aria-label={confirmAccessibleLabel}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {warning && <span className="text-sm text-slate-700">{warning}</span>}
      <Button type="submit" variant="danger" size="sm" disabled={pending} aria-disabled={pending}>
        {pending ? (
          <>
            <Loader2 className="h-4 w-4 animate-spin" aria-hidden="true" /> {pendingLabel}
          </>
        ) : (
          confirmLabel
        )}
      </Button>
      <Button ref={cancel} variant="ghost" size="sm" onClick={() => step(false)} disabled={pending}>
        Cancel
      </Button>
      {state && !state.ok && (
        <p role="alert" className="w-full text-right text-sm text-red-700">
          {state.error}
        </p>
      )}
    </form>
  );
}
