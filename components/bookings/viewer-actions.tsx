// What the person looking at a booking can do now, by their side and the booking's status:
// the buyer pays or withdraws, the miner answers, an admin refunds.
import { CreditCard } from "lucide-react";
import { buttonClass } from "@/components/ui/button";
import { nextBookingStatus, type BookingStatus } from "@/lib/domain/booking-lifecycle";
import { formatCents } from "@/lib/format";
import { ActionGroup } from "./action-group";
import { answerActions } from "./answer-actions";
import type { ConfirmActionProps } from "./confirm-action";

type Booking = {
  id: string;
  depositCents: number;
  buyerOrganizationName: string;
  respondBy: Date | null;
  role: "buyer" | "miner" | "admin";
  payment: { status: string; checkoutUrl: string | null } | null;
};

export function ViewerActions({ booking, status, now }: { booking: Booking; status: BookingStatus; now: Date }) {
  const payUrl = booking.role === "buyer" && status === "pending_deposit" && booking.payment?.status === "requires_payment" ? booking.payment.checkoutUrl : null;
  const actions: Omit<ConfirmActionProps, "onOpenChange">[] = [];

  if (booking.role === "buyer" && nextBookingStatus("cancel", status)) {
    actions.push({
      kind: "cancel",
      bookingId: booking.id,
      label: "Cancel request",
      confirmLabel: "Yes, cancel request",
      pendingLabel: "Cancelling…",
      prompt:
        status === "awaiting_provider"
          ? `Withdraw this request? The ${formatCents(booking.depositCents, { precise: true })} authorization on your card is released and the miner is told.`
          : "Withdraw this reservation? The hold ends now and the capacity is freed.",
      reason: { label: "Reason for the miner", required: false },
      variant: "secondary",
    });
  }
  if (booking.role === "miner" && status === "awaiting_provider" && booking.respondBy && booking.respondBy > now) {
    actions.push(...answerActions(booking));
  }
  if (booking.role === "admin" && nextBookingStatus("refund", status)) {
    actions.push({
      kind: "refund",
      bookingId: booking.id,
      label: "Refund",
      confirmLabel: "Refund booking",
      pendingLabel: "Refunding…",
      prompt: "Refund this booking? A captured deposit is paid back, an authorized one released; both parties are mailed and the audit log records it.",
      reason: { label: "Reason (for the audit log and both parties)", required: true },
      variant: "danger",
    });
  }

  if (!payUrl && actions.length === 0) {
    return <p className="text-sm text-slate-600">{booking.role === "miner" && status === "awaiting_provider" ? "The time to answer has passed; the request lapses and the deposit is released." : "Nothing to do on this booking right now."}</p>;
  }
  return (
    <div className="space-y-3">
      {payUrl && (
        // The checkout may be Stripe's own site, so a plain link rather than client-side navigation.
        <a href={payUrl} className={buttonClass({ variant: "accent" }, "w-full")}>
          <CreditCard className="h-4 w-4" aria-hidden="true" /> Pay deposit ({formatCents(booking.depositCents, { precise: true })})
        </a>
      )}
      {actions.length > 0 && <ActionGroup actions={actions} />}
    </div>
  );
}
