// Listing search: filters, full-text, and free kW over a window, in one SQL statement.
// "Free kW over the window" is capacity minus the kW held on the window's most-booked day,
// counting only bookings that count under the capacity rule (unexpired holds included).
import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { rawRows, type Executor } from "@/db";
import { monthsWithin, todayUtc } from "@/lib/domain/days";
import type { SearchParams } from "@/lib/validations/search";
import { ratingOf } from "@/lib/domain/rating";

export type SearchItem = {
  id: string;
  title: string;
  siteId: string;
  siteName: string;
  organizationId: string;
  organizationName: string;
  /** The miner's average rating (one decimal) and the number of reviews behind it. */
  rating: { average: number | null; count: number };
  country: string;
  region: string;
  latitude: number;
  longitude: number;
  cooling: "air" | "hydro" | "immersion" | "direct_liquid";
  capacityKw: number;
  maxKwPerRack: number;
  priceCentsPerKwMonth: number;
  availableFrom: string;
  availableUntil: string;
  minTermMonths: number;
  depositPercent: number;
  interruptible: boolean;
  renewableShare: number;
  pue: number;
  redundancy: "N" | "N+1" | "2N";
  verified: boolean;
  publishedAt: string | null;
  freeKw?: number;
};

export type SearchResult = { items: SearchItem[]; total: number; page: number; pageSize: number };

const REDUNDANCY_RANK = { N: 1, "N+1": 2, "2N": 3 } as const;

/**
 * The WHERE conditions on listings (l), organizations (o) and, only when a filter reads
 * the site, sites (s): `joinsSites` says whether to join them.
 */
function conditions(p: SearchParams, query: SQL | null, now: Date): { where: SQL; joinsSites: boolean } {
  const where: SQL[] = [sql`l.status = 'published'`, sql`o.status = 'active'`];
  // A query of stop words only ("the") has no terms: ignore it rather than match nothing.
  if (query) where.push(sql`(numnode(${query}) = 0 or l.search_document @@ ${query})`);
  // Listings whose window has ended offer nothing any more.
  where.push(sql`l.available_until > ${todayUtc(now)}::date`);
  if (p.cooling?.length) where.push(sql`l.cooling in (${sql.join(p.cooling.map((c) => sql`${c}::cooling_type`), sql`, `)})`);
  if (p.maxPrice !== undefined) where.push(sql`l.price_cents_per_kw_month <= ${p.maxPrice}`);
  if (p.minDensity !== undefined) where.push(sql`l.max_kw_per_rack >= ${p.minDensity}`);
  if (p.interruptible !== undefined) where.push(sql`l.interruptible = ${p.interruptible}`);
  if (p.minKw !== undefined) where.push(sql`l.capacity_kw >= ${p.minKw}`);
  if (p.minRating !== undefined) where.push(sql`o.rating_count > 0 and o.rating_sum >= ${p.minRating}::numeric * o.rating_count`);
  if (p.from && p.to) {
    // The listing must offer the whole window, and its minimum term must fit in it (months
    // counted here once, rather than date arithmetic on every row).
    where.push(sql`l.available_from <= ${p.from}::date and l.available_until >= ${p.to}::date`);
    where.push(sql`l.min_term_months <= ${monthsWithin(p.from, p.to)}`);
  }
  const site: SQL[] = [];
  if (p.country) site.push(sql`s.country = ${p.country}`);
  if (p.renewableMin !== undefined) site.push(sql`s.renewable_share >= ${p.renewableMin}`);
  if (p.verified) site.push(sql`s.verified_at is not null`);
  if (p.redundancy) {
    const allowed = (Object.keys(REDUNDANCY_RANK) as (keyof typeof REDUNDANCY_RANK)[]).filter((r) => REDUNDANCY_RANK[r] >= REDUNDANCY_RANK[p.redundancy!]);
    site.push(sql`s.redundancy in (${sql.join(allowed.map((r) => sql`${r}::redundancy`), sql`, `)})`);
  }
  return { where: sql.join([...where, ...site], sql` and `), joinsSites: site.length > 0 };
}

