// How search results read. Days are UTC ("YYYY-MM-DD") and never shift with the viewer's time zone.
import type { SearchItem } from "@/db/queries/search";
export { formatDay, formatPrice } from "@/components/listings/format";

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
