// Fills a migrated, empty database with a large synthetic marketplace for the search bench,
// entirely in SQL (insert … select generate_series) so 200,000 bookings load in seconds.
// The same shape each run: setseed() fixes random() for the one session that does all the
// inserts (ids are still fresh UUIDs, so which listing gets which bookings varies).
import postgres from "postgres";

export type LargeSeedOptions = { listings: number; bookings: number; sites: number; miners: number; buyers: number };

export type LargeSeedSummary = LargeSeedOptions & {
  published: number;
  countedBookings: number;
  expiredHolds: number;
  /** Listings whose counted kW exceeds capacity on some day; the generator aims for none. */
  overbookedListings: number;
  seconds: number;
};

// Where the synthetic sites are: [country, region, latitude, longitude] (jittered per site).
const PLACES: [string, string, number, number][] = [
  ["US", "Texas", 31.5, -99.3],
  ["US", "Washington", 47.4, -120.5],
  ["US", "New York", 43.0, -75.5],
  ["US", "Wyoming", 43.0, -107.5],
  ["CA", "Quebec", 52.0, -72.0],
  ["CA", "Alberta", 54.5, -115.0],
  ["CA", "Manitoba", 55.0, -97.0],
  ["NO", "Nordland", 67.0, 14.5],
  ["NO", "Finnmark", 70.0, 25.0],
  ["IS", "Reykjanes", 63.9, -22.4],
  ["SE", "Norrbotten", 66.5, 20.5],
  ["FI", "Lapland", 67.5, 26.0],
  ["PY", "Alto Parana", -25.5, -54.8],
  ["BR", "Parana", -24.5, -51.5],
  ["AR", "Neuquen", -38.9, -69.5],
  ["KZ", "Ekibastuz", 51.7, 75.3],
  ["ET", "Oromia", 8.5, 39.5],
  ["AE", "Abu Dhabi", 24.0, 54.0],
];

const placesSql = PLACES.map(([country, region, lat, lon], i) => `(${i}, '${country}', '${region}', ${lat}, ${lon})`).join(", ");

export async function seedLarge(url: string, o: LargeSeedOptions): Promise<LargeSeedSummary> {
  const started = performance.now();
  // One connection: setseed() and session_replication_role are per session.
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await sql`select setseed(0.42)`;
    await sql`
      insert into organizations (name, slug, kind, status, country, suspended_at)
      select 'Bench Miner ' || g, 'bench-miner-' || g, 'miner',
             (case when g % 60 = 0 then 'suspended' else 'active' end)::organization_status,
             'US', case when g % 60 = 0 then now() end
      from generate_series(1, ${o.miners}) g`;
    await sql`
      insert into organizations (name, slug, kind, country)
      select 'Bench AI Team ' || g, 'bench-buyer-' || g, 'buyer', 'US' from generate_series(1, ${o.buyers}) g`;
    await sql.unsafe(SITES_SQL, [o.sites, PLACES.length]);
    // The listings trigger builds each row's full-text document from its site.
    await sql.unsafe(LISTINGS_SQL, [o.listings]);
    await sql`create temporary table bench_listings as
      select id, capacity_kw, available_from, available_until, price_cents_per_kw_month, deposit_percent,
             row_number() over (order by id) as n
      from listings`;
    await sql`create temporary table bench_buyers as
      select id, row_number() over (order by id) as n from organizations where kind = 'buyer'`;
    // The capacity guard (a per-row trigger) would re-check every one of 200,000 rows; the
    // generator keeps each listing under its capacity by construction, and the count of
    // overbooked listings below checks it. Replica mode skips user and FK triggers here.
    await sql`set session_replication_role = replica`;
    await sql.unsafe(BOOKINGS_SQL, [o.bookings]);
    await sql`set session_replication_role = origin`;
    // The guard keeps each listing's busiest-day bound as bookings arrive; here, set it once.
    // A live marketplace's listings are not all rewritten at once: compact them again.
    await sql`select raise_listing_peak_bounds()`;
    await sql`vacuum full listings`;
    const [counts] = await sql<{ published: number; counted: number; expired_holds: number }[]>`
      select (select count(*)::int from listings where status = 'published') as published,
             (select count(*)::int from bookings where status in ('awaiting_provider', 'confirmed', 'active')
                or (status = 'pending_deposit' and expires_at > now())) as counted,
             (select count(*)::int from bookings where status = 'pending_deposit' and expires_at <= now()) as expired_holds`;
    const [over] = await sql.unsafe<{ n: number }[]>(OVERBOOKED_SQL);
    // A live marketplace is autovacuumed: set the visibility map so index-only scans work as they would there.
    await sql`vacuum analyze`;
    return {
      ...o,
      published: counts!.published,
      countedBookings: counts!.counted,
      expiredHolds: counts!.expired_holds,
      overbookedListings: over!.n,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await sql.end({ timeout: 5 });
  }
}

