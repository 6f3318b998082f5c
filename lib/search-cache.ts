// Search results are the same for everyone, so an app instance keeps each answer for 15
// seconds, and identical searches arriving together share one database round trip. An
// answer is never served older than that (a booking shows in search within 15 s; a
// reservation always re-checks capacity under lock), and a listing change in this instance
// drops every answer at once; other instances catch up within the 15 s.
//
// A search asked again in the last 5 seconds of its answer's life is asked of the database
// in the background, while its callers still get the kept answer: a popular search is never
// left to expire, and nobody waits for it.
//
// Next's data cache (unstable_cache) did this before. It keeps answers on disk and serves an
// expired one while it refreshes, so after a quiet hour the first visitor saw an hour-old result.
import "server-only";
import { getDb } from "@/db";
import { searchListings, searchWithPins, type SearchResult, type SitePin } from "@/db/queries/search";
import { env } from "@/lib/env";
import type { SearchParams } from "@/lib/validations/search";

const TTL_MS = 15_000;
const REFRESH_AFTER_MS = 10_000;
// An answer is a few kB (a page of results, and a pin per site for the page): 2,000 stay far under 100 MB.
const MAX_ENTRIES = 2_000;

type Answer = { result: SearchResult; pins?: SitePin[] };
/** An answer, and when its search started: its age counts from then. */
type Slot = { asked: number; answer: Promise<Answer>; refreshing?: boolean };

// In insertion order, so the first key is the oldest: evicted first when the map is full.
const slots = new Map<string, Slot>();
// Bumped by listingsChanged(): a background refresh started before it does not keep its answer.
let generation = 0;
const refreshes = new Set<Promise<void>>();

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
  if (hit && now - hit.asked < TTL_MS) {
    if (now - hit.asked >= REFRESH_AFTER_MS && !hit.refreshing) refresh(key, hit, params, withPins, now);
    return hit.answer;
  }
  const slot: Slot = { asked: now, answer: load(params, withPins) };
  keep(key, slot);
  // A failed search is not kept: the next caller tries again.
  slot.answer.catch(() => slots.get(key) === slot && slots.delete(key));
  return slot.answer;
}

function keep(key: string, slot: Slot) {
  slots.delete(key);
  slots.set(key, slot);
  if (slots.size > MAX_ENTRIES) slots.delete(slots.keys().next().value!);
}

/**
 * Asks `old`'s search again and keeps the new answer once it has arrived. A failed refresh
 * is not retried: the old answer serves until it expires, then the next caller asks afresh.
 */
function refresh(key: string, old: Slot, params: SearchParams, withPins: boolean, asked: number) {
  old.refreshing = true;
  const startedIn = generation;
  const answer = load(params, withPins);
  const done = answer.then(
    () => {
      if (generation === startedIn && slots.get(key) === old) keep(key, { asked, answer });
    },
    () => {},
  );
  refreshes.add(done);
  void done.finally(() => refreshes.delete(done));
}

/** Resolves once the background refreshes under way have finished (for tests). */
export async function refreshesSettled(): Promise<void> {
  await Promise.all([...refreshes]);
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
  generation += 1;
  slots.clear();
}
