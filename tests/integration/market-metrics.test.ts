// Each test keeps to the sites of one small country nobody else uses (Liechtenstein,
// Monaco, San Marino, Andorra, Vatican City, Luxembourg) and a fixed "now", so rows other
// tests write cannot change the figures.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { POST as postSite } from "@/app/api/v1/sites/route";
import {
  bookingsByState,
  capacityByMonth,
  getMarketMetrics,
  listingsByStatus,
  medianPrices,
  metricsCountries,
  moneyByMonth,
  reviewTimeByMonth,
} from "@/db/queries/market-metrics";
import { bookings, ledgerEntries, listings, organizations } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { apiRequest, makeAccount, makeAdmin, params, siteBody } from "../support/fixtures";

const NOW = new Date("2026-06-15T12:00:00Z");
const at = (iso: string) => new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso);

/** A miner with one site in `country`, a buyer, and helpers to add rows with known dates. */
async function marketIn(country: string) {
  const miner = await makeAccount("miner");
  const buyer = await makeAccount("buyer");
  const admin = await makeAdmin();
  const site = await (await postSite(apiRequest("POST", "/api/v1/sites", miner.token, siteBody({ country, region: "Test" })), params({}))).json();
  const db = miner.db;

  async function listing(values: Partial<typeof listings.$inferInsert> = {}) {
    const [row] = await db
      .insert(listings)
      .values({
        siteId: site.id,
        organizationId: miner.organization.id,
        title: "Metrics hall",
        capacityKw: 1000,
        cooling: "air",
        maxKwPerRack: 20,
        rackCount: 50,
        priceCentsPerKwMonth: 10000,
        minTermMonths: 1,
        availableFrom: "2025-01-01",
        availableUntil: "2028-01-01",
        depositPercent: 20,
        status: "published",
        ...values,
      })
      .returning({ id: listings.id });
    return row!.id;
  }

  async function booking(listingId: string, values: Partial<typeof bookings.$inferInsert> & Pick<typeof bookings.$inferInsert, "kw" | "startDate" | "endDate" | "status">) {
    const [row] = await db
      .insert(bookings)
      .values({ listingId, buyerOrganizationId: buyer.organization.id, priceCentsPerKwMonth: 10000, depositPercent: 20, totalCents: 1_000_000, depositCents: 200_000, platformFeeBps: 500, expiresAt: at("2025-01-01"), ...values })
      .returning({ id: bookings.id });
    return row!.id;
  }

  return { db, admin, miner, buyer, siteId: site.id as string, scope: { country, now: NOW }, listing, booking };
}

const byMonth = <T extends { month: string }>(rows: T[]) => Object.fromEntries(rows.map(({ month, ...rest }) => [month, rest]));

