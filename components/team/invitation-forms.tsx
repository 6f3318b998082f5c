"use client";

import Link from "next/link";
import { useActionState } from "react";
import { acceptInvitationAction, joinWithNewAccountAction, rejoinAction } from "@/app/invitations/[token]/actions";
import { SubmitButton } from "@/components/forms/submit-button";
import { useClientValidation } from "@/components/forms/use-client-validation";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password-policy";
import { acceptInvitationSchema, joinWithNewAccountSchema, rejoinSchema } from "@/lib/validations/team";

type Props = { token: string; email: string; organizationName: string; signInHref: string };

/** Joined, but sign-in wants more (a second factor): the way on is the sign-in form. */
function JoinedSignInNeeded({ message, signInHref }: { message?: string; signInHref: string }) {
  return (
    <div className="space-y-4">
      <Alert tone="success">{message ?? "You joined. Sign in to continue."}</Alert>
      <ButtonLink href={signInHref} className="w-full">
        Sign in
      </ButtonLink>
    </div>
  );
}

/** A visitor without an account: name and password; the address is the invited one. */
export function JoinForm({ token, email, organizationName, signInHref }: Props) {
  const [state, formAction] = useActionState(joinWithNewAccountAction, null);
  const { clientErrors, onSubmit } = useClientValidation(joinWithNewAccountSchema);
  if (state?.ok) return <JoinedSignInNeeded message={state.message} signInHref="/sign-in?callbackUrl=%2Fdashboard" />;
  const failed = state && !state.ok ? state : null;
  const fields = { ...failed?.fields, ...clientErrors };
  const exists = failed && !failed.fields && /Sign in with that address/.test(failed.error);

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-4" aria-label={`Create an account and join ${organizationName}`}>
      <input type="hidden" name="token" value={token} />
      {failed && !Object.keys(clientErrors).length && !failed.fields && (
        <Alert tone="error">
          {failed.error}
          {exists && (
            <>
              {" "}
              <Link href={signInHref} className="font-medium underline">
                Sign in to accept
              </Link>
            </>
          )}
        </Alert>
      )}
      <Field label="Email address" name="invitedEmail" type="email" value={email} readOnly disabled hint="The invited address; your account uses it." />
      <Field label="Your name" name="name" autoComplete="name" required maxLength={100} defaultValue={typeof failed?.values?.name === "string" ? failed.values.name : undefined} error={fields.name} />
      <Field
        label="Choose a password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        hint={`At least ${PASSWORD_MIN_LENGTH} characters.`}
        error={fields.password}
      />
      <SubmitButton pendingLabel="Joining…">Create account and join</SubmitButton>
    </form>
  );
}

/** A removed account, invited again, comes back with its own password. */
export function RejoinForm({ token, email, organizationName, signInHref }: Props) {
  const [state, formAction] = useActionState(rejoinAction, null);
  const { clientErrors, onSubmit } = useClientValidation(rejoinSchema);
  if (state?.ok) return <JoinedSignInNeeded message={state.message} signInHref={signInHref} />;
  const failed = state && !state.ok ? state : null;
  const fields = { ...failed?.fields, ...clientErrors };
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-4" aria-label={`Rejoin ${organizationName}`}>
      <input type="hidden" name="token" value={token} />
      {failed && !Object.keys(clientErrors).length && !failed.fields && <Alert tone="error">{failed.error}</Alert>}
      <p className="text-sm text-slate-700">
        {email} already has a Substation account. Enter its password to join {organizationName} with it.{" "}
        <Link href="/forgot-password" className="font-medium underline">
          Forgot it?
        </Link>
      </p>
      <Field label="Password" name="password" type="password" autoComplete="current-password" required error={fields.password} />
      <SubmitButton pendingLabel="Joining…">Join {organizationName}</SubmitButton>
    </form>
  );
}

/** A signed-in person whose address matches: one click. */
export function AcceptForm({ token, organizationName }: { token: string; organizationName: string }) {
  const [state, formAction] = useActionState(acceptInvitationAction, null);
  const { onSubmit } = useClientValidation(acceptInvitationSchema);
  const failed = state && !state.ok ? state : null;
  return (
    <form action={formAction} onSubmit={onSubmit} className="space-y-4">
      <input type="hidden" name="token" value={token} />
      {failed && <Alert tone="error">{failed.error}</Alert>}
      <SubmitButton pendingLabel="Joining…">Join {organizationName}</SubmitButton>
    </form>
  );
}
