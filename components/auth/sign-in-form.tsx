"use client";

import Link from "next/link";
import { useActionState } from "react";
import { signInAction } from "@/app/(auth)/actions";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { signInFormSchema } from "@/lib/validations/auth";
import { SubmitButton } from "@/components/forms/submit-button";
import { useClientValidation } from "@/components/forms/use-client-validation";

export function SignInForm({ callbackUrl, notice }: { callbackUrl?: string; notice?: string }) {
  const [state, formAction] = useActionState(signInAction, null);
  const { clientErrors, onSubmit } = useClientValidation(signInFormSchema);
  const failed = state && !state.ok ? state : null;
  const fields = { ...failed?.fields, ...clientErrors };

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-5">
      {failed && !Object.keys(clientErrors).length ? (
        <Alert tone="error">{failed.error}</Alert>
      ) : notice ? (
        <Alert tone="info">{notice}</Alert>
      ) : null}
      {callbackUrl && <input type="hidden" name="callbackUrl" value={callbackUrl} />}
      <Field label="Email" name="email" type="email" autoComplete="email" required defaultValue={failed?.values?.email} error={fields.email} />
      <Field label="Password" name="password" type="password" autoComplete="current-password" required error={fields.password} />
      <SubmitButton pendingLabel="Signing in…">Sign in</SubmitButton>
      <p className="text-center text-sm text-slate-600">
        New to Substation?{" "}
        <Link href="/sign-up" className="font-medium text-slate-900 underline underline-offset-2">
          Create an account
        </Link>
      </p>
    </form>
  );
}
