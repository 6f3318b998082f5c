"use client";

import Link from "next/link";
import { useActionState } from "react";
import { confirmEmailAction } from "@/app/(auth)/account-actions";
import { SubmitButton } from "@/components/forms/submit-button";
import { Alert } from "@/components/ui/alert";

/** A button, not a GET: mail scanners open links, and opening must not confirm anything. */
export function ConfirmEmailForm({ token, email, signedIn }: { token: string; email: string; signedIn: boolean }) {
  const [state, formAction] = useActionState(confirmEmailAction, null);
  if (state?.ok) {
    return (
      <Alert tone="success" title={state.data.changed ? "Your email address was changed" : "Your email address is confirmed"}>
        <p>
          Substation now uses <span className="font-medium break-all">{state.data.email}</span> for your account.
        </p>
        <p className="mt-2">
          {signedIn ? (
            // A full load, not a client navigation: the header's "confirm your address" banner
            // lives in the root layout, which a client navigation keeps as it was.
            <a href="/dashboard" className="font-medium underline underline-offset-2">
              Go to your dashboard
            </a>
          ) : (
            <Link href={`/sign-in?email=${encodeURIComponent(state.data.email)}&callbackUrl=${encodeURIComponent("/dashboard?welcome=1")}`} className="font-medium underline underline-offset-2">
              Sign in
            </Link>
          )}
        </p>
      </Alert>
    );
  }
  return (
    <form action={formAction} className="space-y-4">
      {state && !state.ok && <Alert tone="error">{state.error}</Alert>}
      <p className="text-sm text-slate-700">
        Confirm that <span className="font-medium break-all text-slate-900">{email}</span> is your address.
      </p>
      <input type="hidden" name="token" value={token} />
      <SubmitButton pendingLabel="Confirming…">Confirm email address</SubmitButton>
    </form>
  );
}
