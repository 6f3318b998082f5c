"use client";

import { useActionState } from "react";
import { forgotPasswordAction } from "@/app/(auth)/account-actions";
import { SubmitButton } from "@/components/forms/submit-button";
import { useClientValidation } from "@/components/forms/use-client-validation";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { forgotPasswordSchema } from "@/lib/validations/auth";
import { CheckInbox } from "./check-inbox";

export function ForgotPasswordForm({ email }: { email?: string }) {
  const [state, formAction] = useActionState(forgotPasswordAction, null);
  const { clientErrors, onSubmit } = useClientValidation(forgotPasswordSchema);
  const failed = state && !state.ok ? state : null;
  const fields = { ...failed?.fields, ...clientErrors };

  if (state?.ok) {
    return (
      <CheckInbox email={state.data.email} title="Check your inbox">
        The link to choose a new password works once and for one hour. No mail after a few minutes? Check your spam folder, or ask again.
      </CheckInbox>
    );
  }
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-5">
      {failed && !Object.keys(clientErrors).length && !failed.fields && <Alert tone="error">{failed.error}</Alert>}
      <Field label="Email" name="email" type="email" autoComplete="email" required defaultValue={failed?.values?.email as string | undefined ?? email} error={fields.email} />
      <SubmitButton pendingLabel="Sending…">Send reset link</SubmitButton>
    </form>
  );
}
