"use client";

import Link from "next/link";
import { useActionState } from "react";
import { resetPasswordAction } from "@/app/(auth)/account-actions";
import { SubmitButton } from "@/components/forms/submit-button";
import { useClientValidation } from "@/components/forms/use-client-validation";
import { Alert } from "@/components/ui/alert";
import { resetPasswordSchema } from "@/lib/validations/auth";
import { NewPasswordFields } from "./new-password-fields";

export function ResetPasswordForm({ token, email }: { token: string; email: string }) {
  const [state, formAction] = useActionState(resetPasswordAction, null);
  const { clientErrors, onSubmit } = useClientValidation(resetPasswordSchema);
  const failed = state && !state.ok ? state : null;
  const fields = { ...failed?.fields, ...clientErrors };

  if (state?.ok) {
    return (
      <Alert tone="success" title="Your password was changed">
        <p>Every other session of this account was signed out.</p>
        <p className="mt-2">
          <Link href={`/sign-in?email=${encodeURIComponent(state.data.email)}`} className="font-medium underline underline-offset-2">
            Sign in with the new password
          </Link>
        </p>
      </Alert>
    );
  }
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-5">
      {failed && !Object.keys(clientErrors).length && <Alert tone="error">{failed.error}</Alert>}
      <input type="hidden" name="token" value={token} />
      {/* Lets password managers file the new password under the right account. */}
      <input type="text" autoComplete="username" value={email} readOnly hidden />
      <NewPasswordFields errors={fields} className="space-y-5" />
      <SubmitButton pendingLabel="Saving…">Set new password</SubmitButton>
    </form>
  );
}
