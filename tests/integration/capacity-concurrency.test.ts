// The capacity rule under concurrency (issue 5, item 2): 200 reservations at once, through two
// app instances sharing one PostgreSQL, never oversell a day; and a naive check-then-insert
// does, which the same day check catches, unless the database trigger stands behind it.
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openDatabase, rawRows, type Database } from "@/db/connection";
import { migrateDatabase } from "@/db/migrate";
import { createAccount } from "@/db/queries/accounts";
import { createBooking } from "@/db/queries/bookings";
import { createListing, holdsFor } from "@/db/queries/listings";
import { createSite } from "@/db/queries/sites";
import { bookings, listings, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/policy";
import { availabilitySpans, freeKwOver } from "@/lib/domain/availability";
import { addDays } from "@/lib/domain/days";
import { bookingTotalCents, depositCents } from "@/lib/domain/pricing";
import { env } from "@/lib/env";
import { AppError, sqlStateOf } from "@/lib/errors";
import { signUpSchema } from "@/lib/validations/auth";
import { createTestDatabase, dropTestDatabase } from "../../scripts/test-database";
import { uniqueEmail } from "../support/db";
import { listingBody, siteBody } from "../support/fixtures";

const CAPACITY_KW = 1000;
const PRICE = 12000;

type Listing = { id: string; availableFrom: string; availableUntil: string };
type Attempt = { buyer: Actor; kw: number; start: string; end: string };
/** "refused" is the application's answer with the free kW; "refused_by_database" is the trigger's. */
type Outcome = "booked" | "refused" | "refused_by_database";
type Reserve = (db: Database, listing: Listing, attempt: Attempt) => Promise<unknown>;

/** The route's code path: createBooking, which decides under a lock on the listing row. */
const reserveThroughApp: Reserve = (db, listing, a) => createBooking(db, a.buyer, { listingId: listing.id, kw: a.kw, start: a.start, end: a.end });

/** The bug the test must catch: free kW read without a lock, then an insert in another statement. */
async function naiveCreate(db: Database, listing: Listing, a: Attempt) {
  const spans = availabilitySpans(CAPACITY_KW, listing.availableFrom, listing.availableUntil, await holdsFor(db, listing.id));
  const freeKw = freeKwOver(spans, a.start, a.end);
  if (a.kw > freeKw) throw AppError.conflict("Not enough capacity.", "capacity_exceeded", { freeKw });
  await db.insert(bookings).values({
    listingId: listing.id,
    buyerOrganizationId: a.buyer.organizationId!,
    createdBy: a.buyer.userId,
    kw: a.kw,
    startDate: a.start,
    endDate: a.end,
    status: "pending_deposit",
    priceCentsPerKwMonth: PRICE,
    depositPercent: 20,
    totalCents: bookingTotalCents(a.kw, PRICE, a.start, a.end),
    depositCents: depositCents(a.kw, PRICE, 20),
    platformFeeBps: 800,
    expiresAt: new Date(Date.now() + 30 * 60_000),
  });
}

/** Two app instances: two independent connection pools on one database, closed afterwards. */
async function withTwoInstances<T>(url: string, run: (pools: [Database, Database]) => Promise<T>): Promise<T> {
  const [a, b] = await Promise.all([openDatabase(url), openDatabase(url)]);
  try {
    return await run([a.db, b.db]);
  } finally {
    await Promise.all([a.close(), b.close()]);
  }
}

async function account(db: Database, kind: "miner" | "buyer"): Promise<Actor> {
  const email = uniqueEmail(kind);
  // Distinct names: sign-ups racing for one organization slug would collide on its unique index.
  const input = signUpSchema.parse({ name: `Race ${kind}`, email, password: "a long enough passphrase", organizationName: `race ${email.split("@")[0]}`, kind });
  const { user, organization } = await createAccount(db, input, "http://localhost");
  // Reserving waits for a verified address; this database may be a second instance's, so write it here.
  await db.update(users).set({ emailVerifiedAt: new Date() }).where(eq(users.id, user.id));
  return { userId: user.id, role: kind, organizationId: organization.id };
}

/** A published 1,000 kW listing and five buyer organizations, in whichever database `db` is. */
async function marketplace(db: Database) {
  const miner = await account(db, "miner");
  const site = await createSite(db, miner, siteBody());
  const listing = await createListing(db, miner, listingBody(site.id, { capacityKw: CAPACITY_KW, rackCount: 20, maxKwPerRack: 100, minTermMonths: 1, priceCentsPerKwMonth: PRICE }));
  await db.update(listings).set({ status: "published", publishedAt: new Date() }).where(eq(listings.id, listing.id));
  const buyers = await Promise.all(Array.from({ length: 5 }, () => account(db, "buyer")));
  return { listing: listing as Listing, buyers };
}

/** 200 attempts of 100 kW, starting in the window's first 60 days, 31 to 90 days long: they overlap heavily. */
function attemptsFor(listing: Listing, buyers: Actor[]): Attempt[] {
  const between = (min: number, max: number) => min + Math.floor(Math.random() * (max - min + 1));
  return Array.from({ length: 200 }, (_, i) => {
    const start = addDays(listing.availableFrom, between(0, 59));
    return { buyer: buyers[i % buyers.length]!, kw: 100, start, end: addDays(start, between(31, 90)) };
  });
}

async function outcomeOf(reserve: Reserve, db: Database, listing: Listing, a: Attempt): Promise<Outcome> {
  try {
    await reserve(db, listing, a);
    return "booked";
  } catch (error) {
    // createBooking turns the trigger's check_violation into capacity_exceeded without freeKw.
    if (error instanceof AppError && error.code === "capacity_exceeded") return error.extra?.freeKw === undefined ? "refused_by_database" : "refused";
    const message = String((error as { cause?: { message?: string } }).cause?.message ?? error);
    if (sqlStateOf(error) === "23514" && message.includes("capacity_exceeded")) return "refused_by_database";
    throw error; // anything else fails the test
  }
}

/** Fires every attempt at once, alternating between the two instances. */
async function race(reserve: Reserve, pools: [Database, Database], listing: Listing, buyers: Actor[]) {
  const attempts = attemptsFor(listing, buyers);
  const outcomes = await Promise.all(attempts.map((a, i) => outcomeOf(reserve, pools[i % 2]!, listing, a)));
  return attempts.map((a, i) => ({ ...a, outcome: outcomes[i]! }));
}

/** kW held by counted bookings on each day of the listing's window, read straight from the table. */
async function dayLoads(db: Database, listing: Listing): Promise<Map<string, number>> {
  const rows = await rawRows<{ day: string; kw: number }>(
    db,
    sql`select to_char(d, 'YYYY-MM-DD') as day, coalesce(sum(b.kw), 0)::int as kw
          from generate_series(${listing.availableFrom}::date, ${listing.availableUntil}::date - 1, interval '1 day') d
          left join bookings b
            on b.listing_id = ${listing.id} and b.start_date <= d and b.end_date > d
           and (b.status in ('awaiting_provider', 'confirmed', 'active') or (b.status = 'pending_deposit' and b.expires_at > now()))
         group by d`,
  );
  return new Map(rows.map((r) => [r.day, r.kw]));
}

const oversoldDays = (loads: Map<string, number>) => [...loads].filter(([, kw]) => kw > CAPACITY_KW).map(([day]) => day);

/** The most kW held on any day of [start, end). */
function peakOver(loads: Map<string, number>, start: string, end: string) {
  let peak = 0;
  for (let day = start; day < end; day = addDays(day, 1)) peak = Math.max(peak, loads.get(day) ?? 0);
  return peak;
}

const count = (results: { outcome: Outcome }[], outcome: Outcome) => results.filter((r) => r.outcome === outcome).length;

describe("the capacity rule under concurrency", () => {
  it("200 concurrent 100 kW reservations on a 1,000 kW listing through two app instances book exactly what fits and oversell no day", async () => {
    await withTwoInstances(env.databaseUrl!, async (pools) => {
      const { listing, buyers } = await marketplace(pools[0]);
      const results = await race(reserveThroughApp, pools, listing, buyers);
      const loads = await dayLoads(pools[0], listing);

      expect(oversoldDays(loads)).toEqual([]);
      const booked = count(results, "booked");
      expect(booked).toBeGreaterThan(0);
      expect(count(results, "refused")).toBeGreaterThan(0);
      // The lock alone decided every request; the trigger behind it never had to.
      expect(count(results, "refused_by_database")).toBe(0);
      const [rows] = await rawRows<{ n: number }>(pools[0], sql`select count(*)::int as n from bookings where listing_id = ${listing.id}`);
      expect(rows!.n).toBe(booked);
      // Bookings only accumulate during the race, so a refusal that was right when made still
      // does not fit the final bookings: nothing was refused that could have been booked.
      const wronglyRefused = results.filter((r) => r.outcome !== "booked" && peakOver(loads, r.start, r.end) + r.kw <= CAPACITY_KW);
      expect(wronglyRefused).toEqual([]);
    });
  });

  it("the day check finds the oversold days of a naive check-then-insert when the database trigger is off", async () => {
    // Never on the shared test database: a database of its own, dropped afterwards.
    const url = await createTestDatabase("substation_naive");
    try {
      await migrateDatabase(url);
      await withTwoInstances(url, async (pools) => {
        await pools[0].execute(sql`alter table bookings disable trigger bookings_capacity_guard`);
        let oversold: string[] = [];
        // 200 concurrent attempts oversell reliably; a few more tries keep a lucky schedule from failing the test.
        for (let run = 0; run < 5 && oversold.length === 0; run++) {
          const { listing, buyers } = await marketplace(pools[0]);
          await race(naiveCreate, pools, listing, buyers);
          oversold = oversoldDays(await dayLoads(pools[0], listing));
        }
        expect(oversold.length).toBeGreaterThan(0);
      });
    } finally {
      await dropTestDatabase(url);
    }
  });

  it("the database trigger alone keeps the same naive check-then-insert from overselling", async () => {
    await withTwoInstances(env.databaseUrl!, async (pools) => {
      const { listing, buyers } = await marketplace(pools[0]);
      const results = await race(naiveCreate, pools, listing, buyers);
      expect(oversoldDays(await dayLoads(pools[0], listing))).toEqual([]);
      // Stale reads let requests past the naive check; the trigger refused them at insert.
      expect(count(results, "refused_by_database")).toBeGreaterThan(0);
    });
  });
});