/** The page's order over the columns of `scored`, read through the alias `t`. */
function orderBy(p: SearchParams, hasWindow: boolean): SQL {
  switch (p.sort) {
    case "price":
      return sql`t.price_cents_per_kw_month asc, t.id`;
    case "-price":
      return sql`t.price_cents_per_kw_month desc, t.id`;
    case "capacity":
      return hasWindow ? sql`t.free_kw asc, t.id` : sql`t.capacity_kw asc, t.id`;
    case "-capacity":
      return hasWindow ? sql`t.free_kw desc, t.id` : sql`t.capacity_kw desc, t.id`;
    case "relevance":
      return sql`t.rank desc, t.published_at desc nulls last, t.id`;
    case "rating":
      return sql`t.rating desc nulls last, t.published_at desc nulls last, t.id`;
    default:
      return sql`t.published_at desc nulls last, t.id`;
  }
}

type Window = { from: string; to: string };

/** Conditions on bookings (b) that overlap the window and count under the capacity rule at `now`. */
function countedInWindow(w: Window, now: Date): SQL {
  return sql`b.start_date < ${w.to}::date and b.end_date > ${w.from}::date
    -- Redundant with the line below, but it lets the planner use the partial index
    -- bookings_counted_idx (an index-only scan) instead of reading every booking row.
    and b.status in ('pending_deposit', 'awaiting_provider', 'confirmed', 'active')
    and (b.status in ('awaiting_provider', 'confirmed', 'active')
         or (b.status = 'pending_deposit' and b.expires_at > ${now.toISOString()}::timestamptz))`;
}

/**
 * The kW held on the window's busiest day, per listing of `ids` (a query of listing ids;
 * listings with no counted booking in the window have no row). Each counted booking clipped
 * to the window is a +kW event on its first day and a -kW event on its end day (exclusive).
 * Summed in day order with the ends of a day first, the running total never exceeds the kW
 * held on some day, and reaches it on every day's last event: its maximum is the peak.
 */
function peaksOf(ids: SQL, w: Window, now: Date): SQL {
  return sql`select r.listing_id, max(r.running) as peak from (
      select b.listing_id, sum(ev.delta) over (partition by b.listing_id order by ev.d, ev.delta rows unbounded preceding) as running
      from bookings b
      cross join lateral (values (greatest(b.start_date, ${w.from}::date), b.kw), (least(b.end_date, ${w.to}::date), -b.kw)) ev(d, delta)
      where b.listing_id in (${ids}) and ${countedInWindow(w, now)}
    ) r group by r.listing_id`;
}

/**
 * How much of the busiest-day work a search needs: `all` works out every match's free kW
 * (the map's pins add it up per site); `rank` only enough to order the page by free kW;
 * `page` only the page's rows.
 */
type Exactness = "all" | "rank" | "page";

/**
 * The matches as a `scored` CTE of narrow rows (id, site, sort keys, and free kW unless
 * `page`): the listing filters, then, over a window, the minimum free kW.
 *
 * The busiest day's kW is the costly part: it sorts the counted bookings of every listing it
 * is worked out for. Each listing carries a bound instead, `peak_booked_kw`, at least its
 * busiest day ever (raised by the capacity guard, lowered by the booking sweep). A
 * listing's free kW over any window lies between its capacity minus the bound (`lo`) and
 * its capacity, and is its capacity when the bound is 0:
 * - the free-kW filter passes a listing whose `lo` already leaves the minimum, and works out
 *   day by day only the rest;
 * - a sort by free kW needs the exact figure only of listings that could reach the page: the
 *   page's last row has at least the k-th best of the sure bounds (k = the rows up to the
 *   page's end), so a listing whose best case is worse than that cannot be on the page. It
 *   keeps `lo`, which orders it after them too.
 * The page's own rows get their exact free kW in `pageRows` when `page`.
 */
function scoredMatches(p: SearchParams, now: Date, exactness: Exactness) {
  const query = p.q ? sql`websearch_to_tsquery('english', ${p.q})` : null;
  const w: Window | null = p.from && p.to ? { from: p.from, to: p.to } : null;
  const { where, joinsSites } = conditions(p, query, now);
  const candidates = sql`with candidates as (
        select l.id, l.site_id, l.capacity_kw, l.price_cents_per_kw_month, l.published_at, l.peak_booked_kw,
               -- The miner's average rating, from the sum and count its reviews keep current.
               case when o.rating_count > 0 then o.rating_sum::numeric / o.rating_count end as rating,
               ${query ? sql`ts_rank(l.search_document, ${query})` : sql`0`} as rank
        from listings l
        ${joinsSites ? sql`join sites s on s.id = l.site_id` : sql``}
        join organizations o on o.id = l.organization_id
        where ${where}
      )`;
  const scored: { ctes: SQL; exact: boolean } = w
    ? windowScored(p, now, exactness, w)
    : { ctes: sql`scored as (select c.*, c.capacity_kw as free_kw from candidates c)`, exact: true };
  return { cte: sql`${candidates}, ${scored.ctes}`, window: w, exact: scored.exact };
}

