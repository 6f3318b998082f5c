// Conversations: one thread per booking, and one pre-booking inquiry per (listing, buyer org).
import { sql } from "drizzle-orm";
import { check, index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id } from "./columns";
import { bookings } from "./bookings";
import { threadKind } from "./enums";
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
    bookingId: uuid("booking_id").references(() => bookings.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("message_threads_booking_key").on(t.bookingId).where(sql`${t.kind} = 'booking'`),
    uniqueIndex("message_threads_inquiry_key")
      .on(t.listingId, t.buyerOrganizationId)
      .where(sql`${t.kind} = 'inquiry'`),
    index("message_threads_listing_id_idx").on(t.listingId),
    index("message_threads_buyer_organization_id_idx").on(t.buyerOrganizationId),
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
    createdAt: createdAt(),
  },
  (t) => [
    index("messages_thread_id_idx").on(t.threadId, t.createdAt),
    index("messages_author_user_id_idx").on(t.authorUserId),
    check("messages_body_length", sql`length(trim(${t.body})) between 1 and 10000`),
  ],
);
