// Search results are the same for everyone, so identical searches within 15 seconds share
// one database round trip per app instance. Staleness is bounded by the TTL (a listing or
// booking change shows within 15 s); a reservation always re-checks capacity under lock.
import "server-only";
import { revalidateTag, unstable_cache } from "next/cache";
import { getDb } from "@/db";
import { searchListings, searchSitePins } from "@/db/queries/search";
import { env } from "@/lib/env";
import type { SearchParams } from "@/lib/validations/search";

const SECONDS = 15;

export async function cachedSearch(params: SearchParams) {
  // Outside Next's server (tests, scripts) there is no data cache: query directly.
  if (!env.inNextServer) return searchListings(await getDb(), params);
  return unstable_cache(async () => searchListings(await getDb(), params), ["search", JSON.stringify(params)], { revalidate: SECONDS, tags: ["listings"] })();
}

export async function cachedPins(params: SearchParams) {
  if (!env.inNextServer) return searchSitePins(await getDb(), params);
  // Pins cover every match whatever the page or order, so those do not split the cache.
  const key = JSON.stringify({ ...params, page: 1, pageSize: 0, sort: "newest" });
  return unstable_cache(async () => searchSitePins(await getDb(), params), ["pins", key], { revalidate: SECONDS, tags: ["listings"] })();
}

/** After a listing is published, changed, taken down or its organization suspended: drop this instance's cached searches. */
export function listingsChanged() {
  try {
    revalidateTag("listings", { expire: 0 });
  } catch {
    // Outside a request (tests, scripts) there is no cache to drop.
  }
}
