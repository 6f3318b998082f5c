"use client";

import { useActionState, useRef } from "react";
import { Loader2 } from "lucide-react";
import { approveListingAction, rejectListingAction } from "@/app/(app)/admin/listings/actions";
import { useClientValidation } from "@/components/forms/use-client-validation";
import { Button, buttonClass } from "@/components/ui/button";
import { TextareaField } from "@/components/ui/field";
import { rejectFormSchema } from "./moderation-schemas";

/** Approve, or reject with a reason the miner reads on the listing and in their mail. */
export function ModerationDecision({ listingId, title }: { listingId: string; title: string }) {
  const [approveState, approve, approving] = useActionState(approveListingAction, null);
  const [rejectState, reject, rejecting] = useActionState(rejectListingAction, null);
  const { clientErrors, onSubmit, clear } = useClientValidation(rejectFormSchema);
  const busy = approving || rejecting;
  const rejectFailed = rejectState && !rejectState.ok ? rejectState : null;
  const approveFailed = approveState && !approveState.ok ? approveState : null;
  const reasonError = clientErrors.reason ?? rejectFailed?.fields?.reason;

  const details = useRef<HTMLDetailsElement>(null);
  const reason = useRef<HTMLTextAreaElement>(null);
  // A native disclosure, so "Reject…" opens even before the page's script has loaded.
  const onToggle = () => {
    if (details.current?.open) reason.current?.focus();
    else clear();
  };
  const close = () => {
    if (details.current) details.current.open = false;
    details.current?.querySelector("summary")?.focus();
  };

  return (
    <div className="flow-root">
      <form action={approve} className="float-left mr-2">
        <input type="hidden" name="listingId" value={listingId} />
        <Button type="submit" size="sm" disabled={busy} aria-disabled={busy}>
          {approving ? (
            <>
              <Loader2 className="h-4 w-4 animate-spin" aria-hidden="true" /> Approving…
            </>
          ) : (
            "Approve"
          )}
        </Button>
      </form>
      {/* Open again after a refused submission (without script, the page reloads with the error). */}
      <details ref={details} onToggle={onToggle} open={rejectFailed ? true : undefined} className="group">
        <summary className={buttonClass({ variant: "secondary", size: "sm" }, "cursor-pointer list-none group-open:bg-slate-100 [&::-webkit-details-marker]:hidden")}>Reject…</summary>
        <form action={reject} onSubmit={onSubmit} noValidate className="clear-left mt-3 space-y-3 rounded-lg border border-red-200 bg-red-50/50 p-4" aria-label={`Reject “${title}”`}>
          <input type="hidden" name="listingId" value={listingId} />
          <TextareaField
            ref={reason}
            id={`reject-${listingId}-reason`}
            label="Reason for the miner"
            name="reason"
            rows={3}
            required
            maxLength={2000}
            defaultValue={typeof rejectFailed?.values?.reason === "string" ? rejectFailed.values.reason : undefined}
            hint="The miner reads this on the listing and in the email we send. Say what to change so they can resubmit."
            error={reasonError}
          />
          {rejectFailed && !rejectFailed.fields?.reason && (
            <p role="alert" className="text-sm text-red-700">
              {rejectFailed.error}
            </p>
          )}
          <div className="flex flex-wrap gap-2">
            <Button type="submit" variant="danger" size="sm" disabled={busy} aria-disabled={busy}>
              {rejecting ? (
                <>
                  <Loader2 className="h-4 w-4 animate-spin" aria-hidden="true" /> Rejecting…
                </>
              ) : (
                "Reject listing"
              )}
            </Button>
            <Button variant="ghost" size="sm" disabled={rejecting} onClick={close}>
              Cancel
            </Button>
          </div>
        </form>
      </details>
      {approveFailed && (
        <p role="alert" className="clear-left pt-2 text-sm text-red-700">
          {approveFailed.error}
        </p>
      )}
    </div>
  );
}
