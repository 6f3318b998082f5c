"use client";

import { useActionState } from "react";
import { setReviewHiddenAction } from "@/app/(app)/bookings/[id]/review-actions";
import { SubmitButton } from "@/components/forms/submit-button";
import { useClientValidation } from "@/components/forms/use-client-validation";
import { Field } from "@/components/ui/field";
import { hideReviewFormSchema } from "./schemas";

/** Admins: hide a review (it stops showing and counting) or restore it, with a reason for the audit log. */
export function HideReview({ reviewId, hidden }: { reviewId: string; hidden: boolean }) {
  const [state, formAction] = useActionState(setReviewHiddenAction, null);
  const { clientErrors, onSubmit } = useClientValidation(hideReviewFormSchema);
  const failed = state && !state.ok ? state : null;
  const fields = { ...failed?.fields, ...clientErrors };
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-3" aria-label={hidden ? "Restore this review" : "Hide this review"}>
      <input type="hidden" name="reviewId" value={reviewId} />
      <input type="hidden" name="hidden" value={hidden ? "false" : "true"} />
      <Field
        id={`hide-review-${reviewId}-reason`}
        label={hidden ? "Why restore it?" : "Why hide it?"}
        name="reason"
        required
        maxLength={500}
        defaultValue={failed?.values?.reason as string | undefined}
        hint={hidden ? "It will show and count in the rating again." : "Shown to admins as “Hidden by Substation”; it stops counting in the rating."}
        error={fields.reason}
      />
      {failed && !Object.keys(fields).length && (
        <p role="alert" className="text-sm text-red-700">
          {failed.error}
        </p>
      )}
      {state?.ok && (
        <p role="status" className="text-sm text-emerald-800">
          {state.message}
        </p>
      )}
      <SubmitButton pendingLabel={hidden ? "Restoring…" : "Hiding…"} variant={hidden ? "secondary" : "danger"} size="sm" className="w-auto">
        {hidden ? "Restore review" : "Hide review"}
      </SubmitButton>
    </form>
  );
}
