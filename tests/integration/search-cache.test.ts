// The app's search cache, as Next's server runs it: an answer is kept 15 seconds and never
// longer, a search asked again near the end is refreshed in the background, identical
// searches at once share one answer, and a listing change drops them all.
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as postListing } from "@/app/api/v1/listings/route";
import { POST as postSite } from "@/app/api/v1/sites/route";
import { listings } from "@/db/schema";
import { searchSchema } from "@/lib/validations/search";
import { apiRequest, listingBody, makeAccount, params, siteBody } from "../support/fixtures";

let cache: typeof import("@/lib/search-cache");

beforeAll(async () => {
  // lib/env reads NEXT_RUNTIME when first imported: fresh copies of it and the cache see Next's server.
  vi.stubEnv("NEXT_RUNTIME", "nodejs");
  vi.resetModules();
  cache = await import("@/lib/search-cache");
  vi.useFakeTimers({ toFake: ["Date"] });
});

afterAll(() => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
});

/** A published listing titled with `word`, written straight to the database as a change the cache is not told of. */
async function publish(word: string) {
  const miner = await makeAccount("miner");
  const site = (await (await postSite(apiRequest("POST", "/api/v1/sites", miner.token, siteBody()), params({}))).json()) as { id: string };
  const listing = (await (await postListing(apiRequest("POST", "/api/v1/listings", miner.token, listingBody(site.id, { title: `Hall ${word}` })), params({}))).json()) as { id: string };
  await miner.db.update(listings).set({ status: "published", publishedAt: new Date() }).where(eq(listings.id, listing.id));
  return listing.id;
}

const search = (word: string) => cache.cachedSearch(searchSchema.parse({ q: word }));
const total = async (word: string) => (await search(word)).total;

describe("search cache", () => {
  it("keeps an answer for 15 seconds, then asks the database again rather than serve it older", async () => {
    const word = `zc${randomBytes(5).toString("hex")}`;
    await publish(word);
    expect(await total(word)).toBe(1);

    await publish(word);
    vi.advanceTimersByTime(14_000);
    expect(await total(word), "within 15 s: the kept answer").toBe(1);
    vi.advanceTimersByTime(1_001);
    expect(await total(word), "after 15 s: a fresh one").toBe(2);

    // After a quiet hour, the first search is fresh too (Next's data cache served the stale answer here).
    await publish(word);
    vi.advanceTimersByTime(3_600_000);
    expect(await total(word)).toBe(3);
  });

  it("drops every answer when a listing changes, and lets identical searches at once share one answer", async () => {
    const word = `zc${randomBytes(5).toString("hex")}`;
    await publish(word);
    expect(await total(word)).toBe(1);
    await publish(word);
    cache.listingsChanged();
    expect(await total(word)).toBe(2);

    cache.listingsChanged();
    const [a, b] = await Promise.all([search(word), search(word)]);
    expect(a).toBe(b);
    // The page's answer (with pins) is kept apart from the API's.
    const page = await cache.cachedSearchWithPins(searchSchema.parse({ q: word }));
    expect(page.result.total).toBe(2);
    expect(page.pins).toHaveLength(2);
  });

  it("refreshes an answer asked for in its last 5 seconds in the background, serving the kept one meanwhile", async () => {
    const word = `zc${randomBytes(5).toString("hex")}`;
    await publish(word);
    expect(await total(word)).toBe(1);
    await publish(word);

    vi.advanceTimersByTime(9_000);
    expect(await total(word), "at 9 s: kept, and no refresh").toBe(1);
    await cache.refreshesSettled();
    expect(await total(word), "still kept").toBe(1);

    vi.advanceTimersByTime(2_000);
    expect(await total(word), "at 11 s: the kept answer at once, while the refresh runs").toBe(1);
    await cache.refreshesSettled();
    expect(await total(word), "the refreshed answer").toBe(2);

    // The refreshed answer counts its age from its own search (at 11 s): kept until 26 s, refreshed again from 21 s.
    await publish(word);
    vi.advanceTimersByTime(9_000);
    expect(await total(word), "at 20 s").toBe(2);
    await cache.refreshesSettled();
    expect(await total(word)).toBe(2);
    vi.advanceTimersByTime(6_001);
    expect(await total(word), "past 26 s without a refresh: asked afresh").toBe(3);
  });

  it("does not keep a background refresh that started before a listing change", async () => {
    const word = `zc${randomBytes(5).toString("hex")}`;
    await publish(word);
    expect(await total(word)).toBe(1);
    vi.advanceTimersByTime(11_000);
    expect(await total(word)).toBe(1); // starts a refresh, which finds 1 when it runs
    cache.listingsChanged();
    await cache.refreshesSettled();

    await publish(word);
    expect(await total(word), "asked afresh: the refresh that started before the change was not kept").toBe(2);
  });
});
