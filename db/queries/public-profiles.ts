// What anyone may see of a miner and its sites: a site while one of its listings is
// published, and a miner organization while it is active and has such a site. Private
// fields (drafts, bookings, members) never leave the owners' own queries.
import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { rawRows, type Executor } from "@/db";
import { bookings, listings, organizations, sites } from "@/db/schema";
import { availabilitySpans, freeKwOver } from "@/lib/domain/availability";
import { addMonths, todayUtc } from "@/lib/domain/days";
import { isUuid } from "@/lib/ids";
import { countingBookings } from "./listings";
import { getPublicSite, type SiteView } from "./sites";

/** How many months ahead a public site shows each listing's free kW. */
export const OUTLOOK_MONTHS = 6;

export type PublicListing = {
  id: string;
  title: string;
  siteId: string;
  cooling: (typeof listings.$inferSelect)["cooling"];
  capacityKw: number;
  maxKwPerRack: number;
  priceCentsPerKwMonth: number;
  minTermMonths: number;
  availableFrom: string;
  availableUntil: string;
  interruptible: boolean;
};

export type MonthOutlook = { month: string; freeKw: number | null };

const publicListingColumns = {
  id: listings.id,
  title: listings.title,
  siteId: listings.siteId,
  cooling: listings.cooling,
  capacityKw: listings.capacityKw,
  maxKwPerRack: listings.maxKwPerRack,
  priceCentsPerKwMonth: listings.priceCentsPerKwMonth,
  minTermMonths: listings.minTermMonths,
  availableFrom: listings.availableFrom,
  availableUntil: listings.availableUntil,
  interruptible: listings.interruptible,
};

/** The first day of each of the next months, this one included. */
function outlookMonths(today: string): string[] {
  const first = `${today.slice(0, 7)}-01`;
  return Array.from({ length: OUTLOOK_MONTHS }, (_, i) => addMonths(first, i));
}

/**
 * Free kW of each listing in each coming month (the least free on any day of it); null for
 * a month outside the listing's window. One statement for all the listings' bookings.
 */
async function outlookFor(db: Executor, rows: PublicListing[], now: Date): Promise<Map<string, MonthOutlook[]>> {
  const today = todayUtc(now);
  const months = outlookMonths(today);
  const horizon = addMonths(months[0]!, OUTLOOK_MONTHS);
  const holds = rows.length
    ? await db
        .select({ listingId: bookings.listingId, start: bookings.startDate, end: bookings.endDate, kw: bookings.kw })
        .from(bookings)
        .where(
          and(
            inArray(bookings.listingId, rows.map((r) => r.id)),
            countingBookings(now),
            sql`${bookings.startDate} < ${horizon} and ${bookings.endDate} > ${today}`,
          ),
        )
    : [];
  const result = new Map<string, MonthOutlook[]>();
  for (const listing of rows) {
    const own = holds.filter((h) => h.listingId === listing.id);
    const spans = availabilitySpans(listing.capacityKw, listing.availableFrom, listing.availableUntil, own);
    result.set(
      listing.id,
      months.map((month, i) => {
        const from = month < today ? today : month;
        const to = i + 1 < months.length ? months[i + 1]! : horizon;
        if (to <= listing.availableFrom || from >= listing.availableUntil) return { month, freeKw: null };
        const start = from < listing.availableFrom ? listing.availableFrom : from;
        const end = to > listing.availableUntil ? listing.availableUntil : to;
        return { month, freeKw: freeKwOver(spans, start, end) };
      }),
    );
  }
  return result;
}

export type PublicSitePage = {
  site: SiteView;
  organization: { id: string; name: string };
  listings: (PublicListing & { outlook: MonthOutlook[] })[];
};

/** A site page for anyone, or null when the site is not public (no published listing, or its organization is suspended). */
export async function getPublicSitePage(db: Executor, siteId: string, now = new Date()): Promise<PublicSitePage | null> {
  if (!isUuid(siteId)) return null;
  const site = await getPublicSite(db, siteId);
  if (!site) return null;
  const [organization] = await db
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(eq(organizations.id, site.organizationId));
  const rows = await db
    .select(publicListingColumns)
    .from(listings)
    .where(and(eq(listings.siteId, siteId), eq(listings.status, "published")))
    .orderBy(asc(listings.priceCentsPerKwMonth));
  const outlook = await outlookFor(db, rows, now);
  return { site, organization: organization!, listings: rows.map((row) => ({ ...row, outlook: outlook.get(row.id)! })) };
}

