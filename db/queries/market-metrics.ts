// Marketplace metrics for admins, each one SQL aggregate. Months are UTC calendar months,
// the current one included, oldest first and zero-filled. `country` narrows every figure to
// the sites of one country (ISO 3166-1 alpha-2).
import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { rawRows, type Executor } from "@/db";
import { assertRole, type Actor } from "@/lib/auth/policy";

export type MetricsScope = { country?: string; months?: number; now?: Date };

const LISTING_STATUSES = ["draft", "pending_review", "published", "rejected", "paused", "archived"] as const;
const BOOKING_STATUSES = ["pending_deposit", "awaiting_provider", "confirmed", "active", "completed", "expired", "declined", "cancelled", "refunded"] as const;
const COOLING = ["air", "hydro", "immersion", "direct_liquid"] as const;

export type CapacityMonth = { month: string; listedMw: number; bookedMw: number };
export type MoneyMonth = { month: string; depositsCapturedCents: number; platformFeeCents: number };
export type ReviewMonth = { month: string; reviewed: number; medianHours: number | null };
export type StatusCount<S extends string> = { status: S; count: number };
export type BookingStateCount = StatusCount<(typeof BOOKING_STATUSES)[number]> & { kw: number };
export type MedianPrice<K extends string> = { key: K; listings: number; medianCents: number };

const span = (scope: MetricsScope) => Math.min(Math.max(Math.trunc(scope.months ?? 12) || 1, 1), 60);
const countryOf = (scope: MetricsScope) => (scope.country && /^[A-Z]{2}$/.test(scope.country) ? scope.country : null);
/** `and s.country = …` on the joined sites (alias s), or nothing. */
const inCountry = (scope: MetricsScope): SQL => {
  const country = countryOf(scope);
  return country ? sql`and s.country = ${country}` : sql``;
};

/** The months of the window: month_start (date) and month_end (the next month's first day). */
function calendar(scope: MetricsScope): SQL {
  const now = (scope.now ?? new Date()).toISOString();
  return sql`calendar as (
    select m::date as month_start, (m + interval '1 month')::date as month_end
    from generate_series(
      date_trunc('month', ${now}::timestamptz at time zone 'UTC') - make_interval(months => ${span(scope) - 1}::int),
      date_trunc('month', ${now}::timestamptz at time zone 'UTC'),
      interval '1 month') as m
  )`;
}

/** A UTC day as the instant it begins. */
const instant = (day: SQL) => sql`(${day}::timestamp at time zone 'UTC')`;

/**
 * Per month: listed = the capacity of listings published by the month's end and not archived
 * by then; booked = the kW of bookings confirmed, active or since completed whose dates overlap
 * the month (a booking that covered last March is completed today, yet March was booked).
 */
export async function capacityByMonth(db: Executor, actor: Actor, scope: MetricsScope = {}): Promise<CapacityMonth[]> {
  assertRole(actor, "admin");
  const rows = await rawRows<{ month: string; listed_kw: string; booked_kw: string }>(
    db,
    sql`with ${calendar(scope)}
      select to_char(c.month_start, 'YYYY-MM') as month,
        (select coalesce(sum(l.capacity_kw), 0) from listings l join sites s on s.id = l.site_id
          where l.published_at < ${instant(sql`c.month_end`)}
            and (l.archived_at is null or l.archived_at >= ${instant(sql`c.month_end`)}) ${inCountry(scope)})::bigint::text as listed_kw,
        (select coalesce(sum(b.kw), 0) from bookings b join listings l on l.id = b.listing_id join sites s on s.id = l.site_id
          where b.status in ('confirmed', 'active', 'completed')
            and b.start_date < c.month_end and b.end_date > c.month_start ${inCountry(scope)})::bigint::text as booked_kw
      from calendar c
      order by c.month_start`,
  );
  return rows.map((r) => ({ month: r.month, listedMw: Number(r.listed_kw) / 1000, bookedMw: Number(r.booked_kw) / 1000 }));
}

/** Every booking state with its count and kW, all time. */
export async function bookingsByState(db: Executor, actor: Actor, scope: MetricsScope = {}): Promise<BookingStateCount[]> {
  assertRole(actor, "admin");
  const rows = await rawRows<{ status: string; n: number; kw: string }>(
    db,
    sql`select b.status::text as status, count(*)::int as n, coalesce(sum(b.kw), 0)::bigint::text as kw
      from bookings b join listings l on l.id = b.listing_id join sites s on s.id = l.site_id
      where true ${inCountry(scope)}
      group by b.status`,
  );
  const by = new Map(rows.map((r) => [r.status, r]));
  return BOOKING_STATUSES.map((status) => ({ status, count: Number(by.get(status)?.n ?? 0), kw: Number(by.get(status)?.kw ?? 0) }));
}

