// Search parameters of /search and GET /api/v1/listings: one schema for the page's URL and
// the API's query string, so a shared link and an API call mean the same thing.
import { z } from "zod";
import { addMonths } from "@/lib/domain/days";
import { COOLING_TYPES, isCountryCode, REDUNDANCY } from "./site";
import { dayField, integerField, optional } from "./fields";

export const SORTS = ["relevance", "price", "-price", "capacity", "-capacity", "newest", "rating"] as const;
export type Sort = (typeof SORTS)[number];
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

const coolingList = z.preprocess(
  (v) => (typeof v === "string" ? v.split(",").map((s) => s.trim()).filter(Boolean) : v),
  z.array(z.enum(COOLING_TYPES, { error: "Cooling is one of air, hydro, immersion, direct_liquid (several may be separated by commas)." })).max(4),
);

export const searchSchema = z
  .object({
    q: optional(z.string().trim().max(200, "Keep the search text under 200 characters.")),
    country: optional(z.string().trim().toUpperCase().refine(isCountryCode, "Use a two-letter ISO country code, like CA or NO.")),
    cooling: optional(coolingList),
    minKw: optional(integerField("the minimum kW").pipe(z.number().min(1, "The minimum kW is at least 1.").max(2_000_000, "That minimum kW is beyond any listing."))),
    from: optional(dayField("the start date")),
    to: optional(dayField("the end date")),
    maxPrice: optional(integerField("the maximum price in cents").pipe(z.number().min(1, "The maximum price is a positive number of cents per kW-month."))),
    minDensity: optional(integerField("the minimum rack density").pipe(z.number().min(1, "The minimum density is at least 1 kW per rack.").max(300, "No rack runs above 300 kW."))),
    renewableMin: optional(integerField("the minimum renewable share").pipe(z.number().min(0, "The renewable share is between 0 and 100.").max(100, "The renewable share is between 0 and 100."))),
    interruptible: optional(z.enum(["true", "false"], { error: "Interruptible is true or false." }).transform((v) => v === "true")),
    minRating: optional(
      z.coerce
        .number({ error: "The minimum rating is a number from 1 to 5." })
        .min(1, "The minimum rating is a number from 1 to 5.")
        .max(5, "The minimum rating is a number from 1 to 5."),
    ),
    redundancy: optional(z.enum(REDUNDANCY, { error: "Redundancy is N, N+1 or 2N." })),
    verified: optional(z.enum(["true", "false"], { error: "Verified is true or false." }).transform((v) => v === "true")),
    sort: optional(z.enum(SORTS, { error: `Sort by one of ${SORTS.join(", ")}.` })),
    page: optional(integerField("the page").pipe(z.number().min(1, "Pages start at 1.").max(10_000, "That page is too far."))),
    pageSize: optional(integerField("the page size").pipe(z.number().min(1, "The page size is at least 1.").max(MAX_PAGE_SIZE, `The page size is at most ${MAX_PAGE_SIZE}.`))),
  })
  .superRefine((p, ctx) => {
    if ((p.from === undefined) !== (p.to === undefined)) {
      ctx.addIssue({ code: "custom", path: [p.from ? "to" : "from"], message: "Give both dates of the window (from and to), or neither." });
    } else if (p.from && p.to && p.from >= p.to) {
      ctx.addIssue({ code: "custom", path: ["to"], message: "The end date must come after the start date." });
    } else if (p.from && p.to && p.to > addMonths(p.from, 25 * 12)) {
      ctx.addIssue({ code: "custom", path: ["to"], message: "Keep the window under 25 years." });
    }
  }, { when: (payload) => payload.issues.length === 0 })
  .transform((p) => ({ ...p, page: p.page ?? 1, pageSize: p.pageSize ?? DEFAULT_PAGE_SIZE, sort: p.sort ?? (p.q ? "relevance" : "newest") }));

export type SearchParams = z.infer<typeof searchSchema>;

/** URLSearchParams (or Next's searchParams object) as the plain object the schema reads; the first value of a repeated key wins. */
export function searchInput(params: URLSearchParams | Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  const entries = params instanceof URLSearchParams ? [...params.entries()] : Object.entries(params);
  for (const [key, value] of entries) {
    if (!(key in searchSchema.def.in.shape) || out[key] !== undefined) continue;
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === "string") out[key] = first;
  }
  return out;
}
