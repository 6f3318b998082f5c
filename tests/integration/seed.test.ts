import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, rawRows, type Executor } from "@/db/connection";
import { migrateDatabase } from "@/db/migrate";
import { isDatabaseEmpty, seedDatabase } from "@/db/seed";
import { createTestDatabase, dropTestDatabase } from "../../scripts/test-database";

const TODAY = "2026-03-15";

/** A digest of every seeded row that does not depend on random salts. */
async function fingerprint(db: Executor): Promise<string> {
  const [row] = await rawRows<{ digest: string }>(
    db,
    sql`select md5(string_agg(part, '|' order by part)) as digest from (
      select 'o' || id || name || status as part from organizations union all
      select 'u' || id || email || role from users union all
      select 's' || id || energized_kw || pue || renewable_share from sites union all
      select 'l' || id || status || capacity_kw || price_cents_per_kw_month || available_from from listings union all
      select 'b' || id || status || kw || start_date || end_date || total_cents || deposit_cents || expires_at from bookings union all
      select 'p' || id || status || amount_cents from payments union all
      select 'e' || booking_id || type || amount_cents || created_at from ledger_entries
    ) parts`,
  );
  return row!.digest;
}

describe("the demo seed", () => {
  const urls: string[] = [];
  const handles: Awaited<ReturnType<typeof openDatabase>>[] = [];

  beforeAll(async () => {
    for (let i = 0; i < 2; i++) {
      const url = await createTestDatabase("substation_seed");
      urls.push(url);
      await migrateDatabase(url);
      const handle = await openDatabase(url);
      handles.push(handle);
      await seedDatabase(handle.db, { today: TODAY });
    }
  }, 120_000);

  afterAll(async () => {
    for (const handle of handles) await handle.close();
    for (const url of urls) await dropTestDatabase(url);
  });

  it("is deterministic: the same day gives the same rows", async () => {
    expect(await fingerprint(handles[0]!.db)).toBe(await fingerprint(handles[1]!.db));
  });

  it("fills the marketplace PRODUCT.md describes", async () => {
    const db = handles[0]!.db;
    const [counts] = await rawRows<Record<string, number>>(
      db,
      sql`select
        (select count(*) from organizations where kind = 'miner')::int as miners,
        (select count(*) from organizations where kind = 'buyer')::int as buyers,
        (select count(distinct country) from sites)::int as countries,
        (select count(distinct status) from listings)::int as listing_statuses,
        (select count(distinct cooling) from listings)::int as coolings,
        (select count(distinct status) from bookings)::int as booking_statuses,
        (select count(*) from users where email in ('admin@substation.test', 'miner@substation.test', 'buyer@substation.test', 'miner2@substation.test', 'buyer2@substation.test'))::int as demo_accounts,
        (select min(pue) from sites)::float as min_pue, (select max(pue) from sites)::float as max_pue`,
    );
    expect(counts!.miners).toBeGreaterThanOrEqual(12);
    expect(counts!.buyers).toBeGreaterThanOrEqual(2);
    expect(counts!.countries).toBeGreaterThanOrEqual(10);
    expect(counts!.listing_statuses).toBe(6);
    expect(counts!.coolings).toBe(4);
    expect(counts!.booking_statuses).toBe(9);
    expect(counts!.demo_accounts).toBe(5);
    expect(counts!.min_pue).toBeGreaterThanOrEqual(1.05);
    expect(counts!.max_pue).toBeLessThanOrEqual(1.4);
  });

  it("never oversells a listing on any day", async () => {
    const oversold = await rawRows<{ listing_id: string; day: string }>(
      handles[0]!.db,
      sql`select b.listing_id, d::date as day
          from bookings b
          join listings l on l.id = b.listing_id
          cross join lateral generate_series(b.start_date, b.end_date - 1, interval '1 day') d
          where b.status in ('awaiting_provider', 'confirmed', 'active')
             or (b.status = 'pending_deposit' and b.expires_at > ${`${TODAY}T12:00:00Z`}::timestamptz)
          group by b.listing_id, d, l.capacity_kw
          having sum(b.kw) > l.capacity_kw`,
    );
    expect(oversold).toEqual([]);
  });

  it("reports a seeded database as not empty, so a second seed refuses", async () => {
    expect(await isDatabaseEmpty(handles[0]!.db)).toBe(false);
  });
});
