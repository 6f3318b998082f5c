// Double-blind reviews. The rules this file owns: a booking opens for review when it
// completes or a confirmed booking is cancelled, for 14 days; each side reviews once; both
// reviews stay hidden until both exist or the window closes, then publish together; the
// reviewed organization's rating (sum and count on organizations) changes in the same
// transaction as a publication, a hide or a restore. Every write locks the booking row, so
// two sides submitting at once cannot both miss that the other has reviewed.
import "server-only";
import { and, asc, desc, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import { rawRows, type Executor } from "@/db";
import { organizations, reviewReports, reviews, users } from "@/db/schema";
import { assertRole, isAdmin, type Actor } from "@/lib/auth/policy";
import { AppError, sqlStateOf } from "@/lib/errors";
import { env } from "@/lib/env";
import { formatUtcDate } from "@/lib/format";
import { ratingOf } from "@/lib/domain/rating";
import { isUuid } from "@/lib/ids";
import { enqueueMail } from "@/lib/mail";
import { otherSideReviewedMail, reviewsPublishedMail } from "@/lib/mail/review-templates";
import { hideReviewSchema, replySchema, reportReviewSchema, resolveReviewReportSchema, reviewSchema } from "@/lib/validations/reviews";
import { writeAudit } from "./audit";
import { organizationEmails } from "./bookings";

export const REVIEW_WINDOW_DAYS = 14;
const DAY_MS = 86_400_000;

type Direction = "buyer_to_miner" | "miner_to_buyer";

export type ReviewView = {
  id: string;
  bookingId: string;
  direction: Direction;
  rating: number;
  body: string;
  author: { organizationId: string; organizationName: string; userName: string | null };
  subjectOrganizationId: string;
  createdAt: Date;
  publishedAt: Date | null;
  reply: { body: string; createdAt: Date } | null;
  hidden: boolean;
  hiddenReason: string | null;
};

export type BookingReviewState = {
  eligible: boolean;
  reason: string | null;
  windowEndsAt: Date | null;
  mine: ReviewView | null;
  /** The other side's review, only once published. */
  theirs: ReviewView | null;
  waitingForOther: boolean;
  /** The other side has written its review (still blind while `theirs` is null). */
  otherReviewed: boolean;
  canReply: boolean;
};

const reviewColumns = {
  id: reviews.id,
  bookingId: reviews.bookingId,
  direction: reviews.direction,
  rating: reviews.rating,
  body: reviews.body,
  authorOrganizationId: reviews.authorOrganizationId,
  authorOrganizationName: sql<string>`(select ao.name from organizations ao where ao.id = ${reviews.authorOrganizationId})`,
  authorUserName: sql<string | null>`(select name from users au where au.id = ${reviews.authorUserId})`,
  subjectOrganizationId: reviews.subjectOrganizationId,
  createdAt: reviews.createdAt,
  publishedAt: reviews.publishedAt,
  replyBody: reviews.replyBody,
  repliedAt: reviews.repliedAt,
  hiddenAt: reviews.hiddenAt,
  hiddenReason: reviews.hiddenReason,
};

type ReviewRow = {
  id: string;
  bookingId: string;
  direction: Direction;
  rating: number;
  body: string;
  authorOrganizationId: string;
  authorOrganizationName: string;
  authorUserName: string | null;
  subjectOrganizationId: string;
  createdAt: Date;
  publishedAt: Date | null;
  replyBody: string | null;
  repliedAt: Date | null;
  hiddenAt: Date | null;
  hiddenReason: string | null;
};

function present(row: ReviewRow): ReviewView {
  return {
    id: row.id,
    bookingId: row.bookingId,
    direction: row.direction,
    rating: row.rating,
    body: row.body,
    author: { organizationId: row.authorOrganizationId, organizationName: row.authorOrganizationName, userName: row.authorUserName },
    subjectOrganizationId: row.subjectOrganizationId,
    createdAt: row.createdAt,
    publishedAt: row.publishedAt,
    reply: row.replyBody && row.repliedAt ? { body: row.replyBody, createdAt: row.repliedAt } : null,
    hidden: row.hiddenAt !== null,
    hiddenReason: row.hiddenReason,
  };
}

/** When a booking opened for review: it completed, or was cancelled once confirmed or active. */
const windowOpensAt = (bookingId: SQL) => sql`(select min(t.created_at) from booking_transitions t
  where t.booking_id = ${bookingId} and (t.to_status = 'completed' or (t.to_status = 'cancelled' and t.from_status in ('confirmed', 'active'))))`;

type BookingFacts = { id: string; status: string; buyerOrganizationId: string; minerOrganizationId: string; listingTitle: string; opensAt: Date | null };

/**
 * The booking's parties and when its review window opened: the transition to completed,
 * or to cancelled from confirmed or active. `lock` takes the booking row FOR UPDATE.
 */
async function bookingFacts(db: Executor, bookingId: string, lock: boolean): Promise<BookingFacts | null> {
  if (!isUuid(bookingId)) return null;
  const rows = await rawRows<{ id: string; status: string; buyer_organization_id: string; miner_organization_id: string; listing_title: string; opens_at: Date | string | null }>(
    db,
    sql`select b.id, b.status, b.buyer_organization_id, l.organization_id as miner_organization_id, l.title as listing_title,
          ${windowOpensAt(sql`b.id`)} as opens_at
        from bookings b join listings l on l.id = b.listing_id
        where b.id = ${bookingId}
        ${lock ? sql`for update of b` : sql``}`,
  );
  const row = rows[0];
  if (!row) return null;
  return {
    id: row.id,
    status: row.status,
    buyerOrganizationId: row.buyer_organization_id,
    minerOrganizationId: row.miner_organization_id,
    listingTitle: row.listing_title,
    opensAt: row.opens_at === null ? null : new Date(row.opens_at),
  };
}

/** Which side the actor is on, or null for anyone else. */
function sideOf(actor: Actor, booking: BookingFacts): Direction | null {
  if (actor.organizationId === booking.buyerOrganizationId) return "buyer_to_miner";
  if (actor.organizationId === booking.minerOrganizationId) return "miner_to_buyer";
  return null;
}

const windowEnd = (booking: BookingFacts) => (booking.opensAt ? new Date(booking.opensAt.getTime() + REVIEW_WINDOW_DAYS * DAY_MS) : null);

async function reviewsOf(db: Executor, bookingId: string): Promise<ReviewRow[]> {
  return (await db.select(reviewColumns).from(reviews).where(eq(reviews.bookingId, bookingId))) as ReviewRow[];
}

/** What the booking page shows a party: the form, the wait, or both reviews. 404 for anyone else. */
export async function getBookingReviewState(db: Executor, actor: Actor, bookingId: string, now = new Date()): Promise<BookingReviewState> {
  const booking = await bookingFacts(db, bookingId, false);
  if (!booking) throw AppError.notFound("Booking");
  const side = sideOf(actor, booking);
  if (!side && !isAdmin(actor)) throw AppError.notFound("Booking");
  const rows = await reviewsOf(db, bookingId);
  const ends = windowEnd(booking);
  const mine = side ? rows.find((r) => r.direction === side) : undefined;
  const theirs = side ? rows.find((r) => r.direction !== side) : undefined;
  const open = ends !== null && now < ends;
  const reason = !side
    ? "Only the two parties review a booking."
    : !booking.opensAt
      ? "Reviews open when the booking completes."
      : mine
        ? "You have reviewed this booking."
        : !open
          ? "The 14-day review window has closed."
          : null;
  return {
    eligible: reason === null,
    reason,
    windowEndsAt: ends,
    mine: mine ? present(mine) : null,
    theirs: theirs?.publishedAt ? present(theirs) : null,
    waitingForOther: Boolean(mine && !mine.publishedAt),
    otherReviewed: Boolean(theirs),
    canReply: Boolean(theirs?.publishedAt && !theirs.replyBody && side),
  };
}

/** Publishes a booking's unpublished reviews in `tx` and counts them into their subjects' ratings. */
async function publish(tx: Executor, bookingId: string): Promise<string[]> {
  const published = await tx
    .update(reviews)
    .set({ publishedAt: sql`now()` })
    .where(and(eq(reviews.bookingId, bookingId), isNull(reviews.publishedAt)))
    .returning({ subject: reviews.subjectOrganizationId, rating: reviews.rating, hiddenAt: reviews.hiddenAt });
  for (const review of published) {
    if (review.hiddenAt) continue;
    await tx
      .update(organizations)
      .set({ ratingSum: sql`${organizations.ratingSum} + ${review.rating}`, ratingCount: sql`${organizations.ratingCount} + 1` })
      .where(eq(organizations.id, review.subject));
  }
  return published.map((r) => r.subject);
}

async function mailParties(tx: Executor, organizationIds: string[], mail: (to: string) => Parameters<typeof enqueueMail>[1]) {
  for (const { email } of await organizationEmails(tx, organizationIds)) await enqueueMail(tx, mail(email));
}

const bookingUrl = (appUrl: string, bookingId: string) => `${appUrl}/bookings/${bookingId}#reviews`;

/** A party's review. Publishes both at once when the other side has already reviewed. */
export async function submitReview(db: Executor, actor: Actor, bookingId: string, input: unknown, options: { appUrl?: string; now?: Date } = {}): Promise<ReviewView> {
  assertRole(actor, "miner", "buyer");
  const { rating, body } = reviewSchema.parse(input);
  const now = options.now ?? new Date();
  try {
    return await db.transaction(async (tx) => {
      const booking = await bookingFacts(tx, bookingId, true);
      if (!booking) throw AppError.notFound("Booking");
      const side = sideOf(actor, booking);
      if (!side) throw isAdmin(actor) ? AppError.forbidden("Only the two parties review a booking.") : AppError.notFound("Booking");
      const ends = windowEnd(booking);
      if (!ends) throw AppError.conflict("Reviews open when the booking completes (or a confirmed booking is cancelled).", "invalid_transition");
      if (now >= ends) throw AppError.conflict(`The review window closed on ${formatUtcDate(ends)}.`, "invalid_transition");
      const subject = side === "buyer_to_miner" ? booking.minerOrganizationId : booking.buyerOrganizationId;
      const [created] = await tx
        .insert(reviews)
        .values({ bookingId, direction: side, authorOrganizationId: actor.organizationId!, subjectOrganizationId: subject, authorUserId: actor.userId, rating, body })
        .returning({ id: reviews.id });
      const rows = await reviewsOf(tx, bookingId);
      const url = bookingUrl(options.appUrl ?? env.appUrl ?? "", bookingId);
      if (rows.length === 2) {
        await publish(tx, bookingId);
        await mailParties(tx, [booking.buyerOrganizationId, booking.minerOrganizationId], (to) => reviewsPublishedMail({ to, listingTitle: booking.listingTitle, url }));
      } else {
        await mailParties(tx, [subject], (to) => otherSideReviewedMail({ to, listingTitle: booking.listingTitle, url, windowEnds: formatUtcDate(ends) }));
      }
      const [row] = (await tx.select(reviewColumns).from(reviews).where(eq(reviews.id, created!.id))) as ReviewRow[];
      return present(row!);
    });
  } catch (error) {
    if (sqlStateOf(error) === "23505") throw AppError.conflict("Your organization has already reviewed this booking.", "conflict");
    throw error;
  }
}

/**
 * Publishes the reviews of bookings whose window has closed with only one side reviewed
 * (the minute sweep). One transaction per booking, under its lock.
 */
export async function publishDueReviews(db: Executor, options: { appUrl: string; now?: Date }): Promise<number> {
  const now = options.now ?? new Date();
  const due = await rawRows<{ booking_id: string }>(
    db,
    sql`select distinct r.booking_id from reviews r
        where r.published_at is null
          and ${windowOpensAt(sql`r.booking_id`)} <= ${new Date(now.getTime() - REVIEW_WINDOW_DAYS * DAY_MS).toISOString()}
        limit 200`,
  );
  let published = 0;
  for (const { booking_id: bookingId } of due) {
    await db.transaction(async (tx) => {
      const booking = await bookingFacts(tx, bookingId, true);
      if (!booking) return;
      const subjects = await publish(tx, bookingId);
      if (subjects.length === 0) return;
      published += subjects.length;
      const url = bookingUrl(options.appUrl, bookingId);
      await mailParties(tx, [booking.buyerOrganizationId, booking.minerOrganizationId], (to) => reviewsPublishedMail({ to, listingTitle: booking.listingTitle, url }));
    });
  }
  return published;
}

/** The reviewed organization's one reply to a published review. */
export async function replyToReview(db: Executor, actor: Actor, reviewId: string, input: unknown): Promise<ReviewView> {
  assertRole(actor, "miner", "buyer");
  const { body } = replySchema.parse(input);
  if (!isUuid(reviewId)) throw AppError.notFound("Review");
  return db.transaction(async (tx) => {
    const [review] = await tx
      .select({ subject: reviews.subjectOrganizationId, author: reviews.authorOrganizationId, publishedAt: reviews.publishedAt, replyBody: reviews.replyBody })
      .from(reviews)
      .where(eq(reviews.id, reviewId))
      .for("update");
    // Unpublished reviews do not exist for anyone but their authors.
    if (!review || !review.publishedAt || (actor.organizationId !== review.subject && actor.organizationId !== review.author)) throw AppError.notFound("Review");
    if (actor.organizationId !== review.subject) throw AppError.forbidden("Only the reviewed organization replies.");
    if (review.replyBody) throw AppError.conflict("This review already has your reply.", "conflict");
    await tx.update(reviews).set({ replyBody: body, replyUserId: actor.userId, repliedAt: sql`now()` }).where(eq(reviews.id, reviewId));
    const [row] = (await tx.select(reviewColumns).from(reviews).where(eq(reviews.id, reviewId))) as ReviewRow[];
    return present(row!);
  });
}

/** An organization's published reviews, newest first, with its rating. Hidden ones only for admins. */
export async function listOrganizationReviews(db: Executor, viewer: Actor | null, organizationId: string, options: { limit?: number } = {}) {
  if (!isUuid(organizationId)) return { average: null, count: 0, items: [] as ReviewView[] };
  const admin = viewer !== null && isAdmin(viewer);
  const [org] = await db.select({ sum: organizations.ratingSum, count: organizations.ratingCount }).from(organizations).where(eq(organizations.id, organizationId));
  const rows = (await db
    .select(reviewColumns)
    .from(reviews)
    .where(and(eq(reviews.subjectOrganizationId, organizationId), sql`${reviews.publishedAt} is not null`, admin ? undefined : isNull(reviews.hiddenAt)))
    .orderBy(desc(reviews.publishedAt), desc(reviews.id))
    .limit(Math.min(Math.max(options.limit ?? 20, 1), 100))) as ReviewRow[];
  return { ...ratingOf(org?.sum ?? 0, org?.count ?? 0), items: rows.map(present) };
}


/** Anyone signed in reports a published review; reporting twice is one open report. */
export async function reportReview(db: Executor, actor: Actor, reviewId: string, input: unknown): Promise<{ id: string }> {
  const { reason, note } = reportReviewSchema.parse(input);
  if (!isUuid(reviewId)) throw AppError.notFound("Review");
  const [review] = await db.select({ publishedAt: reviews.publishedAt }).from(reviews).where(eq(reviews.id, reviewId));
  if (!review?.publishedAt) throw AppError.notFound("Review");
  const [row] = await db
    .insert(reviewReports)
    .values({ reviewId, reporterUserId: actor.userId, reason, note })
    .onConflictDoNothing()
    .returning({ id: reviewReports.id });
  if (row) return row;
  const [existing] = await db
    .select({ id: reviewReports.id })
    .from(reviewReports)
    .where(and(eq(reviewReports.reviewId, reviewId), eq(reviewReports.reporterUserId, actor.userId), eq(reviewReports.status, "open")));
  return existing!;
}

/** Admins hide a review (it stops counting) or restore it (it counts again), with a reason; audited. */
export async function setReviewHidden(db: Executor, actor: Actor, reviewId: string, input: unknown): Promise<ReviewView> {
  assertRole(actor, "admin");
  const { hidden, reason } = hideReviewSchema.parse(input);
  if (!isUuid(reviewId)) throw AppError.notFound("Review");
  return db.transaction(async (tx) => {
    const [review] = await tx
      .select({ subject: reviews.subjectOrganizationId, rating: reviews.rating, publishedAt: reviews.publishedAt, hiddenAt: reviews.hiddenAt })
      .from(reviews)
      .where(eq(reviews.id, reviewId))
      .for("update");
    if (!review) throw AppError.notFound("Review");
    if (hidden === (review.hiddenAt !== null)) throw AppError.conflict(hidden ? "That review is already hidden." : "That review is not hidden.", "invalid_transition");
    await tx
      .update(reviews)
      .set(hidden ? { hiddenAt: sql`now()`, hiddenBy: actor.userId, hiddenReason: reason } : { hiddenAt: null, hiddenBy: null, hiddenReason: null })
      .where(eq(reviews.id, reviewId));
    if (review.publishedAt) {
      const sign = hidden ? -1 : 1;
      await tx
        .update(organizations)
        .set({ ratingSum: sql`${organizations.ratingSum} + ${sign * review.rating}`, ratingCount: sql`${organizations.ratingCount} + ${sign}` })
        .where(eq(organizations.id, review.subject));
    }
    await writeAudit(tx, { actorUserId: actor.userId, action: hidden ? "review.hidden" : "review.restored", targetType: "review", targetId: reviewId, organizationId: review.subject, data: { reason } });
    const [row] = (await tx.select(reviewColumns).from(reviews).where(eq(reviews.id, reviewId))) as ReviewRow[];
    return present(row!);
  });
}

/** Open review reports, oldest first, with the review (admins). */
export async function listReviewReports(db: Executor, actor: Actor) {
  assertRole(actor, "admin");
  const reports = await db
    .select({ id: reviewReports.id, reviewId: reviewReports.reviewId, reason: reviewReports.reason, note: reviewReports.note, createdAt: reviewReports.createdAt, reporterName: users.name })
    .from(reviewReports)
    .leftJoin(users, eq(users.id, reviewReports.reporterUserId))
    .where(eq(reviewReports.status, "open"))
    .orderBy(asc(reviewReports.createdAt))
    .limit(200);
  if (reports.length === 0) return [];
  const rows = (await db.select(reviewColumns).from(reviews).where(inArray(reviews.id, [...new Set(reports.map((r) => r.reviewId))]))) as ReviewRow[];
  const byId = new Map(rows.map((r) => [r.id, present(r)]));
  return reports.map(({ reviewId, ...report }) => ({ ...report, review: byId.get(reviewId)! }));
}

export async function resolveReviewReport(db: Executor, actor: Actor, reportId: string, input: unknown): Promise<void> {
  assertRole(actor, "admin");
  const { outcome, note } = resolveReviewReportSchema.parse(input);
  if (!isUuid(reportId)) throw AppError.notFound("Report");
  await db.transaction(async (tx) => {
    const [report] = await tx
      .update(reviewReports)
      .set({ status: outcome, resolvedBy: actor.userId, resolutionNote: note, resolvedAt: sql`now()` })
      .where(and(eq(reviewReports.id, reportId), eq(reviewReports.status, "open")))
      .returning({ reviewId: reviewReports.reviewId });
    if (!report) throw AppError.notFound("Open report");
    await writeAudit(tx, { actorUserId: actor.userId, action: `review_report.${outcome}`, targetType: "review_report", targetId: reportId, data: { reviewId: report.reviewId, note } });
  });
}
