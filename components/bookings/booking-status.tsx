// How a booking's status reads: the label the dashboards use, a tone, and the hold that has
// run out but not yet been expired by the job (reads never treat it as a live hold).
import { statusLabel } from "@/components/dashboard/status-list";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { BookingStatus } from "@/lib/domain/booking-lifecycle";

export const BOOKING_ORDER: BookingStatus[] = ["pending_deposit", "awaiting_provider", "confirmed", "active", "completed", "declined", "cancelled", "expired", "refunded"];

const TONES: Record<BookingStatus, BadgeTone> = {
  pending_deposit: "amber",
  awaiting_provider: "amber",
  confirmed: "green",
  active: "green",
  completed: "blue",
  expired: "neutral",
  declined: "red",
  cancelled: "neutral",
  refunded: "violet",
};

/** The status as people should see it now: an unpaid hold past its end is expired already. */
export function shownStatus(booking: { status: BookingStatus; expiresAt: Date }, now: Date): BookingStatus {
  return booking.status === "pending_deposit" && booking.expiresAt <= now ? "expired" : booking.status;
}

export function BookingStatusBadge({ status, className }: { status: BookingStatus; className?: string }) {
  return (
    <Badge tone={TONES[status]} className={className}>
      {statusLabel(status)}
    </Badge>
  );
}
