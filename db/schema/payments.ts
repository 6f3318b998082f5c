// Money: deposits taken through a payment provider, the ledger of every movement, and the
// provider events already processed (each exactly once).
import { sql } from "drizzle-orm";
import { bigint, bigserial, check, index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { at, createdAt, id, updatedAt } from "./columns";
import { bookings } from "./bookings";
import { ledgerEntryType, paymentProvider, paymentStatus } from "./enums";
import { organizations } from "./organizations";

const cents = (name: string) => bigint(name, { mode: "number" });

export const payments = pgTable(
  "payments",
  {
    id: id(),
    bookingId: uuid("booking_id")
      .notNull()
      .references(() => bookings.id, { onDelete: "restrict" }),
    provider: paymentProvider("provider").notNull(),
    status: paymentStatus("status").notNull().default("requires_payment"),
    amountCents: cents("amount_cents").notNull(),
    currency: text("currency").notNull().default("usd"),
    checkoutSessionId: text("checkout_session_id"),
    /** Where the buyer pays: Stripe Checkout's URL, or the test provider's own page. */
    checkoutUrl: text("checkout_url"),
    paymentIntentId: text("payment_intent_id"),
    authorizedAt: at("authorized_at"),
    capturedAt: at("captured_at"),
    releasedAt: at("released_at"),
    refundedAt: at("refunded_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // One deposit per booking.
    uniqueIndex("payments_booking_id_key").on(t.bookingId),
    uniqueIndex("payments_checkout_session_id_key").on(t.checkoutSessionId),
    uniqueIndex("payments_payment_intent_id_key").on(t.paymentIntentId),
    check("payments_amount_nonnegative", sql`${t.amountCents} >= 0`),
    check("payments_currency_iso", sql`${t.currency} ~ '^[a-z]{3}$'`),
  ],
);

/** Append-only: one row per money movement, signed from the platform's point of view. */
export const ledgerEntries = pgTable(
  "ledger_entries",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    bookingId: uuid("booking_id")
      .notNull()
      .references(() => bookings.id, { onDelete: "restrict" }),
    paymentId: uuid("payment_id").references(() => payments.id, { onDelete: "restrict" }),
    organizationId: uuid("organization_id").references(() => organizations.id, { onDelete: "restrict" }),
    type: ledgerEntryType("type").notNull(),
    amountCents: cents("amount_cents").notNull(),
    currency: text("currency").notNull().default("usd"),
    createdAt: createdAt(),
  },
  (t) => [
    index("ledger_entries_booking_id_idx").on(t.bookingId),
    index("ledger_entries_payment_id_idx").on(t.paymentId),
    index("ledger_entries_organization_id_idx").on(t.organizationId, t.createdAt),
    index("ledger_entries_created_at_idx").on(t.createdAt),
  ],
);

/** Provider (Stripe) events already handled; the primary key makes processing exactly-once. */
export const paymentEvents = pgTable(
  "payment_events",
  {
    id: text("id").primaryKey(),
    provider: paymentProvider("provider").notNull(),
    type: text("type").notNull(),
    receivedAt: createdAt(),
  },
  (t) => [index("payment_events_received_at_idx").on(t.receivedAt)],
);