const SITES_SQL = `
    with places(i, country, region, lat, lon) as (values ${placesSql}),
    miners as (select id, row_number() over (order by slug) - 1 as n, count(*) over () as total from organizations where kind = 'miner'),
    v as (
      select g, random() r1, random() r2, random() r3, random() r4, random() r5, random() r6
      from generate_series(1, $1::int) g
    ),
    mix as (select v.*, (r1 * 101)::int % 101 as renewable from v)
    insert into sites (organization_id, name, country, region, latitude, longitude, energized_kw,
      interconnection_status, share_hydro, share_wind, share_solar, share_gas, share_grid, cooling_types,
      pue, redundancy, uplink_gbps, fiber_carriers, description, verified_at)
    select m.id, p.region || ' Site ' || mix.g, p.country, p.region,
           p.lat + (mix.r2 - 0.5) * 4, p.lon + (mix.r3 - 0.5) * 6,
           5000 + (mix.r4 * 295000)::int, 'energized',
           mix.renewable / 2, mix.renewable / 4, mix.renewable - mix.renewable / 2 - mix.renewable / 4,
           (100 - mix.renewable) / 2, 100 - mix.renewable - (100 - mix.renewable) / 2,
           array['air', 'hydro', 'immersion', 'direct_liquid']::cooling_type[],
           round((1.05 + mix.r5 * 0.5)::numeric, 2),
           (array['N', 'N+1', '2N'])[1 + mix.g % 3]::redundancy,
           (array[10, 40, 100, 400])[1 + mix.g % 4], 1 + mix.g % 4,
           'Former bitcoin mine in ' || p.region || ' with ' ||
             (array['hydro power and river cooling', 'stranded wind and gas', 'cold climate free air cooling',
                    'immersion tanks ready for GPUs', 'direct liquid cooling loops'])[1 + mix.g % 5] || '.',
           case when mix.r6 < 0.5 then now() end
    from mix
    join miners m on m.n = mix.g % m.total
    join places p on p.i = mix.g % $2::int`;

const LISTINGS_SQL = `
    with s as (select id, organization_id, name, row_number() over (order by id) - 1 as n, count(*) over () as total from sites),
    v as (
      select g, random() r1, random() r2, random() r3, random() r4, random() r5, random() r6, random() r7, random() r8
      from generate_series(1, $1::int) g
    ),
    shaped as (
      select v.*, s.id as site_id, s.organization_id, s.name as site_name,
             (array['air', 'hydro', 'immersion', 'direct_liquid'])[1 + v.g % 4]::cooling_type as cooling,
             500 + floor(power(v.r1, 2) * 49500)::int as capacity_kw,
             (array[10, 15, 20, 30, 40, 50, 80, 100, 130])[1 + floor(v.r2 * 9)::int] as density,
             current_date + ((v.r5 * 720)::int - 480) as available_from,
             (array['draft', 'pending_review', 'published', 'rejected', 'paused', 'archived'])[
               case when v.r7 < 0.88 then 3 when v.r7 < 0.92 then 5 when v.r7 < 0.95 then 1
                    when v.r7 < 0.97 then 2 when v.r7 < 0.985 then 6 else 4 end]::listing_status as status
      from v join s on s.n = v.g % s.total
    )
    insert into listings (site_id, organization_id, title, capacity_kw, cooling, max_kw_per_rack, rack_count,
      price_cents_per_kw_month, min_term_months, available_from, available_until, deposit_percent, interruptible,
      description, status, rejection_reason, submitted_at, reviewed_at, published_at)
    select site_id, organization_id,
           initcap(replace(cooling::text, '_', ' ')) || ' capacity, ' || round(capacity_kw / 1000.0, 1) || ' MW at ' || site_name,
           capacity_kw, cooling, density, ceil(capacity_kw::numeric / density)::int,
           6000 + (r3 * 12000)::int,
           (array[1, 3, 6, 12, 12, 24, 36])[1 + floor(r4 * 7)::int],
           available_from, (available_from + make_interval(months => 12 + floor(r6 * 61)::int))::date,
           (array[10, 15, 20, 25, 30])[1 + g % 5], g % 7 = 0,
           'Capacity for AI training and inference: ' ||
             (array['H100 and H200 clusters', 'GB200 racks', 'inference fleets', 'renewable training runs'])[1 + g % 4] || '.',
           status, case when status = 'rejected' then 'Photos do not match the site.' end,
           case when status <> 'draft' then now() - interval '30 days' end,
           case when status not in ('draft', 'pending_review') then now() - interval '29 days' end,
           case when status in ('published', 'paused', 'archived') then now() - (r8 * 400) * interval '1 day' end
    from shaped`;