export type MinerStats = {
  /** kW × months delivered (active and completed bookings, up to today), in MW-months. */
  hostedMwMonths: number;
  /** Booking requests (deposit authorized) the miner has answered, of all that were due. */
  requests: number;
  answered: number;
  /** Share answered, 0–1; null before the first request. */
  answerRate: number | null;
  /** Median time from a paid request to the miner's answer, in hours; null before the first answer. */
  medianAnswerHours: number | null;
};

export type MinerProfile = {
  id: string;
  name: string;
  country: string | null;
  website: string | null;
  memberSince: Date;
  sites: { id: string; name: string; country: string; region: string; latitude: number; longitude: number; energizedMw: number; verifiedAt: Date | null }[];
  listings: PublicListing[];
  stats: MinerStats;
};

/**
 * Delivered capacity and responsiveness, from the bookings and their recorded transitions.
 * A request is one that reached awaiting_provider; it is answered when the miner accepted
 * or declined it (not when it lapsed or the buyer withdrew).
 */
async function minerStats(db: Executor, organizationId: string, today: string): Promise<MinerStats> {
  const [row] = await rawRows<{ hosted_kw_days: string | null; requests: number; answered: number; median_hours: number | null }>(
    db,
    sql`
      with own as (
        select b.id, b.kw, b.start_date, b.end_date, b.status
        from bookings b join listings l on l.id = b.listing_id
        where l.organization_id = ${organizationId}
      ),
      requested as (
        select o.id, min(t.created_at) as at
        from own o join booking_transitions t on t.booking_id = o.id and t.to_status = 'awaiting_provider'
        group by o.id
      ),
      answers as (
        select r.id, min(t.created_at) - r.at as took
        from requested r join booking_transitions t
          on t.booking_id = r.id and t.from_status = 'awaiting_provider' and t.to_status in ('confirmed', 'declined') and t.actor_kind = 'user'
        group by r.id, r.at
      )
      select
        (select sum(o.kw::bigint * greatest(0, least(o.end_date, ${today}::date) - o.start_date))
           from own o where o.status in ('active', 'completed')) as hosted_kw_days,
        (select count(*)::int from requested) as requests,
        (select count(*)::int from answers) as answered,
        (select percentile_cont(0.5) within group (order by extract(epoch from took) / 3600) from answers) as median_hours`,
  );
  const requests = Number(row?.requests ?? 0);
  const answered = Number(row?.answered ?? 0);
  return {
    // 30.44 days a month on average; MW-months to one decimal.
    hostedMwMonths: Math.round(Number(row?.hosted_kw_days ?? 0) / 30.44 / 100) / 10,
    requests,
    answered,
    answerRate: requests ? answered / requests : null,
    medianAnswerHours: row?.median_hours === null || row?.median_hours === undefined ? null : Number(row.median_hours),
  };
}

/** A miner organization's public profile, or null unless it is an active miner with a public site. */
export async function getMinerProfile(db: Executor, organizationId: string, now = new Date()): Promise<MinerProfile | null> {
  if (!isUuid(organizationId)) return null;
  const [org] = await db
    .select({ id: organizations.id, name: organizations.name, country: organizations.country, website: organizations.website, createdAt: organizations.createdAt })
    .from(organizations)
    .where(and(eq(organizations.id, organizationId), eq(organizations.kind, "miner"), eq(organizations.status, "active")));
  if (!org) return null;
  const published = await db
    .select(publicListingColumns)
    .from(listings)
    .where(and(eq(listings.organizationId, organizationId), eq(listings.status, "published")))
    .orderBy(asc(listings.priceCentsPerKwMonth));
  if (published.length === 0) return null;
  const siteRows = await db
    .select({
      id: sites.id,
      name: sites.name,
      country: sites.country,
      region: sites.region,
      latitude: sites.latitude,
      longitude: sites.longitude,
      energizedKw: sites.energizedKw,
      verifiedAt: sites.verifiedAt,
    })
    .from(sites)
    .where(inArray(sites.id, [...new Set(published.map((l) => l.siteId))]))
    .orderBy(asc(sites.name));
  const stats = await minerStats(db, organizationId, todayUtc(now));
  return {
    id: org.id,
    name: org.name,
    country: org.country,
    website: org.website,
    memberSince: org.createdAt,
    sites: siteRows.map(({ energizedKw, ...site }) => ({ ...site, energizedMw: energizedKw / 1000 })),
    listings: published,
    stats,
  };
}
