"use client";

import { useActionState } from "react";
import { createTokenAction } from "@/app/(app)/settings/tokens/actions";
import { SubmitButton } from "@/components/forms/submit-button";
import { useClientValidation } from "@/components/forms/use-client-validation";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { API_TOKEN_NAME_MAX_LENGTH, apiTokenSchema } from "@/lib/validations/api-token";
import { NewTokenNotice } from "./new-token-notice";

export function CreateTokenForm({ atCap, cap }: { atCap: boolean; cap: number }) {
  const [state, formAction] = useActionState(createTokenAction, null);
  const { clientErrors, onSubmit } = useClientValidation(apiTokenSchema);
  const failed = state && !state.ok ? state : null;
  const created = state?.ok ? state.data : null;
  const fields = { ...failed?.fields, ...clientErrors };

  return (
    <div className="space-y-5">
      {created && <NewTokenNotice key={created.id} name={created.name} token={created.token} />}
      {atCap && !failed && (
        <Alert tone="warning">
          You have {cap} active tokens, the most one account may hold. Revoke one you no longer use to create another.
        </Alert>
      )}
      <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-3">
        {failed && !Object.keys(clientErrors).length && <Alert tone="error">{failed.error}</Alert>}
        <div className="flex flex-col gap-3 sm:flex-row sm:items-start">
          <Field
            label="Token name"
            name="name"
            required
            maxLength={API_TOKEN_NAME_MAX_LENGTH}
            autoComplete="off"
            placeholder="e.g. CI deploys"
            hint="What will use it, so you know which one to revoke later."
            defaultValue={failed?.values?.name}
            error={fields.name}
            className="flex-1"
          />
          <SubmitButton pendingLabel="Creating…" className="sm:mt-7">
            Create token
          </SubmitButton>
        </div>
      </form>
    </div>
  );
}
