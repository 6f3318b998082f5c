// The one deadline a booking has at a time: the hold's end while the deposit is unpaid, the
// miner's answer-by while the request waits. Shown relative (how urgent) and absolute (UTC).
import { deadlineLabel } from "@/components/dashboard/pending-requests";
import { Badge } from "@/components/ui/badge";
import type { BookingStatus } from "@/lib/domain/booking-lifecycle";
import { formatUtc } from "./format";

export type BookingDeadline = { kind: "hold" | "answer"; at: Date };

export function bookingDeadline(booking: { status: BookingStatus; expiresAt: Date; respondBy: Date | null }, now: Date): BookingDeadline | null {
  if (booking.status === "pending_deposit" && booking.expiresAt > now) return { kind: "hold", at: booking.expiresAt };
  if (booking.status === "awaiting_provider" && booking.respondBy) return { kind: "answer", at: booking.respondBy };
  return null;
}

export function Deadline({ at, now, className }: { at: Date; now: Date; className?: string }) {
  const label = deadlineLabel(at, now);
  return (
    <span className={className}>
      <Badge tone={label.tone}>{label.text}</Badge>
      <time dateTime={at.toISOString()} className="mt-1 block whitespace-nowrap text-slate-600">
        {formatUtc(at)}
      </time>
    </span>
  );
}