// Each listing gets bookings/listings bookings of 0.5–4 % of its capacity, so even if all
// overlap one day the counted kW stays under capacity; each booking lies in its listing's window.
const BOOKINGS_SQL = `
    with lc as (select count(*) as n from bench_listings), bc as (select count(*) as n from bench_buyers),
    v as (
      select g, random() r1, random() r2, random() r3, random() r4, random() r5
      from generate_series(1, $1::int) g
    ),
    shaped as (
      select v.*, l.id as listing_id, b.id as buyer_id, l.capacity_kw, l.price_cents_per_kw_month, l.deposit_percent,
             l.available_from, l.available_until - l.available_from as window_days,
             least(l.available_until - l.available_from, 30 + floor(v.r1 * 700)::int) as duration,
             greatest(1, floor(l.capacity_kw * (0.005 + v.r3 * 0.035))::int) as kw,
             (case when v.r4 < 0.04 then 'pending_deposit' when v.r4 < 0.08 then 'pending_deposit'
                   when v.r4 < 0.15 then 'awaiting_provider' when v.r4 < 0.40 then 'confirmed'
                   when v.r4 < 0.65 then 'active' when v.r4 < 0.75 then 'completed'
                   when v.r4 < 0.83 then 'expired' when v.r4 < 0.88 then 'declined'
                   when v.r4 < 0.97 then 'cancelled' else 'refunded' end)::booking_status as status,
             now() - (v.r5 * 400) * interval '1 day' as created_at
      from v cross join lc cross join bc
      join bench_listings l on l.n = 1 + v.g % lc.n
      join bench_buyers b on b.n = 1 + v.g % bc.n
    ),
    dated as (
      select shaped.*, available_from + floor(r2 * (window_days - duration))::int as start_date,
             kw::bigint * price_cents_per_kw_month * ceil(duration / 30.0)::bigint as total_cents
      from shaped
    )
    insert into bookings (listing_id, buyer_organization_id, kw, start_date, end_date, status, price_cents_per_kw_month,
      deposit_percent, total_cents, deposit_cents, platform_fee_bps, expires_at, respond_by, created_at, updated_at)
    select listing_id, buyer_id, kw, start_date, start_date + duration, status, price_cents_per_kw_month,
           deposit_percent, total_cents, total_cents * deposit_percent / 100, 800,
           -- Half of the holds expired an hour ago (they must no longer count), half expire in 20 minutes.
           case when status <> 'pending_deposit' then created_at + interval '30 minutes'
                when r4 < 0.04 then now() - interval '1 hour' else now() + interval '20 minutes' end,
           case when status = 'awaiting_provider' then now() + interval '2 days' end,
           created_at, created_at
    from dated`;

// The most-booked day of each listing by a running sum of start/end deltas, as search computes it.
const OVERBOOKED_SQL = `
  with counted as (
    select listing_id, start_date as d, kw as delta from bookings
      where status in ('awaiting_provider', 'confirmed', 'active') or (status = 'pending_deposit' and expires_at > now())
    union all
    select listing_id, end_date, -kw from bookings
      where status in ('awaiting_provider', 'confirmed', 'active') or (status = 'pending_deposit' and expires_at > now())
  ),
  days as (select listing_id, d, sum(delta) as delta from counted group by listing_id, d),
  peaks as (
    select listing_id, max(running) as peak
    from (select listing_id, sum(delta) over (partition by listing_id order by d) as running from days) r
    group by listing_id
  )
  select count(*)::int as n from peaks join listings l on l.id = peaks.listing_id where peaks.peak > l.capacity_kw`;
