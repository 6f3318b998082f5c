// The miner dashboard's figures: occupancy per listing, requests awaiting an answer, and
// revenue by month, all scoped to one miner organization.
import "server-only";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { rawRows, type Executor } from "@/db";
import { bookings, listings, organizations } from "@/db/schema";
import { assertCanReadOrg, assertRole, type Actor } from "@/lib/auth/policy";

function authorize(actor: Actor, organizationId: string) {
  assertRole(actor, "miner", "admin");
  assertCanReadOrg(actor, organizationId, "That organization");
}

/** A chart stays readable, and its payload small, with at most this many points. */
export const MAX_CHART_POINTS = 120;

/**
 * Days per chart point for a window of `windowDays`: single days up to MAX_CHART_POINTS,
 * then whole weeks (two, three … when even weeks would exceed the limit).
 */
export function bucketDaysFor(windowDays: number): number {
  if (windowDays <= MAX_CHART_POINTS) return 1;
  return 7 * Math.ceil(windowDays / (7 * MAX_CHART_POINTS));
}

const DAY_MS = 86_400_000;
const daysBetween = (from: string, until: string) => Math.round((Date.parse(until) - Date.parse(from)) / DAY_MS);

export type OccupancyPoint = { day: string; pendingKw: number; awaitingKw: number; confirmedKw: number; activeKw: number };
export type ListingOccupancy = {
  listingId: string;
  title: string;
  status: "draft" | "pending_review" | "published" | "paused" | "rejected" | "archived";
  capacityKw: number;
  availableFrom: string;
  availableUntil: string;
  /** 1 when each point is a day; otherwise each point is the busiest day of `bucketDays` days starting at `day`. */
  bucketDays: number;
  days: OccupancyPoint[];
};

type SeriesRow = {
  listing_id: string;
  day: string;
  pending_kw: number;
  awaiting_kw: number;
  confirmed_kw: number;
  active_kw: number;
};

/**
 * Booked kW per day by booking state over each listing's window [availableFrom, availableUntil),
 * most recently published first. Counts exactly what the capacity rule counts: an expired hold
 * never does, even while its status still says pending_deposit.
 *
 * Long windows are bucketed (see bucketDaysFor), and a bucket shows the state breakdown of its
 * busiest day. Taking each state's maximum separately would stack maxima from different days
 * into a peak that never happened, and could even draw a bucket above capacity.
 */
export async function getListingOccupancy(
  db: Executor,
  actor: Actor,
  organizationId: string,
  options: { includeUnpublished?: boolean; limit?: number } = {},
): Promise<ListingOccupancy[]> {
  authorize(actor, organizationId);
  const statuses = options.includeUnpublished
    ? (["published", "paused", "pending_review", "draft"] as const)
    : (["published", "paused"] as const);
  const query = db
    .select({
      listingId: listings.id,
      title: listings.title,
      status: listings.status,
      capacityKw: listings.capacityKw,
      availableFrom: listings.availableFrom,
      availableUntil: listings.availableUntil,
    })
    .from(listings)
    .where(and(eq(listings.organizationId, organizationId), inArray(listings.status, [...statuses])))
    .orderBy(sql`${listings.publishedAt} desc nulls last`, desc(listings.createdAt), asc(listings.id));
  const windows = options.limit === undefined ? await query : await query.limit(options.limit);
  if (windows.length === 0) return [];

  const withBuckets = windows.map((w) => ({ ...w, bucketDays: bucketDaysFor(daysBetween(w.availableFrom, w.availableUntil)) }));
  const rows = await rawRows<SeriesRow>(db, occupancySeries(withBuckets));
  const byListing = new Map<string, OccupancyPoint[]>(withBuckets.map((w) => [w.listingId, []]));
  for (const r of rows) {
    byListing.get(r.listing_id)?.push({
      day: r.day,
      pendingKw: Number(r.pending_kw),
      awaitingKw: Number(r.awaiting_kw),
      confirmedKw: Number(r.confirmed_kw),
      activeKw: Number(r.active_kw),
    });
  }
  return withBuckets.map((w) => ({ ...w, days: byListing.get(w.listingId) ?? [] }));
}

/**
 * A sweep over each window: every held booking adds its kW on its first day inside the window and
 * removes it on its end day, and a running sum turns those changes into daily totals. That costs
 * days + bookings per listing, where joining every day with every overlapping booking costs their
 * product, which grows quickly for multi-year windows with many bookings.
 */