describe("market metrics", () => {
  it("counts MW listed (published by the month's end, not archived by then) and booked (overlapping the month)", async () => {
    const m = await marketIn("LI");
    const a = await m.listing({ capacityKw: 1000, publishedAt: at("2026-02-10") });
    const b = await m.listing({ capacityKw: 500, publishedAt: at("2025-12-01"), archivedAt: at("2026-04-05"), status: "archived" });
    await m.listing({ capacityKw: 700, status: "draft" });
    await m.booking(a, { kw: 200, startDate: "2026-03-01", endDate: "2026-05-01", status: "confirmed" });
    await m.booking(b, { kw: 100, startDate: "2025-12-15", endDate: "2026-01-15", status: "completed" });
    await m.booking(a, { kw: 300, startDate: "2026-03-01", endDate: "2026-06-01", status: "cancelled" });
    await m.booking(a, { kw: 50, startDate: "2026-06-01", endDate: "2026-07-01", status: "declined" });

    const months = await capacityByMonth(m.db, m.admin, m.scope);
    expect(months.map((r) => r.month)).toEqual(["2025-07", "2025-08", "2025-09", "2025-10", "2025-11", "2025-12", "2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"]);
    expect(byMonth(months)).toMatchObject({
      "2025-11": { listedMw: 0, bookedMw: 0 },
      "2025-12": { listedMw: 0.5, bookedMw: 0.1 },
      "2026-01": { listedMw: 0.5, bookedMw: 0.1 },
      "2026-02": { listedMw: 1.5, bookedMw: 0 },
      "2026-03": { listedMw: 1.5, bookedMw: 0.2 },
      "2026-04": { listedMw: 1, bookedMw: 0.2 },
      "2026-05": { listedMw: 1, bookedMw: 0 },
      "2026-06": { listedMw: 1, bookedMw: 0 },
    });
  });

  it("counts bookings and their kW in every state, zeros included", async () => {
    const m = await marketIn("MC");
    const id = await m.listing({ capacityKw: 5000 });
    await m.booking(id, { kw: 100, startDate: "2026-07-01", endDate: "2026-09-01", status: "confirmed" });
    await m.booking(id, { kw: 250, startDate: "2026-07-01", endDate: "2026-09-01", status: "confirmed" });
    await m.booking(id, { kw: 400, startDate: "2026-07-01", endDate: "2026-09-01", status: "declined" });
    await m.booking(id, { kw: 50, startDate: "2025-07-01", endDate: "2025-09-01", status: "completed" });

    const states = await bookingsByState(m.db, m.admin, m.scope);
    expect(states).toHaveLength(9);
    expect(Object.fromEntries(states.map((s) => [s.status, [s.count, s.kw]]))).toEqual({
      pending_deposit: [0, 0],
      awaiting_provider: [0, 0],
      confirmed: [2, 350],
      active: [0, 0],
      completed: [1, 50],
      expired: [0, 0],
      declined: [1, 400],
      cancelled: [0, 0],
      refunded: [0, 0],
    });
  });

  it("sums deposits captured and platform fees per month from the ledger, nothing else", async () => {
    const m = await marketIn("SM");
    const id = await m.listing();
    const first = await m.booking(id, { kw: 100, startDate: "2026-07-01", endDate: "2026-09-01", status: "confirmed" });
    const second = await m.booking(id, { kw: 100, startDate: "2026-09-01", endDate: "2026-11-01", status: "confirmed" });
    await m.db.insert(ledgerEntries).values([
      { bookingId: first, type: "deposit_authorized", amountCents: 200_000, createdAt: at("2026-03-02") },
      { bookingId: first, type: "deposit_captured", amountCents: 200_000, createdAt: at("2026-03-03") },
      { bookingId: first, type: "platform_fee", amountCents: 10_000, createdAt: at("2026-03-03") },
      { bookingId: first, type: "miner_share", amountCents: -190_000, createdAt: at("2026-03-03") },
      { bookingId: second, type: "deposit_captured", amountCents: 150_000, createdAt: at("2026-05-31T23:59:00Z") },
      { bookingId: second, type: "platform_fee", amountCents: 7_500, createdAt: at("2026-05-31T23:59:00Z") },
      { bookingId: second, type: "deposit_captured", amountCents: 99_999, createdAt: at("2024-05-01") },
    ]);

    const money = byMonth(await moneyByMonth(m.db, m.admin, m.scope));
    expect(money["2026-03"]).toEqual({ depositsCapturedCents: 200_000, platformFeeCents: 10_000 });
    expect(money["2026-05"]).toEqual({ depositsCapturedCents: 150_000, platformFeeCents: 7_500 });
    expect(money["2026-06"]).toEqual({ depositsCapturedCents: 0, platformFeeCents: 0 });
    expect(Object.values(money).reduce((sum, r) => sum + r.depositsCapturedCents, 0)).toBe(350_000);
  });

  it("takes the median price of listings buyers can see, by country and by cooling", async () => {
    const m = await marketIn("AD");
    await m.listing({ cooling: "air", priceCentsPerKwMonth: 10_000 });
    await m.listing({ cooling: "air", priceCentsPerKwMonth: 12_000 });
    await m.listing({ cooling: "immersion", priceCentsPerKwMonth: 20_000 });
    await m.listing({ cooling: "immersion", priceCentsPerKwMonth: 90_000, status: "paused" });
    // A suspended organization's listing is out of search, so out of the market's prices.
    const other = await marketIn("AD");
    await other.listing({ cooling: "air", priceCentsPerKwMonth: 99_900 });
    await m.db.update(organizations).set({ status: "suspended", suspendedAt: NOW, suspendedReason: "test" }).where(eq(organizations.id, other.miner.organization.id));

    const prices = await medianPrices(m.db, m.admin, m.scope);
    expect(prices.byCountry).toEqual([{ key: "AD", listings: 3, medianCents: 12_000 }]);
    expect(prices.byCooling).toEqual([
      { key: "air", listings: 2, medianCents: 11_000 },
      { key: "hydro", listings: 0, medianCents: 0 },
      { key: "immersion", listings: 1, medianCents: 20_000 },
      { key: "direct_liquid", listings: 0, medianCents: 0 },
    ]);
  });

  it("counts listings in every status", async () => {
    const m = await marketIn("VA");
    await m.listing({ status: "published" });
    await m.listing({ status: "published" });
    await m.listing({ status: "draft" });
    await m.listing({ status: "rejected", rejectionReason: "Photos missing" });
    const counts = Object.fromEntries((await listingsByStatus(m.db, m.admin, m.scope)).map((s) => [s.status, s.count]));
    expect(counts).toEqual({ draft: 1, pending_review: 0, published: 2, rejected: 1, paused: 0, archived: 0 });
  });

  it("takes the median hours from submission to review per month of the review", async () => {
    const m = await marketIn("LU");
    const reviewed = (submitted: string, hours: number) => m.listing({ submittedAt: at(submitted), reviewedAt: new Date(at(submitted).getTime() + hours * 3_600_000) });
    await reviewed("2026-04-02", 10);
    await reviewed("2026-04-10", 20);
    await reviewed("2026-04-20", 60);
    await reviewed("2026-05-03", 5);
    await reviewed("2026-05-04", 7);
    await m.listing({ status: "pending_review", submittedAt: at("2026-06-01") });

    const months = byMonth(await reviewTimeByMonth(m.db, m.admin, m.scope));
    expect(months["2026-04"]).toEqual({ reviewed: 3, medianHours: 20 });
    expect(months["2026-05"]).toEqual({ reviewed: 2, medianHours: 6 });
    expect(months["2026-06"]).toEqual({ reviewed: 0, medianHours: null });
  });

  it("is for admins only, and gathers every figure for one country", async () => {
    const m = await marketIn("LI");
    for (const run of [() => getMarketMetrics(m.db, m.miner.actor, m.scope), () => capacityByMonth(m.db, m.buyer.actor, m.scope), () => metricsCountries(m.db, m.miner.actor)]) {
      const error = await run().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).status).toBe(403);
    }
    const all = await getMarketMetrics(m.db, m.admin, { ...m.scope, months: 6 });
    expect(all.country).toBe("LI");
    expect(all.capacity.map((r) => r.month)).toEqual(["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"]);
    expect(all.money).toHaveLength(6);
    expect(all.reviewTime).toHaveLength(6);
    expect(await metricsCountries(m.db, m.admin)).toContain("LI");
  });
});
