// What an admin needs to decide on a site's verified badge: the facts the badge vouches for
// (power and cooling) and the evidence uploaded for them. Unverified sites come first,
// those with evidence to review before those without, the longest-waiting first.
import { isUuid } from "@/lib/ids";
import "server-only";
import { and, asc, eq, ilike, isNotNull, isNull, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { organizations, siteDocuments, sites, users } from "@/db/schema";
import { assertRole, type Actor } from "@/lib/auth/policy";
import { listDocumentsForSites, type SiteDocument } from "./site-documents";

export type ReviewFilter = { show?: "all" | "unverified" | "verified"; q?: string; siteId?: string; limit?: number };

export type SiteForReview = Awaited<ReturnType<typeof listSitesForReview>>["sites"][number];

export async function listSitesForReview(db: Executor, actor: Actor, filter: ReviewFilter = {}) {
  assertRole(actor, "admin");
  const limit = Math.min(filter.limit ?? 100, 200);
  const documentCount = sql<number>`(select count(*) from ${siteDocuments} d where d.site_id = ${sites.id})::int`;
  const q = filter.q?.trim().replace(/[%_\\]/g, "");
  const where = and(
    filter.siteId ? (isUuid(filter.siteId) ? eq(sites.id, filter.siteId) : sql`false`) : undefined,
    filter.show === "unverified" ? isNull(sites.verifiedAt) : filter.show === "verified" ? isNotNull(sites.verifiedAt) : undefined,
    q ? sql`(${ilike(sites.name, `%${q}%`)} or ${ilike(organizations.name, `%${q}%`)})` : undefined,
  );
  const rows = await db
    .select({
      id: sites.id,
      name: sites.name,
      country: sites.country,
      region: sites.region,
      energizedKw: sites.energizedKw,
      plannedKw: sites.plannedKw,
      interconnectionStatus: sites.interconnectionStatus,
      interconnectionVoltageKv: sites.interconnectionVoltageKv,
      powerMix: {
        hydro: sites.shareHydro,
        wind: sites.shareWind,
        solar: sites.shareSolar,
        nuclear: sites.shareNuclear,
        gas: sites.shareGas,
        flareGas: sites.shareFlareGas,
        grid: sites.shareGrid,
      },
      renewableShare: sites.renewableShare,
      coolingTypes: sites.coolingTypes,
      pue: sites.pue,
      redundancy: sites.redundancy,
      verifiedAt: sites.verifiedAt,
      verifiedByName: users.name,
      updatedAt: sites.updatedAt,
      organizationId: organizations.id,
      organizationName: organizations.name,
      organizationStatus: organizations.status,
      documentCount,
    })
    .from(sites)
    .innerJoin(organizations, eq(organizations.id, sites.organizationId))
    .leftJoin(users, eq(users.id, sites.verifiedBy))
    .where(where)
    .orderBy(sql`${sites.verifiedAt} is not null`, sql`${documentCount} = 0`, asc(sites.updatedAt), asc(sites.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const documents = await listDocumentsForSites(db, actor, page.map((s) => s.id));
  const [counts] = await db
    .select({
      unverified: sql<number>`count(*) filter (where ${sites.verifiedAt} is null)::int`,
      verified: sql<number>`count(*) filter (where ${sites.verifiedAt} is not null)::int`,
    })
    .from(sites);
  return {
    sites: page.map((site) => ({ ...site, documents: documents.get(site.id) ?? ([] as SiteDocument[]) })),
    more: rows.length > limit,
    counts: { unverified: Number(counts?.unverified ?? 0), verified: Number(counts?.verified ?? 0) },
  };
}
