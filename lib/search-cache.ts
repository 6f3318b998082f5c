// Search results are the same for everyone, so identical searches within 15 seconds share
// one database round trip per app instance. Staleness is bounded by the TTL (a listing or
// booking change shows within 15 s); a reservation always re-checks capacity under lock.
import "server-only";
import { revalidateTag, unstable_cache } from "next/cache";
import { getDb } from "@/db";
import { searchListings, searchWithPins } from "@/db/queries/search";
import { env } from "@/lib/env";
import type { SearchParams } from "@/lib/validations/search";

const SECONDS = 15;

export async function cachedSearch(params: SearchParams) {
  // Outside Next's server (tests, scripts) there is no data cache: query directly.
  if (!env.inNextServer) return searchListings(await getDb(), params);
  return unstable_cache(async () => searchListings(await getDb(), params), ["search", JSON.stringify(params)], { revalidate: SECONDS, tags: ["listings"] })();
}

/** The search page's results and map pins, which come from one statement. */
export async function cachedSearchWithPins(params: SearchParams) {
  if (!env.inNextServer) return searchWithPins(await getDb(), params);
  return unstable_cache(async () => searchWithPins(await getDb(), params), ["search-page", JSON.stringify(params)], { revalidate: SECONDS, tags: ["listings"] })();
}

/** After a listing is published, changed, taken down or its organization suspended: drop this instance's cached searches. */
export function listingsChanged() {
  try {
    revalidateTag("listings", { expire: 0 });
  } catch {
    // Outside a request (tests, scripts) there is no cache to drop.
  }
}
