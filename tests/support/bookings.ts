// A published listing with a known capacity and window, for booking tests.
import { eq } from "drizzle-orm";
import { POST as postListing } from "@/app/api/v1/listings/route";
import { POST as postSite } from "@/app/api/v1/sites/route";
import { listings } from "@/db/schema";
import { addDays, todayUtc } from "@/lib/domain/days";
import { apiRequest, listingBody, makeAccount, params, siteBody } from "./fixtures";

export async function publishedListing(overrides: Record<string, unknown> = {}) {
  const miner = await makeAccount("miner");
  const site = await (await postSite(apiRequest("POST", "/api/v1/sites", miner.token, siteBody()), params({}))).json();
  const listing = await (
    await postListing(
      apiRequest("POST", "/api/v1/listings", miner.token, listingBody(site.id, { capacityKw: 1000, rackCount: 20, maxKwPerRack: 100, minTermMonths: 1, priceCentsPerKwMonth: 12000, depositPercent: 20, ...overrides })),
      params({}),
    )
  ).json();
  await miner.db.update(listings).set({ status: "published", publishedAt: new Date() }).where(eq(listings.id, listing.id));
  return { miner, site, listing: listing as { id: string; availableFrom: string; availableUntil: string; capacityKw: number } };
}

export const window = (from: string, startOffset: number, days: number) => ({ start: addDays(from, startOffset), end: addDays(from, startOffset + days) });
export { todayUtc };
