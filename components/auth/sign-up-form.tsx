"use client";

import Link from "next/link";
import { useActionState, useEffect, useRef, useState } from "react";
import { Cpu, Zap } from "lucide-react";
import { signUpAction } from "@/app/(auth)/account-actions";
import { CheckInbox } from "./check-inbox";
import { Alert } from "@/components/ui/alert";
import { cn } from "@/components/ui/cn";
import { Field } from "@/components/ui/field";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password-policy";
import { signUpSchema } from "@/lib/validations/auth";
import { SubmitButton } from "@/components/forms/submit-button";
import { useClientValidation } from "@/components/forms/use-client-validation";

type Kind = "miner" | "buyer";

const KINDS: { value: Kind; title: string; text: string; icon: React.ReactNode }[] = [
  { value: "buyer", title: "I need capacity", text: "An AI team looking for power, cooling and racks.", icon: <Cpu className="h-5 w-5" /> },
  { value: "miner", title: "I offer capacity", text: "A mining company with energized megawatts to list.", icon: <Zap className="h-5 w-5" /> },
];

export function SignUpForm({ initialKind }: { initialKind?: Kind }) {
  const [state, formAction] = useActionState(signUpAction, null);
  const { clientErrors, onSubmit } = useClientValidation(signUpSchema);
  const failed = state && !state.ok ? state : null;
  const fields = { ...failed?.fields, ...clientErrors };
  const [kind, setKind] = useState<Kind | undefined>((failed?.values?.kind as Kind | undefined) ?? initialKind);
  const form = useRef<HTMLFormElement>(null);
  // React resets a form after its action returns, unchecking even controlled radios in the
  // DOM: put the chosen kind back, or a resubmission after a server error would lose it.
  useEffect(() => {
    const radio = form.current?.querySelector<HTMLInputElement>(`input[name="kind"][value="${kind}"]`);
    if (radio) radio.checked = true;
  }, [state, kind]);

  if (state?.ok) {
    return (
      <CheckInbox email={state.data.email} title="Check your inbox">
        We sent a link to confirm your address and finish setting up your account. You can sign in and look around right away; reserving,
        submitting listings, API tokens and invitations open once the address is confirmed.
      </CheckInbox>
    );
  }

  return (
    <form ref={form} action={formAction} onSubmit={onSubmit} noValidate className="space-y-5">
      {failed && !Object.keys(clientErrors).length && <Alert tone="error">{failed.error}</Alert>}
      <fieldset aria-describedby={fields.kind ? "kind-error" : undefined}>
        <legend className="text-sm font-medium text-slate-800">Account type</legend>
        <div className="mt-2 grid gap-3 sm:grid-cols-2">
          {KINDS.map((option) => (
            <label
              key={option.value}
              className={cn(
                "flex cursor-pointer gap-3 rounded-lg border bg-white p-4 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-sky-600",
                kind === option.value ? "border-ink-900 ring-1 ring-ink-900" : "border-slate-300 hover:border-slate-400",
              )}
            >
              <input
                type="radio"
                name="kind"
                value={option.value}
                checked={kind === option.value}
                onChange={() => setKind(option.value)}
                className="sr-only"
              />
              <span className="mt-0.5 text-volt-700" aria-hidden="true">{option.icon}</span>
              <span>
                <span className="block text-sm font-semibold text-slate-900">{option.title}</span>
                <span className="block text-xs text-slate-600">{option.text}</span>
              </span>
            </label>
          ))}
        </div>
        {fields.kind && (
          <p id="kind-error" className="mt-1.5 text-sm text-red-700">
            {fields.kind}
          </p>
        )}
      </fieldset>
      <Field label="Your name" name="name" autoComplete="name" required defaultValue={failed?.values?.name} error={fields.name} />
      <Field
        label={kind === "miner" ? "Mining company" : kind === "buyer" ? "AI team or company" : "Organization"}
        name="organizationName"
        autoComplete="organization"
        required
        defaultValue={failed?.values?.organizationName}
        error={fields.organizationName}
      />
      <Field label="Work email" name="email" type="email" autoComplete="email" required defaultValue={failed?.values?.email} error={fields.email} />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN_LENGTH}
        hint={`At least ${PASSWORD_MIN_LENGTH} characters. A passphrase of a few words works well.`}
        error={fields.password}
      />
      <SubmitButton pendingLabel="Creating your account…">Create account</SubmitButton>
      <p className="text-center text-sm text-slate-600">
        Already have an account?{" "}
        <Link href="/sign-in" className="font-medium text-slate-900 underline underline-offset-2">
          Sign in
        </Link>
      </p>
    </form>
  );
}
