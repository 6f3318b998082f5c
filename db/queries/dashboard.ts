import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { bookings, listings, organizations, sites } from "@/db/schema";
import { assertCanReadOrg, assertRole, type Actor } from "@/lib/auth/policy";
import { pendingReviewCount } from "./moderation";
import { openReportsCount } from "./reports";

type Counts = Record<string, number>;

function toCounts(rows: { key: string; n: number }[]): Counts {
  return Object.fromEntries(rows.map((r) => [r.key, Number(r.n)]));
}

/** A miner organization's sites and its listings by status. */
export async function getMinerOverview(db: Executor, actor: Actor, organizationId: string) {
  assertRole(actor, "miner", "admin");
  assertCanReadOrg(actor, organizationId, "That organization");
  const [siteRow] = await db
    .select({ n: sql<number>`count(*)::int`, kw: sql<number>`coalesce(sum(${sites.energizedKw}), 0)::int` })
    .from(sites)
    .where(eq(sites.organizationId, organizationId));
  const listingRows = await db
    .select({ key: listings.status, n: sql<number>`count(*)::int` })
    .from(listings)
    .where(eq(listings.organizationId, organizationId))
    .groupBy(listings.status);
  const requestRows = await db
    .select({ key: bookings.status, n: sql<number>`count(*)::int` })
    .from(bookings)
    .innerJoin(listings, eq(listings.id, bookings.listingId))
    .where(eq(listings.organizationId, organizationId))
    .groupBy(bookings.status);
  return {
    sites: Number(siteRow?.n ?? 0),
    energizedKw: Number(siteRow?.kw ?? 0),
    listings: toCounts(listingRows),
    bookings: toCounts(requestRows),
  };
}

/** A buyer organization's bookings by status. */
export async function getBuyerOverview(db: Executor, actor: Actor, organizationId: string) {
  assertRole(actor, "buyer", "admin");
  assertCanReadOrg(actor, organizationId, "That organization");
  const rows = await db
    .select({ key: bookings.status, n: sql<number>`count(*)::int`, kw: sql<number>`sum(${bookings.kw})::int` })
    .from(bookings)
    .where(eq(bookings.buyerOrganizationId, organizationId))
    .groupBy(bookings.status);
  return { bookings: toCounts(rows) };
}

/** The marketplace at a glance, for admins. */
export async function getAdminOverview(db: Executor, actor: Actor) {
  assertRole(actor, "admin");
  const [row] = await db
    .select({
      pendingReview: pendingReviewCount,
      openReports: openReportsCount,
      miners: sql<number>`(select count(*) from ${organizations} where ${organizations.kind} = 'miner')::int`,
      buyers: sql<number>`(select count(*) from ${organizations} where ${organizations.kind} = 'buyer')::int`,
      suspended: sql<number>`(select count(*) from ${organizations} where ${organizations.status} = 'suspended')::int`,
      unverifiedSites: sql<number>`(select count(*) from ${sites} where ${sites.verifiedAt} is null)::int`,
    })
    .from(sql`(select 1) as one`);
  return {
    pendingReview: Number(row?.pendingReview ?? 0),
    openReports: Number(row?.openReports ?? 0),
    miners: Number(row?.miners ?? 0),
    buyers: Number(row?.buyers ?? 0),
    suspended: Number(row?.suspended ?? 0),
    unverifiedSites: Number(row?.unverifiedSites ?? 0),
  };
}

