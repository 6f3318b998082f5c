"use client";

import { useActionState } from "react";
import { askMinerAction } from "@/app/(app)/messages/actions";
import { SubmitButton } from "@/components/forms/submit-button";
import { useClientValidation } from "@/components/forms/use-client-validation";
import { TextareaField } from "@/components/ui/field";
import { askSchema } from "./schemas";
import { MASKED_NOTICE } from "./format";

/** The question box; on success the action opens the thread, where the answer will appear. */
export function AskForm({ listingId }: { listingId: string }) {
  const [state, formAction] = useActionState(askMinerAction, null);
  const { clientErrors, onSubmit } = useClientValidation(askSchema);
  const failed = state && !state.ok ? state : null;
  const bodyError = clientErrors.body ?? failed?.fields?.body;
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="mt-4 space-y-3">
      <input type="hidden" name="listingId" value={listingId} />
      <TextareaField
        id="ask-body"
        label="Your question"
        name="body"
        rows={4}
        required
        placeholder="Is the 2N path maintained to the rack PDUs? Can we visit the site next month?"
        defaultValue={typeof failed?.values?.body === "string" ? failed.values.body : undefined}
        hint={MASKED_NOTICE}
        error={bodyError}
      />
      {failed && !bodyError && (
        <p role="alert" className="text-sm text-red-700">
          {failed.error}
        </p>
      )}
      <SubmitButton pendingLabel="Sending…">Send question</SubmitButton>
    </form>
  );
}
