// How search results read. Days are UTC ("YYYY-MM-DD") and never shift with the viewer's time zone.
import type { SearchItem } from "@/db/queries/search";
import { formatCents } from "@/lib/format";

const dayFormat = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });

export function formatDay(day: string): string {
  return dayFormat.format(new Date(`${day}T00:00:00Z`));
}

/** $138 or $138.50 per kW-month: cents only when the price has them. */
export function formatPrice(cents: number): string {
  return formatCents(cents, { precise: cents % 100 !== 0 });
}

export function countText(total: number): string {
  if (total === 0) return "No listings match";
  return total === 1 ? "1 listing matches" : `${total.toLocaleString("en-US")} listings match`;
}

/** What the search asked for, carried to the listing page so its reserve form starts there. */
export type SearchNeed = { minKw?: number; from?: string; to?: string };

export function listingHref(item: Pick<SearchItem, "id">, need: SearchNeed): string {
  const query = new URLSearchParams();
  if (need.minKw !== undefined) query.set("kw", String(need.minKw));
  if (need.from && need.to) {
    query.set("start", need.from);
    query.set("end", need.to);
  }
  const text = query.toString();
  return `/listings/${item.id}${text ? `?${text}` : ""}`;
}
