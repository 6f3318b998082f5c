// Sites: a miner organization's physical facilities, with the power, cooling and network
// facts AI tenants ask about, plus photos and verification evidence.
import { sql } from "drizzle-orm";
import {
  check,
  doublePrecision,
  index,
  integer,
  numeric,
  pgTable,
  smallint,
  text,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { at, createdAt, day, id, updatedAt } from "./columns";
import { coolingType, interconnectionStatus, redundancy, siteDocumentKind, waterAvailability } from "./enums";
import { organizations, users } from "./organizations";

/** The power sources a site can draw on; the shares (percent) must sum to 100. */
export const POWER_SOURCES = ["hydro", "wind", "solar", "nuclear", "gas", "flareGas", "grid"] as const;

const share = (name: string) => smallint(name).notNull().default(0);

export const sites = pgTable(
  "sites",
  {
    id: id(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "restrict" }),
    name: text("name").notNull(),
    country: text("country").notNull(),
    region: text("region").notNull(),
    latitude: doublePrecision("latitude").notNull(),
    longitude: doublePrecision("longitude").notNull(),
    // Power: what is energized today, and what is planned and when.
    energizedKw: integer("energized_kw").notNull(),
    plannedKw: integer("planned_kw").notNull().default(0),
    plannedEnergizationDate: day("planned_energization_date"),
    interconnectionStatus: interconnectionStatus("interconnection_status").notNull(),
    interconnectionVoltageKv: integer("interconnection_voltage_kv"),
    shareHydro: share("share_hydro"),
    shareWind: share("share_wind"),
    shareSolar: share("share_solar"),
    shareNuclear: share("share_nuclear"),
    shareGas: share("share_gas"),
    shareFlareGas: share("share_flare_gas"),
    shareGrid: share("share_grid"),
    /** Hydro, wind and solar, in percent; stored so search can filter and index it. */
    renewableShare: smallint("renewable_share")
      .notNull()
      .generatedAlwaysAs(sql`share_hydro + share_wind + share_solar`),
    curtailmentHoursPerYear: integer("curtailment_hours_per_year").notNull().default(0),
    // Cooling and facility.
    coolingTypes: coolingType("cooling_types").array().notNull().default(sql`'{}'::cooling_type[]`),
    pue: numeric("pue", { precision: 4, scale: 2, mode: "number" }).notNull(),
    redundancy: redundancy("redundancy").notNull(),
    floorLoadingKgPerM2: integer("floor_loading_kg_per_m2"),
    waterAvailability: waterAvailability("water_availability").notNull().default("none"),
    // Network and security.
    uplinkGbps: integer("uplink_gbps").notNull().default(0),
    fiberCarriers: smallint("fiber_carriers").notNull().default(0),
    security: text("security").notNull().default(""),
    certifications: text("certifications").array().notNull().default(sql`'{}'::text[]`),
    description: text("description").notNull().default(""),
    // Verification: cleared whenever power or cooling facts change.
    verifiedAt: at("verified_at"),
    verifiedBy: uuid("verified_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("sites_organization_id_idx").on(t.organizationId),
    index("sites_verified_by_idx").on(t.verifiedBy),
    index("sites_country_idx").on(t.country),
    // Lets listings reference (site, organization) so a listing's owner is its site's owner.
    unique("sites_id_organization_key").on(t.id, t.organizationId),
    check("sites_name_present", sql`length(trim(${t.name})) between 2 and 120`),
    check("sites_country_iso", sql`${t.country} ~ '^[A-Z]{2}$'`),
    check("sites_latitude_range", sql`${t.latitude} between -90 and 90`),
    check("sites_longitude_range", sql`${t.longitude} between -180 and 180`),
    check("sites_energized_kw_nonnegative", sql`${t.energizedKw} >= 0`),
    check("sites_planned_kw_nonnegative", sql`${t.plannedKw} >= 0`),
    check("sites_some_capacity", sql`${t.energizedKw} + ${t.plannedKw} > 0`),
    check(
      "sites_planned_needs_date",
      sql`${t.plannedKw} = 0 or ${t.plannedEnergizationDate} is not null`,
    ),
    check(
      "sites_shares_valid",
      sql`least(${t.shareHydro}, ${t.shareWind}, ${t.shareSolar}, ${t.shareNuclear}, ${t.shareGas}, ${t.shareFlareGas}, ${t.shareGrid}) >= 0`,
    ),
    check(
      "sites_shares_sum_100",
      sql`${t.shareHydro} + ${t.shareWind} + ${t.shareSolar} + ${t.shareNuclear} + ${t.shareGas} + ${t.shareFlareGas} + ${t.shareGrid} = 100`,
    ),
    check("sites_pue_range", sql`${t.pue} >= 1.0 and ${t.pue} <= 3.0`),
    check("sites_curtailment_range", sql`${t.curtailmentHoursPerYear} between 0 and 8760`),
    check("sites_voltage_positive", sql`${t.interconnectionVoltageKv} is null or ${t.interconnectionVoltageKv} > 0`),
    check("sites_floor_loading_positive", sql`${t.floorLoadingKgPerM2} is null or ${t.floorLoadingKgPerM2} > 0`),
    check("sites_network_nonnegative", sql`${t.uplinkGbps} >= 0 and ${t.fiberCarriers} >= 0`),
  ],
);

export const sitePhotos = pgTable(
  "site_photos",
  {
    id: id(),
    siteId: uuid("site_id")
      .notNull()
      .references(() => sites.id, { onDelete: "cascade" }),
    storageKey: text("storage_key").notNull(),
    contentType: text("content_type").notNull(),
    bytes: integer("bytes").notNull(),
    caption: text("caption").notNull().default(""),
    position: smallint("position").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    index("site_photos_site_id_idx").on(t.siteId),
    unique("site_photos_storage_key_key").on(t.storageKey),
    check("site_photos_content_type", sql`${t.contentType} in ('image/jpeg', 'image/png', 'image/webp')`),
    check("site_photos_size", sql`${t.bytes} > 0 and ${t.bytes} <= 5242880`),
  ],
);

export const siteDocuments = pgTable(
  "site_documents",
  {
    id: id(),
    siteId: uuid("site_id")
      .notNull()
      .references(() => sites.id, { onDelete: "cascade" }),
    kind: siteDocumentKind("kind").notNull(),
    filename: text("filename").notNull(),
    storageKey: text("storage_key").notNull(),
    contentType: text("content_type").notNull(),
    bytes: integer("bytes").notNull(),
    uploadedBy: uuid("uploaded_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("site_documents_site_id_idx").on(t.siteId),
    index("site_documents_uploaded_by_idx").on(t.uploadedBy),
    unique("site_documents_storage_key_key").on(t.storageKey),
    check(
      "site_documents_content_type",
      sql`${t.contentType} in ('application/pdf', 'image/jpeg', 'image/png', 'image/webp')`,
    ),
    check("site_documents_size", sql`${t.bytes} > 0 and ${t.bytes} <= 10485760`),
  ],
);

export type Site = typeof sites.$inferSelect;
