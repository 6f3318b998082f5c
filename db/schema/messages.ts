// Conversations: one thread per booking, and one pre-booking inquiry per (listing, buyer org),
// with each reader's place in it, the mail sent about it, and reports of single messages.
import { sql } from "drizzle-orm";
import { check, index, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { at, createdAt, id } from "./columns";
import { bookings } from "./bookings";
import { reportReason, reportStatus, threadKind } from "./enums";
import { listings } from "./listings";
import { organizations, users } from "./organizations";

export const messageThreads = pgTable(
  "message_threads",
  {
    id: id(),
    kind: threadKind("kind").notNull(),
    listingId: uuid("listing_id")
      .notNull()
      .references(() => listings.id, { onDelete: "cascade" }),
    buyerOrganizationId: uuid("buyer_organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    /** The listing's organization, kept here so each side's inbox is one index scan. */
    minerOrganizationId: uuid("miner_organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    bookingId: uuid("booking_id").references(() => bookings.id, { onDelete: "cascade" }),
    /** The newest message's time (the thread's own before the first): set by a trigger on messages. */
    lastMessageAt: at("last_message_at").notNull().defaultNow(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("message_threads_booking_key").on(t.bookingId).where(sql`${t.kind} = 'booking'`),
    uniqueIndex("message_threads_inquiry_key")
      .on(t.listingId, t.buyerOrganizationId)
      .where(sql`${t.kind} = 'inquiry'`),
    index("message_threads_listing_id_idx").on(t.listingId),
    index("message_threads_buyer_inbox_idx").on(t.buyerOrganizationId, t.lastMessageAt.desc()),
    index("message_threads_miner_inbox_idx").on(t.minerOrganizationId, t.lastMessageAt.desc()),
    check("message_threads_kind_booking", sql`(${t.kind} = 'booking') = (${t.bookingId} is not null)`),
  ],
);

export const messages = pgTable(
  "messages",
  {
    id: id(),
    threadId: uuid("thread_id")
      .notNull()
      .references(() => messageThreads.id, { onDelete: "cascade" }),
    authorUserId: uuid("author_user_id").references(() => users.id, { onDelete: "set null" }),
    body: text("body").notNull(),
    /** Set once the unread-mail sweep has looked at the message (mailed or not). */
    mailCheckedAt: at("mail_checked_at"),
    createdAt: createdAt(),
  },
  (t) => [
    index("messages_thread_id_idx").on(t.threadId, t.createdAt),
    index("messages_author_user_id_idx").on(t.authorUserId),
    // The mail sweep's queue: small, since a message leaves it minutes after it is written.
    index("messages_mail_pending_idx").on(t.createdAt).where(sql`${t.mailCheckedAt} is null`),
    check("messages_body_length", sql`length(trim(${t.body})) between 1 and 10000`),
  ],
);

/** Where each reader is in a thread: messages after `lastReadAt` by others are unread. */
export const threadReads = pgTable(
  "thread_reads",
  {
    threadId: uuid("thread_id")
      .notNull()
      .references(() => messageThreads.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    lastReadAt: at("last_read_at").notNull(),
  },
  (t) => [primaryKey({ name: "thread_reads_pkey", columns: [t.threadId, t.userId] }), index("thread_reads_user_id_idx").on(t.userId)],
);

/** The last unread-message mail per person and thread: at most one an hour. */
export const threadMailLog = pgTable(
  "thread_mail_log",
  {
    threadId: uuid("thread_id")
      .notNull()
      .references(() => messageThreads.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    lastMailedAt: at("last_mailed_at").notNull(),
  },
  (t) => [primaryKey({ name: "thread_mail_log_pkey", columns: [t.threadId, t.userId] }), index("thread_mail_log_user_id_idx").on(t.userId)],
);

/** A message reported to admins, resolved like a listing report. */
export const messageReports = pgTable(
  "message_reports",
  {
    id: id(),
    messageId: uuid("message_id")
      .notNull()
      .references(() => messages.id, { onDelete: "cascade" }),
    reporterUserId: uuid("reporter_user_id").references(() => users.id, { onDelete: "set null" }),
    reason: reportReason("reason").notNull(),
    note: text("note").notNull().default(""),
    status: reportStatus("status").notNull().default("open"),
    resolvedBy: uuid("resolved_by").references(() => users.id, { onDelete: "set null" }),
    resolutionNote: text("resolution_note"),
    resolvedAt: at("resolved_at"),
    createdAt: createdAt(),
  },
  (t) => [
    index("message_reports_message_id_idx").on(t.messageId),
    index("message_reports_reporter_user_id_idx").on(t.reporterUserId),
    index("message_reports_resolved_by_idx").on(t.resolvedBy),
    index("message_reports_status_idx").on(t.status, t.createdAt),
    // One open report per person and message: reporting twice is one report.
    uniqueIndex("message_reports_open_key").on(t.messageId, t.reporterUserId).where(sql`${t.status} = 'open'`),
    check("message_reports_note_length", sql`length(${t.note}) <= 2000`),
    check("message_reports_resolution_consistent", sql`(${t.status} = 'open') = (${t.resolvedAt} is null)`),
  ],
);
