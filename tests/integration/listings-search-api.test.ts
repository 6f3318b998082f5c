import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { GET as search, POST as postListing } from "@/app/api/v1/listings/route";
import { GET as getListing } from "@/app/api/v1/listings/[id]/route";
import { POST as postSite } from "@/app/api/v1/sites/route";
import { searchWithPins } from "@/db/queries/search";
import { bookings, listings, organizations, sites } from "@/db/schema";
import { freeKwOver } from "@/lib/domain/availability";
import { addDays, addMonths, todayUtc } from "@/lib/domain/days";
import { searchSchema } from "@/lib/validations/search";
import { testDb } from "../support/db";
import { apiRequest, listingBody, makeAccount, params, siteBody } from "../support/fixtures";

type Miner = Awaited<ReturnType<typeof makeAccount>>;
type Item = { id: string; freeKw?: number; [key: string]: unknown };

/** A word no other test's rows contain: every query in a test carries it, so shared rows never change the counts. */
const uniqueWord = (prefix = "zq") => `${prefix}${randomBytes(5).toString("hex")}`;

/** The day the fixtures' listings open (listingBody's default). */
const OPENS = addDays(todayUtc(), 30);

async function siteOf(miner: Miner, overrides: Record<string, unknown> = {}) {
  const response = await postSite(apiRequest("POST", "/api/v1/sites", miner.token, siteBody({ coolingTypes: ["air", "hydro", "immersion", "direct_liquid"], ...overrides })), params({}));
  expect(response.status).toBe(201);
  return (await response.json()) as { id: string };
}

/** Creates a listing through the API and publishes it directly, as an admin's approval would. */
async function published(miner: Miner, siteId: string, overrides: Record<string, unknown> = {}, publishedAt = new Date()) {
  const response = await postListing(apiRequest("POST", "/api/v1/listings", miner.token, listingBody(siteId, overrides)), params({}));
  const listing = (await response.json()) as { id: string; capacityKw: number };
  expect(response.status, JSON.stringify(listing)).toBe(201);
  await miner.db.update(listings).set({ status: "published", publishedAt }).where(eq(listings.id, listing.id));
  return listing;
}

async function book(miner: Miner, listingId: string, kw: number, start: string, end: string, status: (typeof bookings.$inferInsert)["status"], expiresAt = new Date(Date.now() + 3_600_000)) {
  const buyer = await makeAccount("buyer");
  await miner.db.insert(bookings).values({
    listingId, buyerOrganizationId: buyer.organization.id, kw, startDate: start, endDate: end, status,
    priceCentsPerKwMonth: 13500, depositPercent: 20, totalCents: 100_000, depositCents: 20_000, platformFeeBps: 800, expiresAt,
  });
}

async function get(query: string, token: string | null = null) {
  const response = await search(apiRequest("GET", `/api/v1/listings?${query}`, token), params({}));
  return { status: response.status, headers: response.headers, json: await response.json() };
}

/** The ids found for a query, in order, after checking it succeeded. */
async function ids(query: string): Promise<string[]> {
  const { status, json } = await get(query);
  expect(status, `${query}: ${JSON.stringify(json)}`).toBe(200);
  return json.items.map((i: Item) => i.id);
}

const set = (list: string[]) => [...list].sort();

