"use client";

import { useActionState, useEffect, useId, useRef, useState } from "react";
import { acceptBookingAction, cancelBookingAction, declineBookingAction, refundBookingAction } from "@/app/(app)/bookings/[id]/actions";
import { SubmitButton } from "@/components/forms/submit-button";
import { useClientValidation } from "@/components/forms/use-client-validation";
import { Button, type ButtonStyle } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { TextareaField } from "@/components/ui/field";
import { ACTION_SCHEMAS, type BookingActionKind } from "./action-schemas";

const ACTIONS = { accept: acceptBookingAction, decline: declineBookingAction, cancel: cancelBookingAction, refund: refundBookingAction };

export type ConfirmActionProps = {
  kind: BookingActionKind;
  bookingId: string;
  /** The first button ("Decline"). */
  label: string;
  /** The button that does it ("Yes, decline"). */
  confirmLabel: string;
  pendingLabel: string;
  /** What happens, said before it happens. */
  prompt: string;
  reason?: { label: string; required: boolean; placeholder?: string };
  variant?: ButtonStyle["variant"];
  size?: ButtonStyle["size"];
  className?: string;
  /** Told when the confirmation opens or closes, so a group can hide the other actions meanwhile. */
  onOpenChange?: (open: boolean) => void;
};

/** A booking action behind a second, explicit step: money moves and the other party is mailed. */
export function ConfirmAction({ kind, bookingId, label, confirmLabel, pendingLabel, prompt, reason, variant = "secondary", size = "md", className, onOpenChange }: ConfirmActionProps) {
  const [confirming, setConfirming] = useState(false);
  const [state, formAction] = useActionState(ACTIONS[kind], null);
  const { clientErrors, onSubmit, clear } = useClientValidation(ACTION_SCHEMAS[kind]);
  const openButton = useRef<HTMLButtonElement>(null);
  const firstControl = useRef<HTMLDivElement>(null);
  const moved = useRef(false);
  const formId = useId();
  const failed = state && !state.ok ? state : null;
  const reasonError = clientErrors.reason ?? failed?.fields?.reason;

  // Focus follows the step: into the reason (or onto Back, the safe choice), and back to the button when it closes.
  useEffect(() => {
    if (!moved.current) return;
    if (confirming) firstControl.current?.querySelector<HTMLElement>("textarea, [data-back]")?.focus();
    else openButton.current?.focus();
  }, [confirming]);

  function step(next: boolean) {
    moved.current = true;
    clear();
    setConfirming(next);
    onOpenChange?.(next);
  }

  if (!confirming) {
    return (
      <Button ref={openButton} variant={variant} size={size} className={className} onClick={() => step(true)}>
        {label}
      </Button>
    );
  }
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate aria-labelledby={`${formId}-prompt`} className={cn("w-full space-y-3 rounded-lg border border-slate-200 bg-slate-50 p-3", className)}>
      <input type="hidden" name="bookingId" value={bookingId} />
      <p id={`${formId}-prompt`} className="text-sm text-slate-800">
        {prompt}
      </p>
      <div ref={firstControl} className="space-y-3">
        {reason && (
          <TextareaField
            id={`${formId}-reason`}
            label={
              <>
                {reason.label}
                {!reason.required && <span className="font-normal text-slate-500"> (optional)</span>}
              </>
            }
            name="reason"
            rows={3}
            maxLength={1000}
            placeholder={reason.placeholder}
            required={reason.required}
            defaultValue={typeof failed?.values?.reason === "string" ? failed.values.reason : undefined}
            error={reasonError}
          />
        )}
        {failed && !failed.fields?.reason && (
          <p role="alert" className="text-sm text-red-700">
            {failed.error}
          </p>
        )}
        <div className="flex flex-wrap gap-2">
          <SubmitButton pendingLabel={pendingLabel} variant={kind === "accept" ? "primary" : "danger"} size={size} className="">
            {confirmLabel}
          </SubmitButton>
          <Button variant="ghost" size={size} onClick={() => step(false)} data-back>
            Back
          </Button>
        </div>
      </div>
    </form>
  );
}
