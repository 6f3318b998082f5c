"use client";

import { useActionState, useState } from "react";
import { useConfirmStep } from "@/components/ui/use-confirm-step";
import { regenerateRecoveryCodesAction } from "@/app/(app)/settings/security/actions";
import { SubmitButton } from "@/components/forms/submit-button";
import { useClientValidation } from "@/components/forms/use-client-validation";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { regenerateRecoveryCodesSchema } from "./two-factor-schemas";

/** New recovery codes in place of all the old ones, after a current authenticator code. */
export function TwoFactorRegenerate({ onCodes }: { onCodes: (codes: string[]) => void }) {
  // The parent hears of a success inside the action's own transition: the server's
  // re-render that comes with it can unmount this component before any effect would run.
  const [state, formAction] = useActionState(async (previous: Awaited<ReturnType<typeof regenerateRecoveryCodesAction>> | null, formData: FormData) => {
    const result = await regenerateRecoveryCodesAction(previous, formData);
    if (result.ok) onCodes(result.data.recoveryCodes);
    return result;
  }, null);
  const { clientErrors, onSubmit, clear } = useClientValidation(regenerateRecoveryCodesSchema);
  // Focus moves to the first field when the step opens and back to its button when it closes.
  const { confirming: open, step, opener, cancel: field } = useConfirmStep<HTMLInputElement>();
  const [seen, setSeen] = useState(state);
  const [failedAt, setFailedAt] = useState<typeof state>(null);

  if (state !== seen) {
    setSeen(state);
    if (state?.ok) step(false);
    else setFailedAt(state);
  }
  const failed = open && failedAt && !failedAt.ok ? failedAt : null;

  function toggle(next: boolean) {
    clear();
    setFailedAt(null);
    step(next);
  }

  return (
    <div className="rounded-lg border border-slate-200 p-4">
      <h3 className="font-medium text-slate-900">Recovery codes</h3>
      <p className="mt-1 text-sm text-slate-600">Lost them, or used most? Make ten new ones; the old ones stop working.</p>
      {open ? (
        <form action={formAction} onSubmit={onSubmit} noValidate aria-label="Regenerate recovery codes" className="mt-3 space-y-3">
          <Field
            ref={field}
            label="Code from your authenticator app"
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={7}
            required
            spellCheck={false}
            error={clientErrors.code ?? failed?.fields?.code ?? failed?.error}
            className="max-w-56"
          />
          <div className="flex flex-wrap gap-2">
            <SubmitButton pendingLabel="Making codes…" size="sm" className="">
              Make new codes
            </SubmitButton>
            <Button variant="ghost" size="sm" onClick={() => toggle(false)}>
              Cancel
            </Button>
          </div>
        </form>
      ) : (
        <Button ref={opener} variant="secondary" size="sm" className="mt-3" onClick={() => toggle(true)}>
          Regenerate recovery codes
        </Button>
      )}
    </div>
  );
}
