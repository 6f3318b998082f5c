"use client";

import { useActionState, useState } from "react";
import { Star } from "lucide-react";
import { submitReviewAction } from "@/app/(app)/bookings/[id]/review-actions";
import { SubmitButton } from "@/components/forms/submit-button";
import { useClientValidation } from "@/components/forms/use-client-validation";
import { cn } from "@/components/ui/cn";
import { TextareaField } from "@/components/ui/field";
import { RATING_WORDS } from "./format";
import { reviewFormSchema } from "./schemas";

const RATINGS = [1, 2, 3, 4, 5] as const;

/** A party's review: 1 to 5 stars as a radio group, and the text. */
export function ReviewForm({ bookingId, subjectName }: { bookingId: string; subjectName: string }) {
  const [state, formAction] = useActionState(submitReviewAction, null);
  const { clientErrors, onSubmit } = useClientValidation(reviewFormSchema);
  const failed = state && !state.ok ? state : null;
  const fields = { ...failed?.fields, ...clientErrors };
  const [rating, setRating] = useState<number>(Number(failed?.values?.rating) || 0);
  const id = `review-${bookingId}`;

  if (state?.ok) {
    return (
      <p role="status" className="text-sm text-emerald-800">
        {state.message}
      </p>
    );
  }
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-4" aria-label={`Review ${subjectName}`}>
      <input type="hidden" name="bookingId" value={bookingId} />
      <fieldset aria-describedby={fields.rating ? `${id}-rating-error` : undefined}>
        <legend className="text-sm font-medium text-slate-800">Your rating of {subjectName}</legend>
        <div className="mt-2 flex flex-wrap gap-2">
          {RATINGS.map((n) => (
            <label
              key={n}
              className={cn(
                "flex cursor-pointer flex-col items-center gap-1 rounded-md border px-2.5 py-2 text-xs text-slate-700 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-volt-500 has-[:focus-visible]:ring-offset-1",
                rating === n ? "border-amber-500 bg-amber-50 text-slate-900" : "border-slate-300 bg-white hover:border-slate-400",
              )}
            >
              <input type="radio" name="rating" value={n} checked={rating === n} onChange={() => setRating(n)} className="sr-only" />
              <span className="flex" aria-hidden="true">
                {RATINGS.map((s) => (
                  <Star key={s} className={cn("h-3.5 w-3.5", s <= n ? "fill-amber-400 text-amber-500" : "text-slate-300")} />
                ))}
              </span>
              <span>
                <span className="sr-only">{n} out of 5: </span>
                {RATING_WORDS[n]}
              </span>
            </label>
          ))}
        </div>
        {fields.rating && (
          <p id={`${id}-rating-error`} className="mt-1.5 text-sm text-red-700">
            {fields.rating}
          </p>
        )}
      </fieldset>
      <TextareaField
        id={`${id}-body`}
        label="Your review"
        name="body"
        rows={5}
        maxLength={5000}
        required
        defaultValue={failed?.values?.body as string | undefined}
        hint="Plain text. It stays hidden, even from them, until both sides have reviewed or the 14 days are over."
        error={fields.body}
      />
      {failed && !Object.keys(fields).length && (
        <p role="alert" className="text-sm text-red-700">
          {failed.error}
        </p>
      )}
      <SubmitButton pendingLabel="Publishing…" className="w-full sm:w-auto">
        Submit review
      </SubmitButton>
    </form>
  );
}