describe("GET /api/v1/listings", () => {
  it("finds listings by a word of the title and by a word only in the site's region, with PRODUCT.md's fields", async () => {
    const miner = await makeAccount("miner");
    const [tag, regionWord] = [uniqueWord(), uniqueWord("rg")];
    const inRegion = await siteOf(miner, { region: `Saguenay ${regionWord}` });
    const elsewhere = await siteOf(miner, { name: "Plain Hall", region: "Ontario" });
    const a = await published(miner, inRegion.id, { title: `Immersion pods ${tag}` });
    const b = await published(miner, elsewhere.id, { title: `Air halls ${tag}` });

    expect(set(await ids(`q=${tag}`))).toEqual(set([a.id, b.id]));
    expect(await ids(`q=${regionWord}`)).toEqual([a.id]);
    expect(await ids(`q=${regionWord} -${tag}`)).toEqual([]);

    const { json, headers } = await get(`q=${tag}&sort=price`);
    expect(json).toMatchObject({ total: 2, page: 1, pageSize: 20 });
    expect(headers.get("cache-control")).toBe("public, max-age=15, stale-while-revalidate=60");
    const item = json.items.find((i: Item) => i.id === a.id);
    expect(item).toMatchObject({
      id: a.id, title: `Immersion pods ${tag}`, siteId: inRegion.id, country: "CA", region: `Saguenay ${regionWord}`, cooling: "immersion",
      capacityKw: 2000, priceCentsPerKwMonth: 13500, availableFrom: OPENS, availableUntil: addDays(OPENS, 3 * 365), minTermMonths: 12, renewableShare: 95,
    });
    expect(item).not.toHaveProperty("freeKw");
  });

  it("answers signed-in callers too, but keeps their answers out of caches", async () => {
    const miner = await makeAccount("miner");
    const tag = uniqueWord();
    const listing = await published(miner, (await siteOf(miner)).id, { title: `Pods ${tag}` });
    const { status, headers, json } = await get(`q=${tag}`, miner.token);
    expect(status).toBe(200);
    expect(json.items.map((i: Item) => i.id)).toEqual([listing.id]);
    expect(headers.get("cache-control")).toBe("no-store");
    expect((await get(`q=${tag}`, "sub_not-a-real-token")).status).toBe(401);
  });

  it("filters by country, cooling list, price, density, renewable share, interruptible, redundancy minimum, verified and capacity", async () => {
    const miner = await makeAccount("miner");
    const tag = uniqueWord();
    const iceland = await siteOf(miner, { country: "IS", redundancy: "N", powerMix: { hydro: 95, grid: 5 } });
    const norway = await siteOf(miner, { country: "NO", redundancy: "2N", powerMix: { gas: 60, hydro: 40 } });
    await miner.db.update(sites).set({ verifiedAt: new Date() }).where(eq(sites.id, iceland.id));
    const air = await published(miner, iceland.id, { title: `Air ${tag}`, cooling: "air", maxKwPerRack: 30, rackCount: 40, capacityKw: 1000, priceCentsPerKwMonth: 9000 });
    const immersion = await published(miner, iceland.id, { title: `Tanks ${tag}`, cooling: "immersion", maxKwPerRack: 100, rackCount: 20, capacityKw: 2000, priceCentsPerKwMonth: 15000, interruptible: true });
    const liquid = await published(miner, norway.id, { title: `Liquid ${tag}`, cooling: "direct_liquid", maxKwPerRack: 80, rackCount: 40, capacityKw: 3000, priceCentsPerKwMonth: 12000 });
    const hydro = await published(miner, norway.id, { title: `Hydro ${tag}`, cooling: "hydro", maxKwPerRack: 50, rackCount: 10, capacityKw: 500, priceCentsPerKwMonth: 20000, interruptible: true });
    const all = [air.id, immersion.id, liquid.id, hydro.id];

    const cases: [string, string[]][] = [
      ["", all],
      ["country=IS", [air.id, immersion.id]],
      ["country=no", [liquid.id, hydro.id]],
      ["cooling=immersion,direct_liquid", [immersion.id, liquid.id]],
      ["cooling=hydro", [hydro.id]],
      ["maxPrice=12000", [air.id, liquid.id]],
      ["minDensity=80", [immersion.id, liquid.id]],
      ["renewableMin=90", [air.id, immersion.id]],
      ["renewableMin=40", all],
      ["interruptible=true", [immersion.id, hydro.id]],
      ["interruptible=false", [air.id, liquid.id]],
      ["redundancy=N", all],
      ["redundancy=N%2B1", [liquid.id, hydro.id]],
      ["redundancy=2N", [liquid.id, hydro.id]],
      ["verified=true", [air.id, immersion.id]],
      ["minKw=2000", [immersion.id, liquid.id]],
      ["country=NO&cooling=hydro,air", [hydro.id]],
    ];
    for (const [filter, expected] of cases) {
      expect(set(await ids(`q=${tag}&${filter}`)), filter).toEqual(set(expected));
    }
  });

  it("gives free kW over a window as capacity minus the most-booked day, counting partly overlapping bookings", async () => {
    const miner = await makeAccount("miner");
    const tag = uniqueWord();
    const listing = await published(miner, (await siteOf(miner)).id, { title: `Pods ${tag}`, minTermMonths: 1 });
    const [from, to] = [addDays(OPENS, 60), addDays(OPENS, 180)];
    await book(miner, listing.id, 500, addDays(OPENS, 30), addDays(OPENS, 90), "confirmed"); // overlaps the window's start
    await book(miner, listing.id, 200, addDays(OPENS, 80), addDays(OPENS, 105), "awaiting_provider");
    await book(miner, listing.id, 700, addDays(OPENS, 100), addDays(OPENS, 107), "active"); // one week inside: 900 kW held with the one above
    await book(miner, listing.id, 300, addDays(OPENS, 170), addDays(OPENS, 300), "confirmed"); // overlaps the window's end
    await book(miner, listing.id, 1500, OPENS, from, "confirmed"); // ends the day the window starts
    await book(miner, listing.id, 1700, to, addDays(to, 20), "confirmed"); // starts the day the window ends

    const { json } = await get(`q=${tag}&from=${from}&to=${to}`);
    expect(json.items).toHaveLength(1);
    expect(json.items[0].freeKw).toBe(1100);

    // The listing page's availability says the same.
    const detail = await (await getListing(apiRequest("GET", `/api/v1/listings/${listing.id}`, null), params({ id: listing.id }))).json();
    expect(freeKwOver(detail.availability, from, to)).toBe(1100);

    expect(await ids(`q=${tag}&from=${from}&to=${to}&minKw=1100`)).toEqual([listing.id]);
    expect(await ids(`q=${tag}&from=${from}&to=${to}&minKw=1101`)).toEqual([]);
    expect(await ids(`q=${tag}&minKw=2000`), "without a window, minKw is capacity").toEqual([listing.id]);
    // A window that ends before the busy week has more free kW: its peak is 500 + 200.
    expect((await get(`q=${tag}&from=${from}&to=${addDays(OPENS, 95)}`)).json.items[0].freeKw).toBe(1300);
  });

  it("judges minKw by the busiest day, not by the sum of the window's bookings, whichever way the results are sorted", async () => {
    const miner = await makeAccount("miner");
    const tag = uniqueWord();
    const site = await siteOf(miner);
    // 600 kW twice, one after the other: 1,200 kW booked in the window, but 600 kW at most on any day.
    const staggered = await published(miner, site.id, { title: `Staggered ${tag}`, capacityKw: 1000, rackCount: 10, minTermMonths: 1 });
    await book(miner, staggered.id, 600, addDays(OPENS, 15), addDays(OPENS, 30), "confirmed");
    await book(miner, staggered.id, 600, addDays(OPENS, 30), addDays(OPENS, 45), "active");
    const quiet = await published(miner, site.id, { title: `Quiet ${tag}`, capacityKw: 1000, rackCount: 10, minTermMonths: 1 });
    await book(miner, quiet.id, 100, addDays(OPENS, 15), addDays(OPENS, 20), "confirmed");
    const window = `from=${addDays(OPENS, 10)}&to=${addDays(OPENS, 70)}`;
    const free = async (query: string) => Object.fromEntries((await get(query)).json.items.map((i: Item) => [i.id, i.freeKw]));

    for (const sort of ["newest", "price", "-capacity", "capacity"]) {
      expect(await free(`q=${tag}&${window}&minKw=400&sort=${sort}`), sort).toEqual({ [staggered.id]: 400, [quiet.id]: 900 });
      expect(await free(`q=${tag}&${window}&minKw=401&sort=${sort}`), sort).toEqual({ [quiet.id]: 900 });
    }
    const { result, pins } = await searchWithPins(await testDb(), searchSchema.parse({ q: tag, from: addDays(OPENS, 10), to: addDays(OPENS, 70), minKw: "400" }));
    expect(Object.fromEntries(result.items.map((i) => [i.id, i.freeKw]))).toEqual({ [staggered.id]: 400, [quiet.id]: 900 });
    expect(pins.map((pin) => pin.freeKw)).toEqual([1300]);
  });

  it("orders every page by the busiest day's free kW in the window, where the listings' bounds would order them otherwise", async () => {
    const miner = await makeAccount("miner");
    const tag = uniqueWord();
    const site = await siteOf(miner);
    const window = `from=${addDays(OPENS, 10)}&to=${addDays(OPENS, 70)}`;
    // 1,200 kW booked in the window but 600 kW at most on a day: 400 kW free, not -200.
    const staggered = await published(miner, site.id, { title: `Staggered ${tag}`, capacityKw: 1000, rackCount: 10, minTermMonths: 1 });
    await book(miner, staggered.id, 600, addDays(OPENS, 15), addDays(OPENS, 30), "confirmed");
    await book(miner, staggered.id, 600, addDays(OPENS, 30), addDays(OPENS, 45), "active");
    const small = await published(miner, site.id, { title: `Small ${tag}`, capacityKw: 300, rackCount: 3, minTermMonths: 1 });
    const large = await published(miner, site.id, { title: `Large ${tag}`, capacityKw: 800, rackCount: 8, minTermMonths: 1 });
    await book(miner, large.id, 100, addDays(OPENS, 20), addDays(OPENS, 40), "confirmed");
    // Busy after the window only: its bound says 100 kW free, the window has all 900.
    const later = await published(miner, site.id, { title: `Later ${tag}`, capacityKw: 900, rackCount: 9, minTermMonths: 1 });
    await book(miner, later.id, 800, addDays(OPENS, 80), addDays(OPENS, 100), "confirmed");
    const free = { [staggered.id]: 400, [small.id]: 300, [large.id]: 700, [later.id]: 900 };

    for (const [sort, order] of [["capacity", [small.id, staggered.id, large.id, later.id]], ["-capacity", [later.id, large.id, staggered.id, small.id]]] as const) {
      const whole = (await get(`q=${tag}&${window}&sort=${sort}`)).json.items as Item[];
      expect(whole.map((i) => i.id), sort).toEqual(order);
      expect(whole.map((i) => i.freeKw), sort).toEqual(order.map((id) => free[id]));
      for (const [index, id] of order.entries()) {
        const { json } = await get(`q=${tag}&${window}&sort=${sort}&pageSize=1&page=${index + 1}`);
        expect({ ids: json.items.map((i: Item) => i.id), freeKw: json.items[0].freeKw, total: json.total }, `${sort} page ${index + 1}`).toEqual({ ids: [id], freeKw: free[id], total: 4 });
      }
    }
    expect((await get(`q=${tag}&${window}&sort=-capacity&minKw=350&pageSize=1&page=3`)).json).toMatchObject({ total: 3, items: [{ id: staggered.id, freeKw: 400 }] });
    expect((await get(`q=${tag}&${window}&sort=capacity&minKw=850&pageSize=1`)).json).toMatchObject({ total: 1, items: [{ id: later.id, freeKw: 900 }] });
  });

  it("keeps each listing's bound at or above its busiest day, and still finds free kW exactly once the bound is high", async () => {
    const miner = await makeAccount("miner");
    const tag = uniqueWord();
    const listing = await published(miner, (await siteOf(miner)).id, { title: `Bound ${tag}`, capacityKw: 1000, rackCount: 10, minTermMonths: 1 });
    const bound = async () => (await miner.db.select({ kw: listings.peakBookedKw }).from(listings).where(eq(listings.id, listing.id)))[0]!.kw;
    expect(await bound()).toBe(0);

    await book(miner, listing.id, 600, addDays(OPENS, 15), addDays(OPENS, 30), "confirmed");
    await book(miner, listing.id, 600, addDays(OPENS, 30), addDays(OPENS, 45), "confirmed");
    expect(await bound(), "two bookings end to end: 600 kW on the busiest day").toBe(600);
    await book(miner, listing.id, 300, addDays(OPENS, 25), addDays(OPENS, 35), "pending_deposit");
    expect(await bound()).toBe(900);
    await book(miner, listing.id, 900, addDays(OPENS, 50), addDays(OPENS, 60), "cancelled");
    expect(await bound(), "a booking that does not count leaves it").toBe(900);

    // The hold is cancelled: the bound stays at 900, the window's busiest day is 600 again.
    await miner.db.update(bookings).set({ status: "cancelled" }).where(and(eq(bookings.listingId, listing.id), eq(bookings.kw, 300)));
    expect(await bound()).toBe(900);
    const window = `from=${addDays(OPENS, 10)}&to=${addDays(OPENS, 70)}`;
    for (const sort of ["newest", "-capacity", "capacity"]) {
      expect((await get(`q=${tag}&${window}&minKw=400&sort=${sort}`)).json, sort).toMatchObject({ total: 1, items: [{ freeKw: 400 }] });
    }
  });

  it("counts an unexpired deposit hold but not an expired one, and never declined, cancelled, completed, expired or refunded bookings", async () => {
    const miner = await makeAccount("miner");
    const tag = uniqueWord();
    const listing = await published(miner, (await siteOf(miner)).id, { title: `Pods ${tag}`, capacityKw: 1000, rackCount: 10, minTermMonths: 1 });
    const [from, to] = [addDays(OPENS, 10), addDays(OPENS, 70)];
    const [start, end] = [addDays(OPENS, 20), addDays(OPENS, 50)];
    await book(miner, listing.id, 400, start, end, "pending_deposit", new Date(Date.now() - 60_000));
    await book(miner, listing.id, 300, start, end, "pending_deposit", new Date(Date.now() + 15 * 60_000));
    for (const status of ["declined", "cancelled", "completed", "expired", "refunded"] as const) await book(miner, listing.id, 900, start, end, status);

    const { json } = await get(`q=${tag}&from=${from}&to=${to}`);
    expect(json.items.map((i: Item) => i.freeKw)).toEqual([700]);
  });

  it("leaves out listings whose window does not cover the search window, or whose minimum term does not fit in it", async () => {
    const miner = await makeAccount("miner");
    const tag = uniqueWord();
    const site = await siteOf(miner);
    const yearLong = await published(miner, site.id, { title: `One-year window ${tag}`, minTermMonths: 1, availableUntil: addMonths(OPENS, 12) });
    const yearTerm = await published(miner, site.id, { title: `Long term ${tag}`, minTermMonths: 12 });

    expect(set(await ids(`q=${tag}&from=${addDays(OPENS, 10)}&to=${addDays(OPENS, 50)}`))).toEqual([yearLong.id]);
    expect(await ids(`q=${tag}&from=${addDays(OPENS, -10)}&to=${addDays(OPENS, 40)}`), "starts before both open").toEqual([]);
    expect(await ids(`q=${tag}&from=${addDays(OPENS, 300)}&to=${addDays(OPENS, 400)}`), "ends after the short one closes, too short for the long term").toEqual([]);
    expect(set(await ids(`q=${tag}&from=${OPENS}&to=${addMonths(OPENS, 12)}`)), "twelve months exactly").toEqual(set([yearTerm.id, yearLong.id]));
    expect(await ids(`q=${tag}&from=${OPENS}&to=${addDays(addMonths(OPENS, 12), -1)}`), "a day short of twelve months").toEqual([yearLong.id]);
  });

  it("never returns unpublished listings, nor a suspended organization's", async () => {
    const miner = await makeAccount("miner");
    const tag = uniqueWord();
    const site = await siteOf(miner);
    const visible = await published(miner, site.id, { title: `Visible ${tag}` });
    for (const status of ["draft", "pending_review", "paused", "archived"] as const) {
      const other = await published(miner, site.id, { title: `${status} ${tag}` });
      await miner.db.update(listings).set({ status }).where(eq(listings.id, other.id));
    }
    const rejected = await published(miner, site.id, { title: `Rejected ${tag}` });
    await miner.db.update(listings).set({ status: "rejected", rejectionReason: "Photos missing." }).where(eq(listings.id, rejected.id));

    const suspended = await makeAccount("miner");
    await published(suspended, (await siteOf(suspended)).id, { title: `Suspended ${tag}` });
    await suspended.db.update(organizations).set({ status: "suspended", suspendedAt: new Date() }).where(eq(organizations.id, suspended.organization.id));

    const { json } = await get(`q=${tag}`);
    expect(json.items.map((i: Item) => i.id)).toEqual([visible.id]);
    expect(json.total).toBe(1);
  });

  it("sorts by price both ways, by capacity (free kW with a window) and newest first", async () => {
    const miner = await makeAccount("miner");
    const tag = uniqueWord();
    const site = await siteOf(miner);
    const day = (n: number) => new Date(Date.UTC(2026, 0, n));
    const cheapBig = await published(miner, site.id, { title: `A ${tag}`, priceCentsPerKwMonth: 9000, capacityKw: 3000, rackCount: 30, minTermMonths: 1 }, day(1));
    const midSmall = await published(miner, site.id, { title: `B ${tag}`, priceCentsPerKwMonth: 12000, capacityKw: 1000, rackCount: 10, minTermMonths: 1 }, day(3));
    const dearMid = await published(miner, site.id, { title: `C ${tag}`, priceCentsPerKwMonth: 15000, capacityKw: 2000, rackCount: 20, minTermMonths: 1 }, day(2));
    const [from, to] = [addDays(OPENS, 30), addDays(OPENS, 90)];
    await book(miner, cheapBig.id, 2500, from, to, "confirmed"); // 500 kW free over the window

    expect(await ids(`q=${tag}&sort=price`)).toEqual([cheapBig.id, midSmall.id, dearMid.id]);
    expect(await ids(`q=${tag}&sort=-price`)).toEqual([dearMid.id, midSmall.id, cheapBig.id]);
    expect(await ids(`q=${tag}&sort=capacity`)).toEqual([midSmall.id, dearMid.id, cheapBig.id]);
    expect(await ids(`q=${tag}&sort=-capacity`)).toEqual([cheapBig.id, dearMid.id, midSmall.id]);
    expect(await ids(`q=${tag}&sort=capacity&from=${from}&to=${to}`)).toEqual([cheapBig.id, midSmall.id, dearMid.id]);
    expect(await ids(`q=${tag}&sort=-capacity&from=${from}&to=${to}`)).toEqual([dearMid.id, midSmall.id, cheapBig.id]);
    expect(await ids(`q=${tag}&sort=newest`)).toEqual([midSmall.id, dearMid.id, cheapBig.id]);
  });

  it("pages through results: a page past the end is empty with the right total; pageSize 100 is allowed, 101 and page 0 are not", async () => {
    const miner = await makeAccount("miner");
    const tag = uniqueWord();
    const site = await siteOf(miner);
    const made = [];
    for (const price of [10000, 11000, 12000]) made.push((await published(miner, site.id, { title: `Pods ${tag}`, priceCentsPerKwMonth: price })).id);

    const first = await get(`q=${tag}&sort=price&pageSize=2`);
    expect(first.json).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    const second = await get(`q=${tag}&sort=price&pageSize=2&page=2`);
    expect(second.json).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect([...first.json.items, ...second.json.items].map((i: Item) => i.id)).toEqual(made);
    expect((await get(`q=${tag}&sort=price&pageSize=2&page=3`)).json).toEqual({ items: [], total: 3, page: 3, pageSize: 2 });
    expect((await get(`q=${tag}&page=50`)).json).toEqual({ items: [], total: 3, page: 50, pageSize: 20 });
    expect((await get(`q=${uniqueWord()}&page=2`)).json).toEqual({ items: [], total: 0, page: 2, pageSize: 20 });

    expect((await get(`q=${tag}&pageSize=100`)).json).toMatchObject({ total: 3, pageSize: 100 });
    const tooBig = await get(`q=${tag}&pageSize=101`);
    expect(tooBig.status).toBe(400);
    expect(tooBig.json.error.fields).toEqual({ pageSize: "The page size is at most 100." });
    const zero = await get(`q=${tag}&page=0`);
    expect(zero.status).toBe(400);
    expect(zero.json.error.fields).toEqual({ page: "Pages start at 1." });
  });

  it("refuses nonsense parameters with 400 and a problem named after each parameter", async () => {
    const cases: [string, string, RegExp][] = [
      ["from=2027-05-01&to=2027-04-01", "to", /must come after the start/],
      ["from=2027-05-01&to=2027-05-01", "to", /must come after the start/],
      ["from=2027-05-01", "to", /both dates/],
      ["to=2027-05-01", "from", /both dates/],
      ["from=2027-02-30&to=2027-05-01", "from", /not a real date/],
      ["from=2027-05-01&to=2027-6-1", "to", /YYYY-MM-DD/],
      ["cooling=air,plasma", "cooling", /one of air, hydro, immersion, direct_liquid/],
      ["minKw=abc", "minKw", /whole number/],
      ["minKw=1.5", "minKw", /whole number/],
      ["renewableMin=150", "renewableMin", /between 0 and 100/],
      ["maxPrice=-5", "maxPrice", /positive/],
      ["interruptible=maybe", "interruptible", /true or false/],
      ["redundancy=3N", "redundancy", /N, N\+1 or 2N/],
      ["country=Canada", "country", /two-letter ISO/],
      ["sort=cheapest", "sort", /Sort by one of/],
    ];
    for (const [query, field, message] of cases) {
      const { status, json, headers } = await get(query);
      expect(status, query).toBe(400);
      expect(json.error.code, query).toBe("validation_failed");
      expect(Object.keys(json.error.fields), query).toEqual([field]);
      expect(json.error.fields[field], query).toMatch(message);
      expect(headers.get("cache-control") ?? "", query).not.toMatch(/public/);
    }
    const several = await get("minKw=abc&renewableMin=150&cooling=plasma");
    expect(Object.keys(several.json.error.fields).sort()).toEqual(["cooling", "minKw", "renewableMin"]);
  });

  it("answers 400, never 500, for a start date that is not a date, and blames only that date", async () => {
    for (const query of ["from=1&to=2027-06-01", "from=01/05/2027&to=2027-06-01", "from=2027-13-01&to=2027-05-01", "from=tomorrow&to=2027-05-01"]) {
      const { status, json } = await get(query);
      expect(status, query).toBe(400);
      expect(json.error.fields, query).toEqual({ from: expect.stringMatching(/start date/) });
    }
  });

  it("ignores unknown parameters and takes the first of a repeated one", async () => {
    const miner = await makeAccount("miner");
    const tag = uniqueWord();
    const listing = await published(miner, (await siteOf(miner)).id, { title: `Pods ${tag}` });
    expect(await ids(`q=${tag}&colour=blue&limit=1`)).toEqual([listing.id]);
    expect(await ids(`q=${tag}&q=${uniqueWord()}`)).toEqual([listing.id]);
    expect(await ids(`q=${tag}&pageSize=5&pageSize=500`)).toEqual([listing.id]);
  });
});

