"use client";

import { useActionState, useState } from "react";
import { inviteMemberAction } from "@/app/(app)/settings/organization/actions";
import { SubmitButton } from "@/components/forms/submit-button";
import { useClientValidation } from "@/components/forms/use-client-validation";
import { Alert } from "@/components/ui/alert";
import { Field, SelectField } from "@/components/ui/field";
import { inviteMemberSchema } from "@/lib/validations/team";

/** An owner's invitation: an address and a role; a success clears the form for the next one. */
export function InviteForm({ organizationName }: { organizationName: string }) {
  const [state, formAction] = useActionState(inviteMemberAction, null);
  const { clientErrors, onSubmit } = useClientValidation(inviteMemberSchema);
  const [sent, setSent] = useState(0);
  const [seen, setSeen] = useState(state);
  if (state !== seen) {
    setSeen(state);
    if (state?.ok) setSent((n) => n + 1);
  }
  const failed = state && !state.ok ? state : null;
  const fields = { ...failed?.fields, ...clientErrors };
  const role = typeof failed?.values?.role === "string" ? failed.values.role : "member";

  return (
    <div className="space-y-4">
      {state?.ok && state.message && <Alert tone="success">{state.message}</Alert>}
      <form key={sent} action={formAction} onSubmit={onSubmit} noValidate className="space-y-3" aria-label={`Invite someone to ${organizationName}`}>
        {failed && !Object.keys(clientErrors).length && !failed.fields && <Alert tone="error">{failed.error}</Alert>}
        <div className="grid gap-3 sm:grid-cols-[minmax(0,1fr)_11rem_auto] sm:items-start">
          <Field
            label="Email address"
            name="email"
            type="email"
            required
            maxLength={254}
            autoComplete="off"
            placeholder="colleague@company.com"
            hint="They get a link that works once, for 7 days."
            defaultValue={typeof failed?.values?.email === "string" ? failed.values.email : undefined}
            error={fields.email}
          />
          <SelectField label="Role" name="role" defaultValue={role} error={fields.role} hint="Owners can also invite and remove people.">
            <option value="member">Member</option>
            <option value="owner">Owner</option>
          </SelectField>
          <SubmitButton pendingLabel="Sending…" className="w-full sm:mt-7 sm:w-auto">
            Send invitation
          </SubmitButton>
        </div>
      </form>
    </div>
  );
}
