// Booking times as people read them: always in UTC, the time zone every deadline is set in.
import { formatDay } from "@/components/listings/format";
import { daysBetween } from "@/lib/domain/days";

const utc = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "UTC" });

export function formatUtc(at: Date): string {
  return `${utc.format(at)} UTC`;
}

/** "Dec 1, 2026 – Mar 1, 2027 · 90 days": the end day is the first day not booked. */
export function formatStay(start: string, end: string): { range: string; length: string } {
  const days = daysBetween(start, end);
  return { range: `${formatDay(start)} – ${formatDay(end)}`, length: `${days} ${days === 1 ? "day" : "days"}` };
}
