// Reviews after a booking: each side rates the other once, hidden until both have reviewed
// or the 14-day window closes; one reply; admins hide a review with a reason.
import { sql } from "drizzle-orm";
import { check, index, pgEnum, pgTable, smallint, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { at, createdAt, id } from "./columns";
import { bookings } from "./bookings";
import { reportReason, reportStatus } from "./enums";
import { organizations, users } from "./organizations";

export const reviewDirection = pgEnum("review_direction", ["buyer_to_miner", "miner_to_buyer"]);

export const reviews = pgTable(
  "reviews",
  {
    id: id(),
    bookingId: uuid("booking_id")
      .notNull()
      .references(() => bookings.id, { onDelete: "restrict" }),
    direction: reviewDirection("direction").notNull(),
    authorOrganizationId: uuid("author_organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "restrict" }),
    subjectOrganizationId: uuid("subject_organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "restrict" }),
    authorUserId: uuid("author_user_id").references(() => users.id, { onDelete: "set null" }),
    rating: smallint("rating").notNull(),
    body: text("body").notNull(),
    /** Null while blind: set, for both of a booking's reviews at once, when both exist or the window closes. */
    publishedAt: at("published_at"),
    replyBody: text("reply_body"),
    replyUserId: uuid("reply_user_id").references(() => users.id, { onDelete: "set null" }),
    repliedAt: at("replied_at"),
    hiddenAt: at("hidden_at"),
    hiddenBy: uuid("hidden_by").references(() => users.id, { onDelete: "set null" }),
    hiddenReason: text("hidden_reason"),
    createdAt: createdAt(),
  },
  (t) => [
    // One review per side of a booking.
    uniqueIndex("reviews_booking_direction_key").on(t.bookingId, t.direction),
    index("reviews_subject_idx").on(t.subjectOrganizationId, t.publishedAt),
    index("reviews_author_organization_id_idx").on(t.authorOrganizationId),
    index("reviews_author_user_id_idx").on(t.authorUserId),
    index("reviews_reply_user_id_idx").on(t.replyUserId),
    index("reviews_hidden_by_idx").on(t.hiddenBy),
    // The window sweep's queue: reviews still blind.
    index("reviews_unpublished_idx").on(t.createdAt).where(sql`${t.publishedAt} is null`),
    check("reviews_rating_range", sql`${t.rating} between 1 and 5`),
    check("reviews_body_length", sql`length(trim(${t.body})) between 1 and 5000`),
    check("reviews_reply_length", sql`${t.replyBody} is null or length(trim(${t.replyBody})) between 1 and 5000`),
    check("reviews_reply_consistent", sql`(${t.replyBody} is null) = (${t.repliedAt} is null)`),
    check("reviews_reply_after_publication", sql`${t.replyBody} is null or ${t.publishedAt} is not null`),
    check("reviews_hidden_has_reason", sql`(${t.hiddenAt} is null) = (${t.hiddenReason} is null)`),
    check("reviews_not_self", sql`${t.authorOrganizationId} <> ${t.subjectOrganizationId}`),
  ],
);

/** A review reported to admins, resolved like a listing report. */
export const reviewReports = pgTable(
  "review_reports",
  {
    id: id(),
    reviewId: uuid("review_id")
      .notNull()
      .references(() => reviews.id, { onDelete: "cascade" }),
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
    index("review_reports_review_id_idx").on(t.reviewId),
    index("review_reports_reporter_user_id_idx").on(t.reporterUserId),
    index("review_reports_resolved_by_idx").on(t.resolvedBy),
    index("review_reports_status_idx").on(t.status, t.createdAt),
    uniqueIndex("review_reports_open_key").on(t.reviewId, t.reporterUserId).where(sql`${t.status} = 'open'`),
    check("review_reports_note_length", sql`length(${t.note}) <= 2000`),
    check("review_reports_resolution_consistent", sql`(${t.status} = 'open') = (${t.resolvedAt} is null)`),
  ],
);
