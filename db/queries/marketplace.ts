import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { listings, organizations, sites } from "@/db/schema";

/** What buyers can see: published listings of organizations in good standing. */
const visible = and(eq(listings.status, "published"), eq(organizations.status, "active"));

export type MarketplaceFigures = {
  mwListed: number;
  listings: number;
  sites: number;
  countries: number;
  medianPriceCents: number | null;
  renewableSharePercent: number | null;
};

/** The landing page's live figures, over published listings only. */
export async function getMarketplaceFigures(db: Executor): Promise<MarketplaceFigures> {
  const [row] = await db
    .select({
      kw: sql<number>`coalesce(sum(${listings.capacityKw}), 0)::bigint`,
      listings: sql<number>`count(*)::int`,
      sites: sql<number>`count(distinct ${sites.id})::int`,
      countries: sql<number>`count(distinct ${sites.country})::int`,
      medianPrice: sql<number | null>`percentile_cont(0.5) within group (order by ${listings.priceCentsPerKwMonth})`,
      renewable: sql<number | null>`sum(${sites.renewableShare} * ${listings.capacityKw})::float / nullif(sum(${listings.capacityKw}), 0)`,
    })
    .from(listings)
    .innerJoin(sites, eq(sites.id, listings.siteId))
    .innerJoin(organizations, eq(organizations.id, listings.organizationId))
    .where(visible);
  return {
    mwListed: Number(row?.kw ?? 0) / 1000,
    listings: Number(row?.listings ?? 0),
    sites: Number(row?.sites ?? 0),
    countries: Number(row?.countries ?? 0),
    medianPriceCents: row?.medianPrice == null ? null : Math.round(Number(row.medianPrice)),
    renewableSharePercent: row?.renewable == null ? null : Math.round(Number(row.renewable)),
  };
}

export type FeaturedListing = {
  id: string;
  title: string;
  siteName: string;
  country: string;
  region: string;
  capacityKw: number;
  cooling: "air" | "hydro" | "immersion" | "direct_liquid";
  maxKwPerRack: number;
  priceCentsPerKwMonth: number;
  renewableShare: number;
  pue: number;
  verified: boolean;
};

export async function getFeaturedListings(db: Executor, limit = 6): Promise<FeaturedListing[]> {
  const rows = await db
    .select({
      id: listings.id,
      title: listings.title,
      siteName: sites.name,
      country: sites.country,
      region: sites.region,
      capacityKw: listings.capacityKw,
      cooling: listings.cooling,
      maxKwPerRack: listings.maxKwPerRack,
      priceCentsPerKwMonth: listings.priceCentsPerKwMonth,
      renewableShare: sites.renewableShare,
      pue: sites.pue,
      verifiedAt: sites.verifiedAt,
    })
    .from(listings)
    .innerJoin(sites, eq(sites.id, listings.siteId))
    .innerJoin(organizations, eq(organizations.id, listings.organizationId))
    .where(visible)
    .orderBy(desc(listings.publishedAt), desc(listings.id))
    .limit(limit);
  return rows.map(({ verifiedAt, ...row }) => ({ ...row, verified: verifiedAt !== null }));
}