/** Deposits captured and the platform's fees per month, from the ledger, by the entry's month. */
export async function moneyByMonth(db: Executor, actor: Actor, scope: MetricsScope = {}): Promise<MoneyMonth[]> {
  assertRole(actor, "admin");
  const rows = await rawRows<{ month: string; captured: string; fees: string }>(
    db,
    sql`with ${calendar(scope)},
      ledger as (
        select date_trunc('month', e.created_at at time zone 'UTC')::date as month,
          sum(e.amount_cents) filter (where e.type = 'deposit_captured') as captured,
          sum(e.amount_cents) filter (where e.type = 'platform_fee') as fees
        from ledger_entries e
        join bookings b on b.id = e.booking_id
        join listings l on l.id = b.listing_id
        join sites s on s.id = l.site_id
        where e.type in ('deposit_captured', 'platform_fee')
          and e.created_at >= (select ${instant(sql`min(month_start)`)} from calendar) ${inCountry(scope)}
        group by 1
      )
      select to_char(c.month_start, 'YYYY-MM') as month,
        coalesce(ledger.captured, 0)::bigint::text as captured,
        coalesce(ledger.fees, 0)::bigint::text as fees
      from calendar c left join ledger on ledger.month = c.month_start
      order by c.month_start`,
  );
  return rows.map((r) => ({ month: r.month, depositsCapturedCents: Number(r.captured), platformFeeCents: Number(r.fees) }));
}

/** Median asking price (cents per kW-month) of listings buyers can see now, by country and by cooling. */
export async function medianPrices(db: Executor, actor: Actor, scope: MetricsScope = {}) {
  assertRole(actor, "admin");
  const grouped = (key: SQL) =>
    rawRows<{ key: string; n: number; median: number }>(
      db,
      sql`select ${key} as key, count(*)::int as n,
          round(percentile_cont(0.5) within group (order by l.price_cents_per_kw_month))::float8 as median
        from listings l join sites s on s.id = l.site_id join organizations o on o.id = l.organization_id
        where l.status = 'published' and o.status = 'active' ${inCountry(scope)}
        group by 1
        order by 2 desc, 1`,
    );
  const [byCountry, byCooling] = await Promise.all([grouped(sql`s.country`), grouped(sql`l.cooling::text`)]);
  const present = <K extends string>(r: { key: string; n: number; median: number }): MedianPrice<K> => ({ key: r.key as K, listings: Number(r.n), medianCents: Number(r.median) });
  const cooling = new Map(byCooling.map((r) => [r.key, r]));
  return {
    byCountry: byCountry.map((r) => present<string>(r)),
    // Every cooling type, so a missing one reads as "none listed" rather than vanishing.
    byCooling: COOLING.map((c) => (cooling.has(c) ? present<(typeof COOLING)[number]>(cooling.get(c)!) : { key: c, listings: 0, medianCents: 0 })),
  };
}

/** Listings in each lifecycle status now. */
export async function listingsByStatus(db: Executor, actor: Actor, scope: MetricsScope = {}): Promise<StatusCount<(typeof LISTING_STATUSES)[number]>[]> {
  assertRole(actor, "admin");
  const rows = await rawRows<{ status: string; n: number }>(
    db,
    sql`select l.status::text as status, count(*)::int as n
      from listings l join sites s on s.id = l.site_id
      where true ${inCountry(scope)}
      group by l.status`,
  );
  const by = new Map(rows.map((r) => [r.status, Number(r.n)]));
  return LISTING_STATUSES.map((status) => ({ status, count: by.get(status) ?? 0 }));
}

/** Median hours from submission to the admin's decision, per month of the decision. */
export async function reviewTimeByMonth(db: Executor, actor: Actor, scope: MetricsScope = {}): Promise<ReviewMonth[]> {
  assertRole(actor, "admin");
  const rows = await rawRows<{ month: string; n: number; median: number | null }>(
    db,
    sql`with ${calendar(scope)},
      reviews as (
        select date_trunc('month', l.reviewed_at at time zone 'UTC')::date as month,
          extract(epoch from (l.reviewed_at - l.submitted_at)) / 3600 as hours
        from listings l join sites s on s.id = l.site_id
        where l.reviewed_at is not null and l.submitted_at is not null and l.reviewed_at >= l.submitted_at
          and l.reviewed_at >= (select ${instant(sql`min(month_start)`)} from calendar) ${inCountry(scope)}
      )
      select to_char(c.month_start, 'YYYY-MM') as month, count(r.hours)::int as n,
        (percentile_cont(0.5) within group (order by r.hours))::float8 as median
      from calendar c left join reviews r on r.month = c.month_start
      group by c.month_start
      order by c.month_start`,
  );
  return rows.map((r) => ({ month: r.month, reviewed: Number(r.n), medianHours: r.median === null ? null : Math.round(Number(r.median) * 10) / 10 }));
}

export type MarketMetrics = Awaited<ReturnType<typeof getMarketMetrics>>;

/** Every metric of the admin dashboard, for one scope. */
export async function getMarketMetrics(db: Executor, actor: Actor, scope: MetricsScope = {}) {
  assertRole(actor, "admin");
  // One after another: PGlite runs one statement at a time, and these are cheap.
  const capacity = await capacityByMonth(db, actor, scope);
  const bookings = await bookingsByState(db, actor, scope);
  const money = await moneyByMonth(db, actor, scope);
  const prices = await medianPrices(db, actor, scope);
  const listings = await listingsByStatus(db, actor, scope);
  const reviewTime = await reviewTimeByMonth(db, actor, scope);
  return { country: countryOf(scope), capacity, bookings, money, prices, listings, reviewTime };
}

/** Countries with at least one site, for the dashboard's filter. */
export async function metricsCountries(db: Executor, actor: Actor): Promise<string[]> {
  assertRole(actor, "admin");
  const rows = await rawRows<{ country: string }>(db, sql`select distinct country from sites order by country`);
  return rows.map((r) => r.country);
}
