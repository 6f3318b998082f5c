// Listings: offers of capacity at one site, with their review lifecycle.
import { sql } from "drizzle-orm";
import { boolean, check, customType, foreignKey, index, integer, jsonb, pgTable, smallint, text, uuid } from "drizzle-orm/pg-core";
import { at, createdAt, day, id, updatedAt } from "./columns";
import { coolingType, listingStatus } from "./enums";
import { organizations, users } from "./organizations";
import { sites } from "./sites";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

export const listings = pgTable(
  "listings",
  {
    id: id(),
    siteId: uuid("site_id").notNull(),
    organizationId: uuid("organization_id").notNull(),
    title: text("title").notNull(),
    capacityKw: integer("capacity_kw").notNull(),
    /**
     * At least the kW counted on the listing's busiest day, ever: raised by the capacity
     * guard whenever a booking raises a day's load, and lowered back to the busiest day by
     * the booking sweep once bookings stop counting (lib/jobs/sweeps.ts). It may be above
     * the busiest day for a minute, never below. Search uses it to pass a listing on free
     * kW without reading its bookings; it never shows it.
     */
    peakBookedKw: integer("peak_booked_kw").notNull().default(0),
    cooling: coolingType("cooling").notNull(),
    maxKwPerRack: integer("max_kw_per_rack").notNull(),
    rackCount: integer("rack_count").notNull(),
    priceCentsPerKwMonth: integer("price_cents_per_kw_month").notNull(),
    minTermMonths: smallint("min_term_months").notNull(),
    availableFrom: day("available_from").notNull(),
    availableUntil: day("available_until").notNull(),
    depositPercent: smallint("deposit_percent").notNull(),
    interruptible: boolean("interruptible").notNull().default(false),
    description: text("description").notNull().default(""),
    status: listingStatus("status").notNull().default("draft"),
    rejectionReason: text("rejection_reason"),
    submittedAt: at("submitted_at"),
    reviewedAt: at("reviewed_at"),
    reviewedBy: uuid("reviewed_by").references(() => users.id, { onDelete: "set null" }),
    /** The material terms as last approved, so a resubmission can show what changed. */
    reviewedTerms: jsonb("reviewed_terms").$type<Record<string, unknown>>(),
    /**
     * Full-text document over the title, description and the site's name, region and
     * description; kept current by triggers (migration 0003_listing_search).
     */
    searchDocument: tsvector("search_document"),
    publishedAt: at("published_at"),
    archivedAt: at("archived_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // A listing's organization is always its site's organization.
    foreignKey({
      name: "listings_site_organization_fk",
      columns: [t.siteId, t.organizationId],
      foreignColumns: [sites.id, sites.organizationId],
    }).onDelete("restrict"),
    foreignKey({
      name: "listings_organization_fk",
      columns: [t.organizationId],
      foreignColumns: [organizations.id],
    }).onDelete("restrict"),
    index("listings_site_id_idx").on(t.siteId),
    index("listings_organization_id_idx").on(t.organizationId),
    index("listings_reviewed_by_idx").on(t.reviewedBy),
    index("listings_status_idx").on(t.status, t.submittedAt),
    index("listings_published_price_idx").on(t.priceCentsPerKwMonth).where(sql`${t.status} = 'published'`),
    index("listings_search_idx").using("gin", t.searchDocument),
    check("listings_title_present", sql`length(trim(${t.title})) between 3 and 140`),
    check("listings_capacity_positive", sql`${t.capacityKw} > 0`),
    check("listings_density_positive", sql`${t.maxKwPerRack} > 0 and ${t.maxKwPerRack} <= 300`),
    check("listings_racks_positive", sql`${t.rackCount} > 0`),
    check("listings_price_positive", sql`${t.priceCentsPerKwMonth} > 0`),
    check("listings_min_term_positive", sql`${t.minTermMonths} >= 1`),
    check("listings_window_ordered", sql`${t.availableFrom} < ${t.availableUntil}`),
    check("listings_deposit_range", sql`${t.depositPercent} between 0 and 100`),
    check(
      "listings_rejection_has_reason",
      sql`${t.status} <> 'rejected' or ${t.rejectionReason} is not null`,
    ),
  ],
);

export type Listing = typeof listings.$inferSelect;
