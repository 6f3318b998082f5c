// Platform plumbing: API tokens, the mail outbox and rate-limit counters, all kept in
// PostgreSQL so that any number of app instances share them.
import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { at, createdAt, id } from "./columns";
import { mailStatus } from "./enums";
import { users } from "./organizations";

export const apiTokens = pgTable(
  "api_tokens",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** SHA-256 of the token; the token itself is shown once and never stored. */
    tokenHash: text("token_hash").notNull(),
    /** The first characters, so a user can tell tokens apart. */
    prefix: text("prefix").notNull(),
    lastUsedAt: at("last_used_at"),
    revokedAt: at("revoked_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("api_tokens_token_hash_key").on(t.tokenHash),
    index("api_tokens_user_id_idx").on(t.userId),
    check("api_tokens_name_length", sql`length(trim(${t.name})) between 1 and 80`),
  ],
);

/**
 * Mail written in the same transaction as the change it reports. With SMTP configured a
 * row is `pending` until delivered; without, it is `stored` and read on the outbox page.
 */
export const outboxEmails = pgTable(
  "outbox_emails",
  {
    id: id(),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    textBody: text("text_body").notNull(),
    template: text("template").notNull(),
    status: mailStatus("status").notNull(),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    sentAt: at("sent_at"),
    createdAt: createdAt(),
  },
  (t) => [
    index("outbox_emails_status_idx").on(t.status, t.createdAt),
    index("outbox_emails_to_address_idx").on(t.toAddress, t.createdAt),
  ],
);

/** Fixed-window counters (e.g. failed sign-ins per account and per IP). */
export const rateLimits = pgTable(
  "rate_limits",
  {
    key: text("key").notNull(),
    windowStart: at("window_start").notNull(),
    hits: integer("hits").notNull().default(0),
  },
  (t) => [primaryKey({ name: "rate_limits_pkey", columns: [t.key, t.windowStart] }), index("rate_limits_window_start_idx").on(t.windowStart)],
);
