"use client";

import { useActionState } from "react";
import { replyToReviewAction } from "@/app/(app)/bookings/[id]/review-actions";
import { SubmitButton } from "@/components/forms/submit-button";
import { useClientValidation } from "@/components/forms/use-client-validation";
import { TextareaField } from "@/components/ui/field";
import { replyFormSchema } from "./schemas";

/** The reviewed side's one public reply. */
export function ReplyForm({ reviewId, authorName }: { reviewId: string; authorName: string }) {
  const [state, formAction] = useActionState(replyToReviewAction, null);
  const { clientErrors, onSubmit } = useClientValidation(replyFormSchema);
  const failed = state && !state.ok ? state : null;
  const fields = { ...failed?.fields, ...clientErrors };

  if (state?.ok) {
    return (
      <p role="status" className="text-sm text-emerald-800">
        {state.message}
      </p>
    );
  }
  return (
    <details className="text-sm" open={failed ? true : undefined}>
      <summary className="cursor-pointer font-medium text-slate-800 hover:text-slate-900">Reply to {authorName}</summary>
      <form action={formAction} onSubmit={onSubmit} noValidate className="mt-3 space-y-3">
        <input type="hidden" name="reviewId" value={reviewId} />
        <TextareaField
          id={`reply-${reviewId}`}
          label="Your reply"
          name="body"
          rows={3}
          maxLength={5000}
          required
          defaultValue={failed?.values?.body as string | undefined}
          hint="Public, under their review. You can reply once."
          error={fields.body}
        />
        {failed && !Object.keys(fields).length && (
          <p role="alert" className="text-sm text-red-700">
            {failed.error}
          </p>
        )}
        <SubmitButton pendingLabel="Publishing…" variant="secondary" size="sm" className="w-auto">
          Publish reply
        </SubmitButton>
      </form>
    </details>
  );
}