function occupancySeries(windows: { listingId: string; bucketDays: number }[]) {
  const values = sql.join(
    windows.map((w) => sql`(${w.listingId}::uuid, ${w.bucketDays}::int)`),
    sql`, `,
  );
  return sql`
    with wanted (listing_id, bucket_days) as (values ${values}),
    win as (
      select l.id, l.available_from, l.available_until, wanted.bucket_days
      from listings l join wanted on wanted.listing_id = l.id
    ),
    held as (
      select b.listing_id, b.status, b.kw,
        greatest(b.start_date, win.available_from) as first_day,
        least(b.end_date, win.available_until) as end_day
      from bookings b join win on win.id = b.listing_id
      where (b.status in ('awaiting_provider', 'confirmed', 'active')
             or (b.status = 'pending_deposit' and b.expires_at > now()))
        and b.start_date < win.available_until and b.end_date > win.available_from
    ),
    changes as (
      select listing_id, day,
        sum(kw) filter (where status = 'pending_deposit') as pending,
        sum(kw) filter (where status = 'awaiting_provider') as awaiting,
        sum(kw) filter (where status = 'confirmed') as confirmed,
        sum(kw) filter (where status = 'active') as active
      from (
        select listing_id, status, first_day as day, kw from held
        union all
        select listing_id, status, end_day as day, -kw from held
      ) edges
      group by listing_id, day
    ),
    daily as (
      select win.id as listing_id, d.day,
        win.available_from + ((d.day - win.available_from) / win.bucket_days) * win.bucket_days as bucket_start,
        coalesce(sum(c.pending) over running, 0)::int as pending_kw,
        coalesce(sum(c.awaiting) over running, 0)::int as awaiting_kw,
        coalesce(sum(c.confirmed) over running, 0)::int as confirmed_kw,
        coalesce(sum(c.active) over running, 0)::int as active_kw
      from win
      cross join lateral (
        select win.available_from + i as day
        from generate_series(0, win.available_until - win.available_from - 1) as i
      ) d
      left join changes c on c.listing_id = win.id and c.day = d.day
      window running as (partition by win.id order by d.day)
    )
    select distinct on (listing_id, bucket_start)
      listing_id, to_char(bucket_start, 'YYYY-MM-DD') as day, pending_kw, awaiting_kw, confirmed_kw, active_kw
    from daily
    order by listing_id, bucket_start, pending_kw + awaiting_kw + confirmed_kw + active_kw desc, day`;
}

export type PendingRequest = {
  id: string;
  listingId: string;
  listingTitle: string;
  buyerOrganizationName: string;
  kw: number;
  startDate: string;
  endDate: string;
  depositCents: number;
  totalCents: number;
  respondBy: Date | null;
  createdAt: Date;
};

/** Requests whose deposit is authorized and that wait for the miner's answer, nearest deadline first. */
export async function getPendingRequests(db: Executor, actor: Actor, organizationId: string): Promise<PendingRequest[]> {
  authorize(actor, organizationId);
  return db
    .select({
      id: bookings.id,
      listingId: listings.id,
      listingTitle: listings.title,
      buyerOrganizationName: organizations.name,
      kw: bookings.kw,
      startDate: bookings.startDate,
      endDate: bookings.endDate,
      depositCents: bookings.depositCents,
      totalCents: bookings.totalCents,
      respondBy: bookings.respondBy,
      createdAt: bookings.createdAt,
    })
    .from(bookings)
    .innerJoin(listings, eq(listings.id, bookings.listingId))
    .innerJoin(organizations, eq(organizations.id, bookings.buyerOrganizationId))
    .where(and(eq(listings.organizationId, organizationId), eq(bookings.status, "awaiting_provider")))
    .orderBy(sql`${bookings.respondBy} asc nulls last`, asc(bookings.createdAt), asc(bookings.id));
}

export type RevenueMonth = { month: string; bookedCents: number; depositsCapturedCents: number; minerShareCents: number };

/** Sums arrive as bigint text; a figure past 2^53 would silently lose cents, so refuse it instead. */
function cents(value: unknown): number {
  const n = Number(value ?? 0);
  if (!Number.isSafeInteger(n)) throw new Error(`revenue sum out of range: ${String(value)}`);
  return n;
}

/**
 * The last `months` calendar months in UTC, the current one included, oldest first and
 * zero-filled. Booked: the total of bookings created that month that are awaiting the miner,
 * confirmed, active or completed now (declined, cancelled and refunded ones earned nothing).
 * Deposits captured and the miner's share come from the ledger, by the entry's month; the ledger
 * is signed from the platform's side, so the miner's share is negated to read as earned.
 */
export async function getRevenueByMonth(db: Executor, actor: Actor, organizationId: string, months = 12): Promise<RevenueMonth[]> {
  authorize(actor, organizationId);
  const span = Math.min(Math.max(Math.trunc(months) || 1, 1), 120);
  const rows = await rawRows<{ month: string; booked: string; captured: string; miner_share: string }>(
    db,
    sql`
      with calendar as (
        select (date_trunc('month', now() at time zone 'UTC') - make_interval(months => i))::date as month
        from generate_series(0, ${span}::int - 1) as i
      ),
      booked as (
        select date_trunc('month', b.created_at at time zone 'UTC')::date as month, sum(b.total_cents) as cents
        from bookings b join listings l on l.id = b.listing_id
        where l.organization_id = ${organizationId}
          and b.status in ('awaiting_provider', 'confirmed', 'active', 'completed')
          and b.created_at >= (select min(month)::timestamp at time zone 'UTC' from calendar)
        group by 1
      ),
      ledger as (
        select date_trunc('month', e.created_at at time zone 'UTC')::date as month,
          sum(e.amount_cents) filter (where e.type = 'deposit_captured') as captured,
          -sum(e.amount_cents) filter (where e.type = 'miner_share') as miner_share
        from ledger_entries e
        join bookings b on b.id = e.booking_id
        join listings l on l.id = b.listing_id
        where l.organization_id = ${organizationId}
          and e.type in ('deposit_captured', 'miner_share')
          and e.created_at >= (select min(month)::timestamp at time zone 'UTC' from calendar)
        group by 1
      )
      select to_char(calendar.month, 'YYYY-MM') as month,
        coalesce(booked.cents, 0)::bigint::text as booked,
        coalesce(ledger.captured, 0)::bigint::text as captured,
        coalesce(ledger.miner_share, 0)::bigint::text as miner_share
      from calendar
      left join booked on booked.month = calendar.month
      left join ledger on ledger.month = calendar.month
      order by calendar.month`,
  );
  return rows.map((r) => ({
    month: r.month,
    bookedCents: cents(r.booked),
    depositsCapturedCents: cents(r.captured),
    minerShareCents: cents(r.miner_share),
  }));
}
