"use client";

import { useActionState } from "react";
import { approveListingAction, rejectListingAction } from "@/app/(app)/admin/listings/actions";
import { SubmitButton } from "@/components/forms/submit-button";
import { ConfirmStep } from "@/components/ui/confirm-step";
import { rejectFormSchema } from "./moderation-schemas";

/** Approve, or reject with a reason the miner reads on the listing and in their mail. */
export function ModerationDecision({ listingId, title }: { listingId: string; title: string }) {
  const [approveState, approve] = useActionState(approveListingAction, null);
  const approveFailed = approveState && !approveState.ok ? approveState : null;

  return (
    <div className="flow-root">
      <form action={approve} className="float-left mr-2">
        <input type="hidden" name="listingId" value={listingId} />
        <SubmitButton pendingLabel="Approving…" size="sm" className="">
          Approve
        </SubmitButton>
      </form>
      <ConfirmStep
        disclosure
        action={rejectListingAction}
        schema={rejectFormSchema}
        fields={{ listingId }}
        opener={{ label: "Reject…", variant: "secondary" }}
        formLabel={`Reject “${title}”`}
        reason={{
          name: "reason",
          label: "Reason for the miner",
          required: true,
          maxLength: 2000,
          rows: 3,
          hint: "The miner reads this on the listing and in the email we send. Say what to change so they can resubmit.",
        }}
        confirm={{ label: "Reject listing", pendingLabel: "Rejecting…", variant: "danger" }}
        tone="danger"
        className="clear-left mt-3 p-4"
      />
      {approveFailed && (
        <p role="alert" className="clear-left pt-2 text-sm text-red-700">
          {approveFailed.error}
        </p>
      )}
    </div>
  );
}
