import { isUuid } from "@/lib/ids";
import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { listings, organizations, sites } from "@/db/schema";
import { assertCanReadOrg, assertCanWriteOrg, assertRole, requireOrganization, type Actor } from "@/lib/auth/policy";
import { AppError } from "@/lib/errors";
import { countryName } from "@/lib/format";
import { siteSchema, sitePatchSchema, VERIFIED_FACTS, type SiteInput } from "@/lib/validations/site";

const siteColumns = {
  id: sites.id,
  organizationId: sites.organizationId,
  name: sites.name,
  country: sites.country,
  region: sites.region,
  latitude: sites.latitude,
  longitude: sites.longitude,
  energizedKw: sites.energizedKw,
  plannedKw: sites.plannedKw,
  plannedEnergizationDate: sites.plannedEnergizationDate,
  interconnectionStatus: sites.interconnectionStatus,
  interconnectionVoltageKv: sites.interconnectionVoltageKv,
  shareHydro: sites.shareHydro,
  shareWind: sites.shareWind,
  shareSolar: sites.shareSolar,
  shareNuclear: sites.shareNuclear,
  shareGas: sites.shareGas,
  shareFlareGas: sites.shareFlareGas,
  shareGrid: sites.shareGrid,
  renewableShare: sites.renewableShare,
  curtailmentHoursPerYear: sites.curtailmentHoursPerYear,
  coolingTypes: sites.coolingTypes,
  pue: sites.pue,
  redundancy: sites.redundancy,
  floorLoadingKgPerM2: sites.floorLoadingKgPerM2,
  waterAvailability: sites.waterAvailability,
  uplinkGbps: sites.uplinkGbps,
  fiberCarriers: sites.fiberCarriers,
  security: sites.security,
  certifications: sites.certifications,
  description: sites.description,
  verifiedAt: sites.verifiedAt,
  createdAt: sites.createdAt,
  updatedAt: sites.updatedAt,
};

type SiteRow = { [K in keyof typeof siteColumns]: (typeof siteColumns)[K]["_"]["data"] | ((typeof siteColumns)[K]["_"]["notNull"] extends true ? never : null) };

