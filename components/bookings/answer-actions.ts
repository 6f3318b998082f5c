// The miner's two answers to a paid request, worded once for the booking page and the dashboard.
import { formatCents } from "@/lib/format";
import type { ConfirmActionProps } from "./confirm-action";

type Size = ConfirmActionProps["size"];

export function answerActions(booking: { id: string; depositCents: number; buyerOrganizationName: string }, size: Size = "md"): Omit<ConfirmActionProps, "onOpenChange">[] {
  const deposit = formatCents(booking.depositCents, { precise: true });
  return [
    {
      kind: "accept",
      bookingId: booking.id,
      label: "Accept",
      confirmLabel: "Yes, accept",
      pendingLabel: "Accepting…",
      prompt: `Accept ${booking.buyerOrganizationName}'s request? The ${deposit} deposit is captured and the booking is confirmed.`,
      variant: "primary",
      size,
    },
    {
      kind: "decline",
      bookingId: booking.id,
      label: "Decline",
      confirmLabel: "Decline request",
      pendingLabel: "Declining…",
      prompt: `Decline this request? The ${deposit} deposit is released to ${booking.buyerOrganizationName} and the capacity is free again.`,
      reason: { label: "Reason for the AI team", required: true, placeholder: "For example: the hall is committed to another tenant from March." },
      variant: "secondary",
      size,
    },
  ];
}
