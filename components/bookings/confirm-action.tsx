"use client";

import { acceptBookingAction, cancelBookingAction, declineBookingAction, refundBookingAction } from "@/app/(app)/bookings/[id]/actions";
import type { ButtonStyle } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { ConfirmStep } from "@/components/ui/confirm-step";
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
  return (
    <ConfirmStep
      action={ACTIONS[kind]}
      schema={ACTION_SCHEMAS[kind]}
      fields={{ bookingId }}
      opener={{ label, variant, className }}
      prompt={prompt}
      reason={reason && { name: "reason", maxLength: 1000, rows: 3, ...reason }}
      confirm={{ label: confirmLabel, pendingLabel, variant: kind === "accept" ? "primary" : "danger" }}
      // "Cancel" would read as the booking's own Cancel request.
      cancelLabel="Back"
      size={size}
      className={cn("w-full p-3", className)}
      onOpenChange={onOpenChange}
    />
  );
}
