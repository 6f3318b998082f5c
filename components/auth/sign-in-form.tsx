"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { signInAction } from "@/app/(auth)/actions";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { signInFormSchema } from "@/lib/validations/auth";
import { SubmitButton } from "@/components/forms/submit-button";
import { useClientValidation } from "@/components/forms/use-client-validation";
import { SecondFactorStep } from "./second-factor-step";

/**
 * Email and password, then, for an account with two-factor sign-in, a second step for the
 * code. Email and password are held in state (React resets a form after its action) and
 * posted again with the code: the server checks all three together.
 */
export function SignInForm({ callbackUrl, notice, initialEmail = "" }: { callbackUrl?: string; notice?: string; initialEmail?: string }) {
  const [state, formAction] = useActionState(signInAction, null);
  const { clientErrors, onSubmit, clear } = useClientValidation(signInFormSchema);
  const [email, setEmail] = useState(initialEmail);
  const [password, setPassword] = useState("");
  const [seen, setSeen] = useState(state);
  const [codeStep, setCodeStep] = useState(false);
  const failed = state && !state.ok ? state : null;

  // The server decides when a code is needed; going back to the first step is the user's choice.
  if (state !== seen) {
    setSeen(state);
    const needsCode = typeof failed?.values?.secondFactor === "string";
    setCodeStep(needsCode);
    if (!needsCode) setPassword("");
  }

  const fields = { ...failed?.fields, ...clientErrors };
  const hidden = callbackUrl && <input type="hidden" name="callbackUrl" value={callbackUrl} />;

  if (codeStep) {
    return (
      <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-5">
        {hidden}
        <input type="hidden" name="email" value={email} />
        <input type="hidden" name="password" value={password} />
        <SecondFactorStep
          email={email}
          reason={failed?.values?.secondFactor === "mfa_rate_limited" ? "rate_limited" : failed?.fields?.code ? "wrong" : "asked"}
          message={failed?.error}
          error={fields.code}
          onChange={clear}
          onBack={() => {
            clear();
            setPassword("");
            setCodeStep(false);
          }}
        />
      </form>
    );
  }

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-5">
      {failed && !Object.keys(clientErrors).length ? (
        <Alert tone="error">{failed.error}</Alert>
      ) : notice ? (
        <Alert tone="info">{notice}</Alert>
      ) : null}
      {hidden}
      <Field
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        required
        value={email}
        onChange={(event) => setEmail(event.target.value)}
        error={fields.email}
      />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        error={fields.password}
      />
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
