"use client";

import { useActionState, useState } from "react";
import { useConfirmStep } from "@/components/ui/use-confirm-step";
import { disableTwoFactorAction } from "@/app/(app)/settings/security/actions";
import { SubmitButton } from "@/components/forms/submit-button";
import { useClientValidation } from "@/components/forms/use-client-validation";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { disableTwoFactorSchema } from "./two-factor-schemas";

/** Turning two-factor sign-in off: a confirm step that asks for the password and a code. */
export function TwoFactorDisable({ onDisabled }: { onDisabled: (message: string) => void }) {
  // The parent hears of a success inside the action's own transition: the server's
  // re-render that comes with it can unmount this component before any effect would run.
  const [state, formAction] = useActionState(async (previous: Awaited<ReturnType<typeof disableTwoFactorAction>> | null, formData: FormData) => {
    const result = await disableTwoFactorAction(previous, formData);
    if (result.ok) onDisabled(result.message ?? "Two-factor sign-in is off.");
    return result;
  }, null);
  const { clientErrors, onSubmit, clear } = useClientValidation(disableTwoFactorSchema);
  // Focus moves to the first field when the step opens and back to its button when it closes.
  const { confirming: open, step, opener, cancel: firstField } = useConfirmStep<HTMLInputElement>();
  const [seen, setSeen] = useState(state);
  const [failedAt, setFailedAt] = useState<typeof state>(null);

  if (state !== seen) {
    setSeen(state);
    if (state?.ok) step(false);
    else setFailedAt(state);
  }
  const failed = open && failedAt && !failedAt.ok ? failedAt : null;
  const fields = { ...failed?.fields, ...clientErrors };
  const general = failed && !failed.fields ? failed.error : undefined;

  function toggle(next: boolean) {
    clear();
    setFailedAt(null);
    step(next);
  }

  return (
    <div className="rounded-lg border border-slate-200 p-4">
      <h3 className="font-medium text-slate-900">Turn off two-factor sign-in</h3>
      <p className="mt-1 text-sm text-slate-600">Sign-in will ask only for your password. Your recovery codes are deleted.</p>
      {open ? (
        <form action={formAction} onSubmit={onSubmit} noValidate aria-label="Turn off two-factor sign-in" className="mt-3 space-y-3 rounded-md border border-red-200 bg-red-50/50 p-3">
          <Field ref={firstField} label="Current password" name="password" type="password" autoComplete="current-password" required error={fields.password} />
          <Field
            label="Authenticator code or recovery code"
            name="code"
            autoComplete="one-time-code"
            maxLength={20}
            required
            spellCheck={false}
            autoCapitalize="characters"
            error={fields.code}
          />
          {general && (
            <p role="alert" className="text-sm text-red-700">
              {general}
            </p>
          )}
          <div className="flex flex-wrap gap-2">
            <SubmitButton pendingLabel="Turning off…" variant="danger" size="sm" className="">
              Turn off
            </SubmitButton>
            <Button variant="ghost" size="sm" onClick={() => toggle(false)}>
              Keep it on
            </Button>
          </div>
        </form>
      ) : (
        <Button ref={opener} variant="secondary" size="sm" className="mt-3" onClick={() => toggle(true)}>
          Turn off…
        </Button>
      )}
    </div>
  );
}
