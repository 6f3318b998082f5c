// The filter form's values and the /search query string, both ways. The URL is the source of
// truth (shareable, Back works); the form only holds what the user is typing until it is valid.
import { z } from "zod";
import { COOLING_TYPES } from "@/lib/validations/site";
import { searchInput, searchSchema } from "@/lib/validations/search";

export type Cooling = (typeof COOLING_TYPES)[number];

export type FilterValues = {
  q: string;
  country: string;
  cooling: Cooling[];
  minKw: string;
  from: string;
  to: string;
  /** Dollars, as the user types them; the URL holds cents. */
  maxPrice: string;
  minDensity: string;
  renewableMin: string;
  interruptible: "" | "true" | "false";
  redundancy: "" | "N+1" | "2N";
  /** The miner's average rating at least this ("" for any). */
  minRating: "" | "3" | "4" | "4.5";
  verified: boolean;
};

/** Query keys the filter form owns; any other key (sort, pageSize) survives a filter change. */
export const FILTER_KEYS = ["q", "country", "cooling", "minKw", "from", "to", "maxPrice", "minDensity", "renewableMin", "interruptible", "redundancy", "minRating", "verified"] as const;

/** 15000 (cents) → "150"; 15050 → "150.50". Anything else is shown as it came. */
export function centsToDollars(cents: string): string {
  if (!/^\d+$/.test(cents)) return cents;
  const value = Number(cents);
  return value % 100 === 0 ? String(value / 100) : (value / 100).toFixed(2);
}

/** "150" or "$1,150.5" → "115050"; text that is not a price passes through so the schema explains it. */
export function dollarsToCents(dollars: string): string {
  const clean = dollars.trim().replace(/^\$/, "").replace(/,/g, "");
  if (!/^\d+(\.\d{0,2})?$/.test(clean)) return clean;
  return String(Math.round(Number(clean) * 100));
}

export function valuesFromQuery(params: URLSearchParams): FilterValues {
  const get = (key: string) => params.get(key) ?? "";
  const cooling = get("cooling").split(",").map((c) => c.trim());
  const interruptible = get("interruptible");
  const redundancy = get("redundancy");
  const minRating = get("minRating");
  return {
    q: get("q"),
    country: get("country").toUpperCase(),
    cooling: COOLING_TYPES.filter((c) => cooling.includes(c)),
    minKw: get("minKw"),
    from: get("from"),
    to: get("to"),
    maxPrice: centsToDollars(get("maxPrice")),
    minDensity: get("minDensity"),
    renewableMin: get("renewableMin"),
    interruptible: interruptible === "true" || interruptible === "false" ? interruptible : "",
    // "N or better" is every listing, so the form shows it as "Any".
    redundancy: redundancy === "N+1" || redundancy === "2N" ? redundancy : "",
    minRating: minRating === "3" || minRating === "4" || minRating === "4.5" ? minRating : "",
    verified: get("verified") === "true",
  };
}

/**
 * The query for these values, keeping the current sort and page size and dropping the page
 * (a new filter starts at page 1). Dates go in only as a pair: one date alone is a step on
 * the way, not a filter.
 */
export function queryFromValues(values: FilterValues, current: URLSearchParams): URLSearchParams {
  const query = new URLSearchParams();
  const put = (key: string, value: string) => {
    if (value.trim() !== "") query.set(key, value.trim());
  };
  put("q", values.q);
  put("country", values.country);
  put("cooling", values.cooling.join(","));
  put("minKw", values.minKw);
  if (values.from && values.to) {
    put("from", values.from);
    put("to", values.to);
  }
  put("maxPrice", values.maxPrice.trim() ? dollarsToCents(values.maxPrice) : "");
  put("minDensity", values.minDensity);
  put("renewableMin", values.renewableMin);
  put("interruptible", values.interruptible);
  put("redundancy", values.redundancy);
  put("minRating", values.minRating);
  if (values.verified) query.set("verified", "true");
  for (const key of ["sort", "pageSize"]) {
    const kept = current.get(key);
    if (kept) query.set(key, kept);
  }
  return query;
}

/** The schema's messages by field, the first one per field. */
export function searchErrors(query: URLSearchParams | Record<string, string>): Record<string, string> {
  const result = searchSchema.safeParse(query instanceof URLSearchParams ? searchInput(query) : query);
  return result.success ? {} : fieldMessages(result.error);
}

export function fieldMessages(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) errors[String(issue.path[0] ?? "_")] ??= issue.message;
  return errors;
}

/** How many filters are on, for the "Filters (3)" button. */
export function activeFilterCount(values: FilterValues): number {
  const { from, to, verified, cooling, ...rest } = values;
  return Object.values(rest).filter((v) => v.trim() !== "").length + (from && to ? 1 : 0) + (verified ? 1 : 0) + (cooling.length ? 1 : 0);
}

/** Query strings compared as the browser encodes them ("a,b" and "a%2Cb" are the same). */
export function sameQuery(a: URLSearchParams | string, b: URLSearchParams | string): boolean {
  return new URLSearchParams(a).toString() === new URLSearchParams(b).toString();
}

/** "/search?…", with commas left readable. */
export function searchHref(query: URLSearchParams): string {
  const text = query.toString().replace(/%2C/gi, ",");
  return text ? `/search?${text}` : "/search";
}
