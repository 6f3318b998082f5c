// Listing figures as people read them. Days are UTC ("YYYY-MM-DD") and never shift with the viewer's time zone.
import { formatCents, formatUtcDate } from "@/lib/format";

export function formatDay(day: string): string {
  return formatUtcDate(new Date(`${day}T00:00:00Z`));
}

export function formatWindow(from: string, until: string): string {
  return `${formatDay(from)} – ${formatDay(until)}`;
}

/** Whole months, or years and months once a term passes two years ("36 months" reads worse than "3 years"). */
export function formatMonths(months: number): string {
  if (months < 24) return `${months} month${months === 1 ? "" : "s"}`;
  const years = Math.floor(months / 12);
  const rest = months % 12;
  return rest ? `${years} years ${rest} month${rest === 1 ? "" : "s"}` : `${years} years`;
}

/** A price per kW-month with cents only when it has them ($135, $135.50). */
export function formatPrice(cents: number): string {
  // lib/format's formatters are made once: toLocaleString with options builds one per call,
  // which cost the search page 15 ms for the labels of 500 map pins.
  return formatCents(cents, { precise: cents % 100 !== 0 });
}
