// Accounts: signed-in sessions (so a sign-out, a password change or a removal ends them
// on every instance at once), single-use links for recovery and verification,
// invitations into an organization, and two-factor recovery codes.
import { sql } from "drizzle-orm";
import { check, index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { at, createdAt, id } from "./columns";
import { accountTokenPurpose, memberRole } from "./enums";
import { organizations, users } from "./organizations";

/**
 * One row per sign-in. The session cookie (a JWT) names its row, and the guards read the
 * row on every request: a revoked row signs the cookie out wherever it is presented.
 */
export const userSessions = pgTable(
  "user_sessions",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    userAgent: text("user_agent").notNull().default(""),
    ipAddress: text("ip_address").notNull().default(""),
    /** Signed in with a second factor. */
    mfaAt: at("mfa_at"),
    lastSeenAt: at("last_seen_at").notNull().defaultNow(),
    revokedAt: at("revoked_at"),
    createdAt: createdAt(),
  },
  (t) => [
    index("user_sessions_user_id_idx").on(t.userId, t.lastSeenAt),
    check("user_sessions_user_agent_length", sql`length(${t.userAgent}) <= 500`),
  ],
);

/**
 * Single-use links mailed to a person: password reset, email verification and the
 * confirmation of a new address. Only the token's SHA-256 is stored.
 */
export const accountTokens = pgTable(
  "account_tokens",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: accountTokenPurpose("purpose").notNull(),
    tokenHash: text("token_hash").notNull(),
    /** For email_change: the address being confirmed. */
    email: text("email"),
    expiresAt: at("expires_at").notNull(),
    usedAt: at("used_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("account_tokens_token_hash_key").on(t.tokenHash),
    index("account_tokens_user_id_idx").on(t.userId, t.purpose),
    check("account_tokens_change_has_email", sql`(${t.purpose} = 'email_change') = (${t.email} is not null)`),
  ],
);

/** An owner's invitation of an email address into the organization, valid for 7 days. */
export const invitations = pgTable(
  "invitations",
  {
    id: id(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    memberRole: memberRole("member_role").notNull().default("member"),
    invitedBy: uuid("invited_by").references(() => users.id, { onDelete: "set null" }),
    tokenHash: text("token_hash").notNull(),
    expiresAt: at("expires_at").notNull(),
    acceptedAt: at("accepted_at"),
    acceptedBy: uuid("accepted_by").references(() => users.id, { onDelete: "set null" }),
    revokedAt: at("revoked_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("invitations_token_hash_key").on(t.tokenHash),
    // One open invitation per address and organization: inviting again renews it.
    uniqueIndex("invitations_open_key")
      .on(t.organizationId, t.email)
      .where(sql`${t.acceptedAt} is null and ${t.revokedAt} is null`),
    index("invitations_invited_by_idx").on(t.invitedBy),
    index("invitations_accepted_by_idx").on(t.acceptedBy),
    check("invitations_email_lowercase", sql`${t.email} = lower(${t.email})`),
  ],
);

/** Ten single-use codes that stand in for the authenticator; stored as SHA-256 hashes. */
export const recoveryCodes = pgTable(
  "recovery_codes",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    usedAt: at("used_at"),
    createdAt: createdAt(),
  },
  (t) => [index("recovery_codes_user_id_idx").on(t.userId), uniqueIndex("recovery_codes_code_hash_key").on(t.userId, t.codeHash)],
);
