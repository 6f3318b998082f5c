// Bookings: a buyer's reservation of kW of one listing over [start, end) in UTC days,
// and the append-only history of its transitions.
import { sql } from "drizzle-orm";
import { bigint, bigserial, check, index, integer, pgTable, smallint, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { at, createdAt, day, id, updatedAt } from "./columns";
import { actorKind, bookingStatus } from "./enums";
import { listings } from "./listings";
import { organizations, users } from "./organizations";

const cents = (name: string) => bigint(name, { mode: "number" });

export const bookings = pgTable(
  "bookings",
  {
    id: id(),
    listingId: uuid("listing_id")
      .notNull()
      .references(() => listings.id, { onDelete: "restrict" }),
    buyerOrganizationId: uuid("buyer_organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "restrict" }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    kw: integer("kw").notNull(),
    startDate: day("start_date").notNull(),
    endDate: day("end_date").notNull(),
    status: bookingStatus("status").notNull().default("pending_deposit"),
    /** Copied from the listing when the booking is made. */
    priceCentsPerKwMonth: integer("price_cents_per_kw_month").notNull(),
    depositPercent: smallint("deposit_percent").notNull(),
    totalCents: cents("total_cents").notNull(),
    depositCents: cents("deposit_cents").notNull(),
    platformFeeBps: integer("platform_fee_bps").notNull(),
    /** The hold's end while pending_deposit. */
    expiresAt: at("expires_at").notNull(),
    /** The miner's deadline while awaiting_provider. */
    respondBy: at("respond_by"),
    statusReason: text("status_reason"),
    idempotencyKey: text("idempotency_key"),
    idempotencyHash: text("idempotency_hash"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("bookings_listing_id_idx").on(t.listingId, t.startDate, t.endDate),
    index("bookings_buyer_organization_id_idx").on(t.buyerOrganizationId, t.createdAt),
    index("bookings_created_by_idx").on(t.createdBy),
    index("bookings_status_idx").on(t.status),
    // The same Idempotency-Key from one organization always names one booking.
    uniqueIndex("bookings_idempotency_key")
      .on(t.buyerOrganizationId, t.idempotencyKey)
      .where(sql`${t.idempotencyKey} is not null`),
    check("bookings_kw_positive", sql`${t.kw} > 0`),
    check("bookings_range_ordered", sql`${t.startDate} < ${t.endDate}`),
    check("bookings_price_positive", sql`${t.priceCentsPerKwMonth} > 0`),
    check("bookings_amounts_valid", sql`${t.totalCents} > 0 and ${t.depositCents} between 0 and ${t.totalCents}`),
    check("bookings_deposit_percent_range", sql`${t.depositPercent} between 0 and 100`),
    check("bookings_fee_range", sql`${t.platformFeeBps} between 0 and 10000`),
  ],
);

export const bookingTransitions = pgTable(
  "booking_transitions",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    bookingId: uuid("booking_id")
      .notNull()
      .references(() => bookings.id, { onDelete: "cascade" }),
    fromStatus: bookingStatus("from_status"),
    toStatus: bookingStatus("to_status").notNull(),
    actorKind: actorKind("actor_kind").notNull(),
    actorUserId: uuid("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    reason: text("reason"),
    createdAt: createdAt(),
  },
  (t) => [
    index("booking_transitions_booking_id_idx").on(t.bookingId, t.createdAt),
    index("booking_transitions_actor_user_id_idx").on(t.actorUserId),
    // The booking sweep looks back over the last minutes' transitions (lib/jobs/sweeps.ts);
    // rows arrive in time order, so a BRIN index stays tiny.
    index("booking_transitions_created_at_idx").using("brin", t.createdAt),
    check("booking_transitions_changes_status", sql`${t.fromStatus} is distinct from ${t.toStatus}`),
  ],
);

export type Booking = typeof bookings.$inferSelect;
export type BookingStatus = Booking["status"];