/** The CTEs after `candidates` that make `scored` over a window, and whether it carries exact free kW. */
function windowScored(p: SearchParams, now: Date, exactness: Exactness, w: Window): { ctes: SQL; exact: boolean } {
  const minKw = p.minKw !== undefined ? sql`where free_kw >= ${p.minKw}` : sql``;
  if (exactness === "all") {
    return {
      ctes: sql`
        -- A listing whose bound is 0 has nothing booked: its free kW is its capacity.
        peaks as (${peaksOf(sql`select id from candidates where peak_booked_kw > 0`, w, now)}),
        scored as (
          select * from (select c.*, c.capacity_kw - coalesce(pk.peak, 0)::int as free_kw from candidates c left join peaks pk on pk.listing_id = c.id) x
          ${minKw}
        )`,
      exact: true,
    };
  }
  if (exactness === "page") {
    if (p.minKw === undefined) return { ctes: sql`scored as (select * from candidates)`, exact: false };
    return {
      ctes: sql`
        unsure as (${peaksOf(sql`select c.id from candidates c where c.capacity_kw - c.peak_booked_kw < ${p.minKw}`, w, now)}),
        scored as (
          select c.* from candidates c left join unsure u on u.listing_id = c.id
          where c.capacity_kw - coalesce(u.peak, 0) >= ${p.minKw}
        )`,
      exact: false,
    };
  }
  // "rank": the listings that may fail the free-kW filter or reach the page get their busiest day.
  const k = p.page * p.pageSize;
  const sure = p.minKw !== undefined ? sql`where lo >= ${p.minKw}` : sql``;
  const mayReachPage =
    p.sort === "-capacity"
      ? sql`capacity_kw >= coalesce((select lo from bounds ${sure} order by lo desc limit 1 offset ${k - 1}), 0)`
      : sql`lo <= coalesce((select capacity_kw from bounds ${sure} order by capacity_kw asc limit 1 offset ${k - 1}), 2147483647)`;
  // Fewer than k sure listings: the cut is missing and every listing may reach the page.
  const needsPeak = p.minKw !== undefined ? sql`(lo < ${p.minKw} or ${mayReachPage})` : mayReachPage;
  return {
    ctes: sql`
      bounds as (select c.*, c.capacity_kw - c.peak_booked_kw as lo from candidates c),
      needed as (select id from bounds where peak_booked_kw > 0 and ${needsPeak}),
      exact as (
        select n.id as listing_id, coalesce(pk.peak, 0) as peak
        from needed n left join (${peaksOf(sql`select id from needed`, w, now)}) pk on pk.listing_id = n.id
      ),
      scored as (
        select * from (
          select t.id, t.site_id, t.capacity_kw, t.price_cents_per_kw_month, t.published_at, t.rating, t.rank,
                 coalesce(t.capacity_kw - e.peak, t.lo)::int as free_kw
          from bounds t left join exact e on e.listing_id = t.id
        ) x ${minKw}
      )`,
    exact: true,
  };
}

/** The page's rows of `scored` with every column a result shows, numbered in the page's order (`ord`). */
function pageRows(p: SearchParams, now: Date, { window: w, exact }: ReturnType<typeof scoredMatches>): SQL {
  const order = orderBy(p, Boolean(w));
  // Without free kW for every match, the page's rows get theirs here (a page's worth of peaks).
  const pagePeaks = exact ? sql`` : sql`left join (${peaksOf(sql`select id from paged`, w!, now)}) pk on pk.listing_id = t.id`;
  const free = exact ? sql`t.free_kw` : sql`t.capacity_kw - coalesce(pk.peak, 0)::int`;
  return sql`paged as (select * from scored t order by ${order} limit ${p.pageSize} offset ${(p.page - 1) * p.pageSize}),
    page as (
      select row_number() over (order by ${order}) as ord, ${free} as free_kw, l.id, l.title, l.site_id, s.name as site_name, l.organization_id, o.name as organization_name, o.rating_sum, o.rating_count, s.country, s.region,
             s.latitude, s.longitude, l.cooling, l.capacity_kw, l.max_kw_per_rack, l.price_cents_per_kw_month,
             l.available_from, l.available_until, l.min_term_months, l.deposit_percent, l.interruptible,
             s.renewable_share, s.pue, s.redundancy, s.verified_at is not null as verified, l.published_at
      from paged t
      ${pagePeaks}
      join listings l on l.id = t.id
      join sites s on s.id = l.site_id
      join organizations o on o.id = l.organization_id
    )`;
}

