// Search results are the same for everyone, so an app instance keeps each answer for 15
// seconds, and identical searches arriving together share one database round trip. An
// answer is never served older than that (a booking shows in search within 15 s; a
// reservation always re-checks capacity under lock), and a listing change in this instance
// drops every answer at once; other instances catch up within the 15 s.
//
// Next's data cache (unstable_cache) did this before. It keeps answers on disk and serves an
// expired one while it refreshes, so after a quiet hour the first visitor saw an hour-old result.
import "server-only";
import { getDb } from "@/db";
import { searchListings, searchWithPins, type SearchResult, type SitePin } from "@/db/queries/search";
import { env } from "@/lib/env";
import type { SearchParams } from "@/lib/validations/search";

const TTL_MS = 15_000;
// An answer is a few kB (a page of results, and a pin per site for the page): 2,000 stay far under 100 MB.
const MAX_ENTRIES = 2_000;

type Answer = { result: SearchResult; pins?: SitePin[] };
type Slot = { expires: number; answer: Promise<Answer> };

// In insertion order, so the first key is the oldest: evicted first when the map is full.
const slots = new Map<string, Slot>();

async function load(params: SearchParams, withPins: boolean): Promise<Answer> {
  const db = await getDb();
  return withPins ? searchWithPins(db, params) : { result: await searchListings(db, params) };
}

function cached(params: SearchParams, withPins: boolean): Promise<Answer> {
  // Outside Next's server (tests, scripts) every call reads the database.
  if (!env.inNextServer) return load(params, withPins);
  const key = JSON.stringify([withPins, params]);
  const now = Date.now();
  const hit = slots.get(key);
  if (hit && hit.expires > now) return hit.answer;
  const slot: Slot = { expires: now + TTL_MS, answer: load(params, withPins) };
  slots.delete(key);
  slots.set(key, slot);
  if (slots.size > MAX_ENTRIES) slots.delete(slots.keys().next().value!);
  // A failed search is not kept: the next caller tries again.
  slot.answer.catch(() => slots.get(key) === slot && slots.delete(key));
  return slot.answer;
}

export async function cachedSearch(params: SearchParams): Promise<SearchResult> {
  return (await cached(params, false)).result;
}

/** The search page's results and map pins, which come from one statement. */
export async function cachedSearchWithPins(params: SearchParams): Promise<{ result: SearchResult; pins: SitePin[] }> {
  const { result, pins } = await cached(params, true);
  return { result, pins: pins ?? [] };
}

/**
 * After a listing is published, changed, taken down or its organization suspended: drop this
 * instance's answers. A search already running keeps its answer for its own callers only.
 */
export function listingsChanged() {
  slots.clear();
}