/** A site as pages and the API show it: capacities in MW, the power mix as one object. */
export function presentSite(row: SiteRow) {
  return {
    id: row.id,
    organizationId: row.organizationId,
    name: row.name,
    country: row.country,
    region: row.region,
    latitude: row.latitude,
    longitude: row.longitude,
    energizedMw: row.energizedKw / 1000,
    plannedMw: row.plannedKw / 1000,
    plannedEnergizationDate: row.plannedEnergizationDate,
    interconnectionStatus: row.interconnectionStatus,
    interconnectionVoltageKv: row.interconnectionVoltageKv,
    powerMix: {
      hydro: row.shareHydro,
      wind: row.shareWind,
      solar: row.shareSolar,
      nuclear: row.shareNuclear,
      gas: row.shareGas,
      flareGas: row.shareFlareGas,
      grid: row.shareGrid,
    },
    renewableShare: row.renewableShare,
    curtailmentHoursPerYear: row.curtailmentHoursPerYear,
    coolingTypes: row.coolingTypes,
    pue: row.pue,
    redundancy: row.redundancy,
    floorLoadingKgPerM2: row.floorLoadingKgPerM2,
    waterAvailability: row.waterAvailability,
    uplinkGbps: row.uplinkGbps,
    fiberCarriers: row.fiberCarriers,
    security: row.security,
    certifications: row.certifications,
    description: row.description,
    verified: row.verifiedAt !== null,
    verifiedAt: row.verifiedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
export type SiteView = ReturnType<typeof presentSite>;

/** The validated input as table columns (MW → kW, mix → shares). */
function toColumns(input: SiteInput) {
  return {
    name: input.name,
    country: input.country,
    region: input.region,
    latitude: input.latitude,
    longitude: input.longitude,
    energizedKw: Math.round(input.energizedMw * 1000),
    plannedKw: Math.round((input.plannedMw ?? 0) * 1000),
    plannedEnergizationDate: input.plannedEnergizationDate ?? null,
    interconnectionStatus: input.interconnectionStatus,
    interconnectionVoltageKv: input.interconnectionVoltageKv ?? null,
    shareHydro: input.powerMix.hydro,
    shareWind: input.powerMix.wind,
    shareSolar: input.powerMix.solar,
    shareNuclear: input.powerMix.nuclear,
    shareGas: input.powerMix.gas,
    shareFlareGas: input.powerMix.flareGas,
    shareGrid: input.powerMix.grid,
    curtailmentHoursPerYear: input.curtailmentHoursPerYear ?? 0,
    coolingTypes: input.coolingTypes,
    pue: input.pue,
    redundancy: input.redundancy,
    floorLoadingKgPerM2: input.floorLoadingKgPerM2 ?? null,
    waterAvailability: input.waterAvailability ?? "none",
    uplinkGbps: input.uplinkGbps ?? 0,
    fiberCarriers: input.fiberCarriers ?? 0,
    security: input.security ?? "",
    certifications: input.certifications,
    description: input.description ?? "",
  };
}

/** The stored site as input, so a partial update can be merged and validated whole. */
function toInput(site: SiteView): SiteInput {
  return {
    name: site.name,
    country: site.country,
    region: site.region,
    latitude: site.latitude,
    longitude: site.longitude,
    energizedMw: site.energizedMw,
    plannedMw: site.plannedMw,
    plannedEnergizationDate: site.plannedEnergizationDate ?? undefined,
    interconnectionStatus: site.interconnectionStatus,
    interconnectionVoltageKv: site.interconnectionVoltageKv ?? undefined,
    powerMix: site.powerMix,
    curtailmentHoursPerYear: site.curtailmentHoursPerYear,
    coolingTypes: site.coolingTypes,
    pue: site.pue,
    redundancy: site.redundancy,
    floorLoadingKgPerM2: site.floorLoadingKgPerM2 ?? undefined,
    waterAvailability: site.waterAvailability,
    uplinkGbps: site.uplinkGbps,
    fiberCarriers: site.fiberCarriers,
    security: site.security,
    certifications: site.certifications,
    description: site.description,
  };
}

async function loadSite(db: Executor, id: string, lock = false): Promise<SiteView | null> {
  if (!isUuid(id)) return null;
  const query = db.select(siteColumns).from(sites).where(eq(sites.id, id)).limit(1);
  const [row] = lock ? await query.for("update") : await query;
  return row ? presentSite(row) : null;
}

/** The organization's sites, for its members and admins. */
export async function listSites(db: Executor, actor: Actor, organizationId: string): Promise<SiteView[]> {
  assertCanReadOrg(actor, organizationId, "That organization");
  const rows = await db.select(siteColumns).from(sites).where(eq(sites.organizationId, organizationId)).orderBy(asc(sites.name));
  return rows.map(presentSite);
}

/** A site for its owners and admins; 404 for everyone else. */
export async function getSite(db: Executor, actor: Actor, id: string): Promise<SiteView> {
  const site = await loadSite(db, id);
  if (!site) throw AppError.notFound("Site");
  assertCanReadOrg(actor, site.organizationId, "Site");
  return site;
}

/** A site as buyers see it: only while one of its listings is published by an active organization. */
export async function getPublicSite(db: Executor, id: string): Promise<SiteView | null> {
  const site = await loadSite(db, id);
  if (!site) return null;
  const [visible] = await db
    .select({ id: listings.id })
    .from(listings)
    .innerJoin(organizations, eq(organizations.id, listings.organizationId))
    .where(and(eq(listings.siteId, id), eq(listings.status, "published"), eq(organizations.status, "active")))
    .limit(1);
  return visible ? site : null;
}

export async function createSite(db: Executor, actor: Actor, body: unknown): Promise<SiteView> {
  assertRole(actor, "miner");
  const organizationId = requireOrganization(actor);
  const input = siteSchema.parse(body);
  const [row] = await db.insert(sites).values({ ...toColumns(input), organizationId }).returning(siteColumns);
  return presentSite(row!);
}

/**
 * Applies a partial update. A change to any power or cooling fact clears the verified
 * badge in the same statement, so a verified site never shows facts nobody reviewed.
 */
export async function updateSite(db: Executor, actor: Actor, id: string, body: unknown): Promise<SiteView> {
  const patch = sitePatchSchema.parse(body);
  return db.transaction(async (tx) => {
    const current = await loadSite(tx, id, true);
    if (!current) throw AppError.notFound("Site");
    assertCanWriteOrg(actor, current.organizationId, "Site");
    const before = toInput(current);
    const after = siteSchema.parse({ ...before, ...patch });
    const factsChanged = VERIFIED_FACTS.some((key) => JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null));
    const [row] = await tx
      .update(sites)
      .set({ ...toColumns(after), ...(factsChanged ? { verifiedAt: null, verifiedBy: null } : {}) })
      .where(eq(sites.id, id))
      .returning(siteColumns);
    return presentSite(row!);
  });
}

/**
 * Site names for a miner's pickers. Given a site id, only that site, if it is the
 * organization's (editing a listing, which stays at its site, needs no other).
 */
export async function siteOptions(db: Executor, actor: Actor, siteId?: string) {
  const organizationId = requireOrganization(actor);
  if (siteId !== undefined && !isUuid(siteId)) return [];
  const rows = await db
    .select({ id: sites.id, name: sites.name, region: sites.region, country: sites.country, coolingTypes: sites.coolingTypes, energizedKw: sites.energizedKw, plannedKw: sites.plannedKw, plannedEnergizationDate: sites.plannedEnergizationDate, pue: sites.pue })
    .from(sites)
    .where(and(eq(sites.organizationId, organizationId), siteId === undefined ? undefined : eq(sites.id, siteId)))
    .orderBy(asc(sites.name));
  return rows.map((row) => ({ ...row, countryName: countryName(row.country) }));
}

/** Non-archived listings per site of one organization, for its members and admins. */
export async function countListingsBySite(db: Executor, actor: Actor, organizationId: string) {
  assertCanReadOrg(actor, organizationId, "That organization");
  const rows = await db
    .select({ siteId: listings.siteId, n: sql<number>`count(*)::int` })
    .from(listings)
    .where(and(eq(listings.organizationId, organizationId), sql`${listings.status} <> 'archived'`))
    .groupBy(listings.siteId);
  return new Map(rows.map((r) => [r.siteId, Number(r.n)]));
}
