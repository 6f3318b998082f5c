"use client";

// The account page's forms. Each shows its result beside itself and keeps what was typed
// (never passwords) when the server refuses it.
import { useActionState } from "react";
import { changeEmailAction, changePasswordAction, resendVerificationAction, revokeOtherSessionsAction, updateNameAction } from "@/app/(app)/settings/actions";
import { SubmitButton } from "@/components/forms/submit-button";
import { useClientValidation } from "@/components/forms/use-client-validation";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import type { ActionResult, ActionState } from "@/lib/action";
import { NewPasswordFields } from "@/components/auth/new-password-fields";
import { changeEmailSchema, changePasswordSchema, profileNameSchema } from "@/lib/validations/auth";

function Outcome({ state, hideFieldErrors }: { state: ActionState<undefined>; hideFieldErrors?: boolean }) {
  if (!state) return null;
  if (state.ok) return state.message ? <Alert tone="success">{state.message}</Alert> : null;
  if (hideFieldErrors && state.fields && Object.keys(state.fields).length) return null;
  return <Alert tone="error">{state.error}</Alert>;
}

type Action = (state: ActionState<undefined>, formData: FormData) => Promise<ActionResult<undefined>>;

export function NameForm({ name }: { name: string }) {
  const [state, formAction] = useActionState(updateNameAction as Action, null);
  const { clientErrors, onSubmit } = useClientValidation(profileNameSchema);
  const failed = state && !state.ok ? state : null;
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-3">
      <Outcome state={state} hideFieldErrors />
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start">
        <Field label="Your name" name="name" autoComplete="name" required defaultValue={(failed?.values?.name as string | undefined) ?? name} error={clientErrors.name ?? failed?.fields?.name} className="flex-1" />
        <SubmitButton pendingLabel="Saving…" className="sm:mt-7" variant="secondary">
          Save name
        </SubmitButton>
      </div>
    </form>
  );
}

export function EmailForm({ email }: { email: string }) {
  const [state, formAction] = useActionState(changeEmailAction as Action, null);
  const { clientErrors, onSubmit } = useClientValidation(changeEmailSchema);
  const failed = state && !state.ok ? state : null;
  const fields = { ...failed?.fields, ...clientErrors };
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-3">
      <Outcome state={state} hideFieldErrors />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="New email address" name="email" type="email" autoComplete="email" required placeholder={email} defaultValue={failed?.values?.email as string | undefined} error={fields.email} />
        <Field label="Current password" name="currentPassword" type="password" autoComplete="current-password" required error={fields.currentPassword} />
      </div>
      <SubmitButton pendingLabel="Sending…" className="w-full sm:w-auto" variant="secondary">
        Change email
      </SubmitButton>
    </form>
  );
}

export function PasswordForm() {
  const [state, formAction] = useActionState(changePasswordAction as Action, null);
  const { clientErrors, onSubmit } = useClientValidation(changePasswordSchema);
  const failed = state && !state.ok ? state : null;
  const fields = { ...failed?.fields, ...clientErrors };
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-3">
      <Outcome state={state} hideFieldErrors />
      <Field label="Current password" name="currentPassword" type="password" autoComplete="current-password" required error={fields.currentPassword} />
      <NewPasswordFields errors={fields} className="grid gap-3 sm:grid-cols-2" />
      <SubmitButton pendingLabel="Saving…" className="w-full sm:w-auto" variant="secondary">
        Change password
      </SubmitButton>
    </form>
  );
}

export function ResendVerificationForm() {
  const [state, formAction] = useActionState(resendVerificationAction as Action, null);
  return (
    <form action={formAction} className="space-y-3">
      <Outcome state={state} />
      <SubmitButton pendingLabel="Sending…" className="w-full sm:w-auto" variant="secondary">
        Send a new confirmation link
      </SubmitButton>
    </form>
  );
}

export function SignOutOthersForm({ others }: { others: number }) {
  const [state, formAction] = useActionState(revokeOtherSessionsAction as Action, null);
  return (
    <form action={formAction} className="space-y-3">
      <Outcome state={state} />
      <SubmitButton pendingLabel="Signing out…" className="w-full sm:w-auto" variant="secondary" disabled={others === 0}>
        Sign out all other sessions
      </SubmitButton>
    </form>
  );
}
