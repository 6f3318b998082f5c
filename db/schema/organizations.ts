// Organizations (a miner or an AI team) and their users; admins belong to none.
import { sql } from "drizzle-orm";
import { bigint, boolean, check, index, integer, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { at, createdAt, id, updatedAt } from "./columns";
import { memberRole, organizationKind, organizationStatus, userRole, userStatus } from "./enums";

export const organizations = pgTable(
  "organizations",
  {
    id: id(),
    name: text("name").notNull(),
    slug: text("slug").notNull(),
    kind: organizationKind("kind").notNull(),
    status: organizationStatus("status").notNull().default("active"),
    country: text("country"),
    website: text("website"),
    suspendedReason: text("suspended_reason"),
    /**
     * The sum and count of the published, visible reviews of this organization, kept in the
     * transaction that publishes, hides or restores one (db/queries/reviews.ts): search
     * filters and sorts by rating without reading reviews.
     */
    ratingSum: integer("rating_sum").notNull().default(0),
    ratingCount: integer("rating_count").notNull().default(0),
    suspendedAt: at("suspended_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("organizations_slug_key").on(t.slug),
    index("organizations_kind_status_idx").on(t.kind, t.status),
    check("organizations_name_present", sql`length(trim(${t.name})) between 2 and 120`),
    check("organizations_rating_consistent", sql`${t.ratingCount} >= 0 and ${t.ratingSum} between ${t.ratingCount} and 5 * ${t.ratingCount}`),
    check("organizations_country_iso", sql`${t.country} is null or ${t.country} ~ '^[A-Z]{2}$'`),
    check(
      "organizations_suspension_consistent",
      sql`(${t.status} = 'suspended') = (${t.suspendedAt} is not null)`,
    ),
  ],
);

export const users = pgTable(
  "users",
  {
    id: id(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    role: userRole("role").notNull(),
    status: userStatus("status").notNull().default("active"),
    organizationId: uuid("organization_id").references(() => organizations.id, { onDelete: "restrict" }),
    /** Owner or member of the organization; null for admins, who belong to none. */
    memberRole: memberRole("member_role"),
    /** Set when an owner removed the person: the account stays (its history names it) but cannot sign in. */
    removedAt: at("removed_at"),
    emailVerifiedAt: at("email_verified_at"),
    /** The TOTP secret, encrypted with a key derived from AUTH_SECRET (lib/auth/secret-box.ts). */
    totpSecret: text("totp_secret"),
    /** Set once the first code confirmed the authenticator; until then the secret is pending. */
    totpEnabledAt: at("totp_enabled_at"),
    /** The last 30-second step whose code was accepted: a code is good once. */
    totpLastStep: bigint("totp_last_step", { mode: "number" }),
    /** Mail about unread messages (Settings); on unless the person turns it off. */
    messageMail: boolean("message_mail").notNull().default(true),
    lastSignInAt: at("last_sign_in_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // Emails are stored lower-cased; the index makes "A@x" and "a@x" one account.
    uniqueIndex("users_email_key").on(sql`lower(${t.email})`),
    index("users_organization_id_idx").on(t.organizationId),
    check("users_email_lowercase", sql`${t.email} = lower(${t.email})`),
    // Every user belongs to exactly one organization, except admins, who belong to none.
    check("users_admin_has_no_organization", sql`(${t.role} = 'admin') = (${t.organizationId} is null)`),
    check("users_member_role_with_organization", sql`(${t.organizationId} is null) = (${t.memberRole} is null)`),
    check("users_totp_enabled_has_secret", sql`${t.totpEnabledAt} is null or ${t.totpSecret} is not null`),
  ],
);

export type Organization = typeof organizations.$inferSelect;
export type User = typeof users.$inferSelect;