/**
 * One statement: the total and the page. The total comes from its own one-row select, left
 * joined to the page's rows, so a page past the end still answers with the total.
 */
export async function searchListings(db: Executor, p: SearchParams, now = new Date()): Promise<SearchResult> {
  return (await search(db, p, now, false)).result;
}

/** The search page's data, also in one statement: the page of results and a map pin per matching site. */
export async function searchWithPins(db: Executor, p: SearchParams, now = new Date()): Promise<{ result: SearchResult; pins: SitePin[] }> {
  const { result, pins } = await search(db, p, now, true);
  return { result, pins: pins ?? [] };
}

async function search(db: Executor, p: SearchParams, now: Date, withPins: boolean) {
  // Pins are sized by every match's free kW; a sort by free kW needs it for the matches that may reach the page.
  const byFree = p.sort === "capacity" || p.sort === "-capacity";
  const matches = scoredMatches(p, now, withPins ? "all" : byFree ? "rank" : "page");
  // Pins aggregate every match per site (not only the page's) and travel as one JSON column
  // of the first row: [siteId, name, latitude, longitude, country, region, listings, free kW, lowest price].
  const pins = withPins
    ? sql`, (select coalesce(json_agg(json_build_array(s.id, s.name, s.latitude, s.longitude, s.country, s.region, m.listings, m.free_kw, m.min_price)), '[]')
          from (select site_id, count(*)::int as listings, sum(free_kw)::bigint as free_kw, min(price_cents_per_kw_month) as min_price from scored group by site_id) m
          join sites s on s.id = m.site_id) as pins`
    : sql``;
  const rows = await rawRows<Record<string, unknown>>(
    db,
    sql`${matches.cte}, ${pageRows(p, now, matches)}
      select n.*, page.* from (select count(*)::int as total${pins} from scored) n left join page on true order by page.ord`,
  );
  const hasWindow = matches.window !== null;
  const first = rows[0];
  const result: SearchResult = {
    items: rows.filter((r) => r.id !== null).map((r) => toItem(r, hasWindow)),
    total: Number(first?.total ?? 0),
    page: p.page,
    pageSize: p.pageSize,
  };
  return { result, pins: withPins ? (first?.pins as PinRow[]).map(toPin) : undefined };
}

const day = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v));

function toItem(r: Record<string, unknown>, hasWindow: boolean): SearchItem {
  return {
    id: String(r.id),
    title: String(r.title),
    siteId: String(r.site_id),
    siteName: String(r.site_name),
    organizationId: String(r.organization_id),
    organizationName: String(r.organization_name),
    rating: ratingOf(Number(r.rating_sum), Number(r.rating_count)),
    country: String(r.country),
    region: String(r.region),
    latitude: Number(r.latitude),
    longitude: Number(r.longitude),
    cooling: r.cooling as SearchItem["cooling"],
    capacityKw: Number(r.capacity_kw),
    maxKwPerRack: Number(r.max_kw_per_rack),
    priceCentsPerKwMonth: Number(r.price_cents_per_kw_month),
    availableFrom: day(r.available_from),
    availableUntil: day(r.available_until),
    minTermMonths: Number(r.min_term_months),
    depositPercent: Number(r.deposit_percent),
    interruptible: Boolean(r.interruptible),
    renewableShare: Number(r.renewable_share),
    pue: Number(r.pue),
    redundancy: r.redundancy as SearchItem["redundancy"],
    verified: Boolean(r.verified),
    publishedAt: r.published_at ? new Date(r.published_at as string).toISOString() : null,
    ...(hasWindow ? { freeKw: Number(r.free_kw) } : {}),
  };
}


export type SitePin = { siteId: string; siteName: string; latitude: number; longitude: number; country: string; region: string; listings: number; freeKw: number; minPriceCents: number };

type PinRow = [string, string, number | string, number | string, string, string, number, number | string, number];

function toPin([siteId, siteName, latitude, longitude, country, region, listings, freeKw, minPriceCents]: PinRow): SitePin {
  return { siteId, siteName, latitude: Number(latitude), longitude: Number(longitude), country, region, listings, freeKw: Number(freeKw), minPriceCents: Number(minPriceCents) };
}
