// Every enumerated value of the domain, as PostgreSQL enums shared by the tables.
import { pgEnum } from "drizzle-orm/pg-core";

export const organizationKind = pgEnum("organization_kind", ["miner", "buyer"]);
export const organizationStatus = pgEnum("organization_status", ["active", "suspended"]);
export const userRole = pgEnum("user_role", ["miner", "buyer", "admin"]);
export const userStatus = pgEnum("user_status", ["active", "suspended"]);
/** A person's standing in their organization: owners manage its members. */
export const memberRole = pgEnum("member_role", ["owner", "member"]);
export const accountTokenPurpose = pgEnum("account_token_purpose", ["password_reset", "email_verification", "email_change"]);

export const coolingType = pgEnum("cooling_type", ["air", "hydro", "immersion", "direct_liquid"]);
export const redundancy = pgEnum("redundancy", ["N", "N+1", "2N"]);
export const interconnectionStatus = pgEnum("interconnection_status", [
  "energized",
  "under_construction",
  "approved",
  "in_study",
  "applied",
]);
export const waterAvailability = pgEnum("water_availability", ["none", "limited", "ample"]);
export const siteDocumentKind = pgEnum("site_document_kind", [
  "interconnection_agreement",
  "power_contract",
  "photo",
  "other",
]);

export const listingStatus = pgEnum("listing_status", [
  "draft",
  "pending_review",
  "published",
  "rejected",
  "paused",
  "archived",
]);

export const bookingStatus = pgEnum("booking_status", [
  "pending_deposit",
  "awaiting_provider",
  "confirmed",
  "active",
  "completed",
  "expired",
  "declined",
  "cancelled",
  "refunded",
]);
export const actorKind = pgEnum("actor_kind", ["user", "admin", "system", "payment_provider"]);

export const paymentProvider = pgEnum("payment_provider", ["stripe", "test"]);
export const paymentStatus = pgEnum("payment_status", [
  "requires_payment",
  "authorized",
  "captured",
  "released",
  "refunded",
  "failed",
  "disputed",
]);
export const ledgerEntryType = pgEnum("ledger_entry_type", [
  "deposit_authorized",
  "deposit_captured",
  "deposit_released",
  "deposit_refunded",
  "platform_fee",
  "miner_share",
  "dispute",
]);

export const threadKind = pgEnum("thread_kind", ["booking", "inquiry"]);
export const reportReason = pgEnum("report_reason", [
  "misleading",
  "fraud",
  "unavailable",
  "prohibited",
  "duplicate",
  "other",
]);
export const reportStatus = pgEnum("report_status", ["open", "resolved", "dismissed"]);
export const mailStatus = pgEnum("mail_status", ["stored", "pending", "sent", "failed"]);