describe("searchWithPins (the search page's one statement)", () => {
  it("returns the page, the total, and one pin per matching site over every page, with its free kW summed and its lowest price", async () => {
    const miner = await makeAccount("miner");
    const tag = uniqueWord();
    const [north, south] = [await siteOf(miner, { latitude: 64.1, longitude: -21.9 }), await siteOf(miner, { latitude: -25.3, longitude: -57.6 })];
    await published(miner, north.id, { title: `North A ${tag}`, capacityKw: 1000, rackCount: 10, minTermMonths: 1, priceCentsPerKwMonth: 12000 });
    const busy = await published(miner, north.id, { title: `North B ${tag}`, capacityKw: 2000, rackCount: 20, minTermMonths: 1, priceCentsPerKwMonth: 9000 });
    await published(miner, south.id, { title: `South ${tag}`, capacityKw: 500, rackCount: 5, minTermMonths: 1, priceCentsPerKwMonth: 15000 });
    const [from, to] = [addDays(OPENS, 10), addDays(OPENS, 70)];
    await book(miner, busy.id, 600, addDays(OPENS, 20), addDays(OPENS, 30), "confirmed");

    const { result, pins } = await searchWithPins(await testDb(), searchSchema.parse({ q: tag, from, to, pageSize: "1", sort: "price" }));
    expect(result.total).toBe(3);
    expect(result.items.map((i) => [i.id, i.freeKw])).toEqual([[busy.id, 1400]]);
    const bySite = Object.fromEntries(pins.map((p) => [p.siteId, p]));
    expect(pins).toHaveLength(2);
    expect(bySite[north.id]).toMatchObject({ listings: 2, freeKw: 2400, minPriceCents: 9000, latitude: 64.1, longitude: -21.9 });
    expect(bySite[south.id]).toMatchObject({ listings: 1, freeKw: 500, minPriceCents: 15000, latitude: -25.3, longitude: -57.6 });

    // Past the last page: no results, the same total and the same pins.
    const past = await searchWithPins(await testDb(), searchSchema.parse({ q: tag, from, to, pageSize: "1", page: "9" }));
    expect(past.result).toMatchObject({ items: [], total: 3, page: 9 });
    expect(past.pins).toHaveLength(2);
    // Nothing found: no pins.
    expect((await searchWithPins(await testDb(), searchSchema.parse({ q: uniqueWord() }))).pins).toEqual([]);
  });
});
