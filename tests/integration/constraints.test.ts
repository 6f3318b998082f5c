import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { rawRows } from "@/db/connection";
import { sqlStateOf } from "@/lib/errors";
import { testDb } from "../support/db";

/** Runs a statement that must fail, and returns its SQLSTATE. */
async function failure(statement: ReturnType<typeof sql>): Promise<string | undefined> {
  const db = await testDb();
  const error = await db.execute(statement).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, "the statement should have been refused").toBeDefined();
  return sqlStateOf(error);
}

const CHECK = "23514";
const FOREIGN_KEY = "23503";

describe("the database refuses impossible data", () => {
  const orgId = randomUUID();
  const otherOrgId = randomUUID();
  const siteId = randomUUID();
  const listingId = randomUUID();
  const buyerId = randomUUID();

  beforeAll(async () => {
    const db = await testDb();
    await db.execute(sql`insert into organizations (id, name, slug, kind) values
      (${orgId}, 'Constraint Mining', ${`c-${orgId}`}, 'miner'),
      (${otherOrgId}, 'Other Mining', ${`o-${otherOrgId}`}, 'miner'),
      (${buyerId}, 'Constraint AI', ${`b-${buyerId}`}, 'buyer')`);
    await db.execute(sql`insert into sites (id, organization_id, name, country, region, latitude, longitude, energized_kw,
        interconnection_status, share_hydro, pue, redundancy)
      values (${siteId}, ${orgId}, 'Test Site', 'CA', 'Quebec', 46.8, -71.2, 20000, 'energized', 100, 1.15, 'N+1')`);
    await db.execute(sql`insert into listings (id, site_id, organization_id, title, capacity_kw, cooling, max_kw_per_rack,
        rack_count, price_cents_per_kw_month, min_term_months, available_from, available_until, deposit_percent)
      values (${listingId}, ${siteId}, ${orgId}, 'Hydro hall A', 5000, 'hydro', 40, 125, 12000, 6, '2027-01-01', '2028-01-01', 20)`);
  });

  it("keeps power-source shares summing to 100 and the renewable share derived", async () => {
    expect(
      await failure(sql`insert into sites (organization_id, name, country, region, latitude, longitude, energized_kw,
        interconnection_status, share_hydro, share_gas, pue, redundancy)
        values (${orgId}, 'Bad Mix', 'US', 'Texas', 31, -102, 1000, 'energized', 50, 40, 1.2, 'N')`),
    ).toBe(CHECK);
    const rows = await rawRows<{ renewable_share: number }>(await testDb(), sql`select renewable_share from sites where id = ${siteId}`);
    expect(Number(rows[0]!.renewable_share)).toBe(100);
  });

  it("refuses a listing on another organization's site", async () => {
    expect(
      await failure(sql`insert into listings (site_id, organization_id, title, capacity_kw, cooling, max_kw_per_rack,
        rack_count, price_cents_per_kw_month, min_term_months, available_from, available_until, deposit_percent)
        values (${siteId}, ${otherOrgId}, 'Stolen site', 100, 'air', 10, 10, 9000, 1, '2027-01-01', '2027-06-01', 10)`),
    ).toBe(FOREIGN_KEY);
  });

  it("refuses zero capacity, a reversed window and a negative price", async () => {
    const base = (capacity: number, from: string, until: string, price: number) =>
      sql`insert into listings (site_id, organization_id, title, capacity_kw, cooling, max_kw_per_rack, rack_count,
        price_cents_per_kw_month, min_term_months, available_from, available_until, deposit_percent)
        values (${siteId}, ${orgId}, 'Bad listing', ${capacity}, 'air', 10, 10, ${price}, 1, ${from}, ${until}, 10)`;
    expect(await failure(base(0, "2027-01-01", "2027-06-01", 9000))).toBe(CHECK);
    expect(await failure(base(100, "2027-06-01", "2027-01-01", 9000))).toBe(CHECK);
    expect(await failure(base(100, "2027-01-01", "2027-06-01", -1))).toBe(CHECK);
  });

  it("refuses a booking whose end is not after its start, or with no kW", async () => {
    const booking = (kw: number, start: string, end: string) =>
      sql`insert into bookings (listing_id, buyer_organization_id, kw, start_date, end_date, price_cents_per_kw_month,
        deposit_percent, total_cents, deposit_cents, platform_fee_bps, expires_at)
        values (${listingId}, ${buyerId}, ${kw}, ${start}, ${end}, 12000, 20, 100000, 20000, 800, now())`;
    expect(await failure(booking(100, "2027-03-01", "2027-03-01"))).toBe(CHECK);
    expect(await failure(booking(0, "2027-03-01", "2027-09-01"))).toBe(CHECK);
  });

  it("keeps admins outside organizations and everyone else inside one", async () => {
    expect(await failure(sql`insert into users (email, name, password_hash, role, organization_id) values ('a@x.test', 'A', 'h', 'admin', ${orgId})`)).toBe(CHECK);
    expect(await failure(sql`insert into users (email, name, password_hash, role) values ('m@x.test', 'M', 'h', 'miner')`)).toBe(CHECK);
  });

  it("makes the audit log and the ledger append-only", async () => {
    const db = await testDb();
    await db.execute(sql`insert into audit_log (action, target_type, target_id) values ('test.action', 'listing', ${listingId})`);
    expect(await failure(sql`update audit_log set action = 'rewritten' where target_id = ${listingId}`)).toBe("42501");
    expect(await failure(sql`delete from audit_log where target_id = ${listingId}`)).toBe("42501");
    expect(await failure(sql`truncate audit_log`)).toBe("42501");

    const bookingId = randomUUID();
    await db.execute(sql`insert into bookings (id, listing_id, buyer_organization_id, kw, start_date, end_date, price_cents_per_kw_month,
        deposit_percent, total_cents, deposit_cents, platform_fee_bps, expires_at)
        values (${bookingId}, ${listingId}, ${buyerId}, 100, '2027-02-01', '2027-08-01', 12000, 20, 7200000, 240000, 800, now())`);
    await db.execute(sql`insert into ledger_entries (booking_id, type, amount_cents) values (${bookingId}, 'deposit_authorized', 240000)`);
    expect(await failure(sql`update ledger_entries set amount_cents = 0 where booking_id = ${bookingId}`)).toBe("42501");
    expect(await failure(sql`delete from ledger_entries where booking_id = ${bookingId}`)).toBe("42501");
  });

  it("refuses, in the database itself, a booking that would oversell any day of the listing", async () => {
    const db = await testDb();
    const insert = (kw: number, start: string, end: string, status = "confirmed", expiresAt = "now()") =>
      sql`insert into bookings (listing_id, buyer_organization_id, kw, start_date, end_date, status, price_cents_per_kw_month,
        deposit_percent, total_cents, deposit_cents, platform_fee_bps, expires_at)
        values (${listingId}, ${buyerId}, ${kw}, ${start}, ${end}, ${status}::booking_status, 12000, 20, 100000, 20000, 800, ${sql.raw(expiresAt)})`;
    // The listing holds 5000 kW (the earlier test's booking is an expired hold: it does not count).
    await db.execute(insert(4000, "2027-03-01", "2027-04-01"));
    expect(await failure(insert(1001, "2027-03-31", "2027-05-01"))).toBe(CHECK);
    // An expired hold does not count, so the same kW fit next to it once it has lapsed.
    await db.execute(insert(900, "2027-03-31", "2027-05-01", "pending_deposit", "now() - interval '1 minute'"));
    await db.execute(insert(900, "2027-03-31", "2027-05-01"));
    // 100 kW are left on 31 March: 101 more do not fit, even as a fresh hold.
    expect(await failure(insert(101, "2027-03-31", "2027-04-01", "pending_deposit", "now() + interval '30 minutes'"))).toBe(CHECK);
    await db.execute(insert(100, "2027-03-31", "2027-04-01", "pending_deposit", "now() + interval '30 minutes'"));
  });
});
