// The clock's side of the booking lifecycle: holds not paid in time expire, requests the
// miner leaves unanswered lapse, confirmed bookings start on their first day and complete
// after their last, and a suspended organization's open reservations that its suspension
// could not release are released; then search's bounds on the listings whose bookings
// moved are lowered to their busiest day. Plain functions, run every minute by
// lib/jobs/runner.ts.
//
// Safe to run from several places at once: each booking moves in its own transaction
// (db/queries/booking-actions.ts) that locks the row and re-checks the transition, so
// a sweep that loses a race to a user, a payment event or another sweep gets
// invalid_transition for that booking and moves on. SKIP LOCKED would add nothing.
import "server-only";
import { and, asc, eq, gt, inArray, lte, sql, type SQL } from "drizzle-orm";
import { rawRows, type Database } from "@/db";
import { advanceBooking, expireBooking, releaseBySystem } from "@/db/queries/booking-actions";
import { publishDueReviews } from "@/db/queries/reviews";
import { mailUnreadMessages } from "@/db/queries/message-mail";
import { openReservationsOfSuspended } from "@/db/queries/suspensions";
import { bookings } from "@/db/schema";
import type { BookingStatus } from "@/lib/domain/booking-lifecycle";
import { todayUtc } from "@/lib/domain/days";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { deliverPendingMail } from "@/lib/mail";
import type { PaymentProvider } from "@/lib/payments/provider";

export type SweepContext = { provider: PaymentProvider; appUrl: string };
export type SweepCounts = { expired: number; lapsed: number; released: number; started: number; completed: number; tightened: number; mailed: number };

const BATCH = 100;

/** pending_deposit holds whose expires_at has passed → expired. */
export function expireHolds(db: Database, ctx: SweepContext, now: Date): Promise<number> {
  const due = and(eq(bookings.status, "pending_deposit"), lte(bookings.expiresAt, now))!;
  return sweep(db, due, ({ id }) => expireBooking(db, id, "hold_expired", { ...ctx, now }));
}

/** awaiting_provider requests past respond_by → declined, the deposit authorization released. */
export function lapseRequests(db: Database, ctx: SweepContext, now: Date): Promise<number> {
  const due = and(eq(bookings.status, "awaiting_provider"), lte(bookings.respondBy, now))!;
  return sweep(db, due, ({ id }) => expireBooking(db, id, "lapse", { ...ctx, now }));
}

/**
 * Open reservations of suspended organizations → cancelled, or declined when the miner's
 * side is suspended: the suspension's own release failed (the payment provider was down).
 */
export function releaseSuspended(db: Database, ctx: SweepContext, now: Date): Promise<number> {
  return sweep(db, openReservationsOfSuspended(db), ({ id }) => releaseBySystem(db, id, { ...ctx, now }));
}

/** Confirmed bookings whose first day has come (and whose last has not passed) → active. */
export function startBookings(db: Database, ctx: SweepContext, today: string): Promise<number> {
  const due = and(eq(bookings.status, "confirmed"), lte(bookings.startDate, today), gt(bookings.endDate, today))!;
  return sweep(db, due, ({ id }) => advanceBooking(db, id, "start", ctx));
}

/**
 * Bookings whose end date has come (end is exclusive: the last day was yesterday) →
 * completed. A confirmed one that was never seen active (the app was down over its
 * whole term) goes through active first, so its history keeps the lifecycle's order.
 */
export function completeBookings(db: Database, ctx: SweepContext, today: string): Promise<number> {
  const due = and(inArray(bookings.status, ["confirmed", "active"]), lte(bookings.endDate, today))!;
  return sweep(db, due, async ({ id, status }) => {
    if (status === "confirmed") await skippingLostRaces(advanceBooking(db, id, "start", ctx));
    await advanceBooking(db, id, "complete", ctx);
  });
}

/** Everything the clock does, in lifecycle order (start before complete), then mail delivery. */
export async function runSweeps(db: Database, ctx: SweepContext, now = new Date()): Promise<SweepCounts> {
  const today = todayUtc(now);
  const expired = await expireHolds(db, ctx, now);
  const lapsed = await lapseRequests(db, ctx, now);
  const released = await releaseSuspended(db, ctx, now);
  const started = await startBookings(db, ctx, today);
  const completed = await completeBookings(db, ctx, today);
  const tightened = await tightenSearchBounds(db);
  const mailed = await deliverPendingMail(db);
  return { expired, lapsed, released, started, completed, tightened, mailed };
}

/**
 * Messages unread MESSAGE_MAIL_DELAY_MINUTES after they were written → one mail per
 * reader of the other organization who has not read them, at most one an hour per thread
 * (db/queries/message-mail.ts). Run by lib/jobs/runner.ts beside runSweeps, before it
 * delivers mail, so the mail goes out in the same minute. A failure is logged; the messages stay unchecked and the
 * next sweep tries them again.
 */
export async function sweepUnreadMessageMail(db: Database, ctx: Pick<SweepContext, "appUrl">, now = new Date(), delayMinutes = env.messageMailDelayMinutes): Promise<number> {
  try {
    return await mailUnreadMessages(db, { appUrl: ctx.appUrl, delayMinutes, now });
  } catch (error) {
    console.error("[jobs] unread-message mail failed; the next sweep retries it", error);
    return 0;
  }
}

/**
 * Publishes the reviews whose 14-day window closed before the other side reviewed
 * (db/queries/reviews.ts), one transaction per booking. Logged and retried like the mail.
 */
export async function sweepDueReviews(db: Database, ctx: Pick<SweepContext, "appUrl">, now = new Date()): Promise<number> {
  try {
    return await publishDueReviews(db, { appUrl: ctx.appUrl, now });
  } catch (error) {
    console.error("[jobs] publishing due reviews failed; the next sweep retries it", error);
    return 0;
  }
}

/**
 * Listings with a booking that moved in the last ten minutes (by anyone: this sweep, a
 * user, a payment event) whose search bound, `peak_booked_kw`, is now above their busiest
 * day → the bound lowered to it. The capacity guard only ever raises the bound; without
 * this, every cancelled, expired or completed booking would leave search reading more
 * bookings than it needs. Each listing in its own short transaction, under the guard's
 * lock (tighten_listing_peak_bound, migration 0009). Ten minutes covers a few sweeps that
 * failed or did not run; a bound left high costs search time, never a wrong answer.
 */
export async function tightenSearchBounds(db: Database): Promise<number> {
  const loose = await rawRows<{ id: string }>(
    db,
    sql`select l.id from listings l
        where l.id in (select b.listing_id from booking_transitions t join bookings b on b.id = t.booking_id
                       where t.created_at > now() - interval '10 minutes')
          and l.peak_booked_kw > listing_busiest_day_kw(l.id)`,
  );
  let done = 0;
  for (const { id } of loose) {
    try {
      await db.execute(sql`select tighten_listing_peak_bound(${id})`);
      done++;
    } catch (error) {
      console.error(`[jobs] listing ${id}: its search bound could not be lowered; the next sweep retries it`, error);
    }
  }
  return done;
}

/**
 * Runs `act` on every booking matching `due`, a batch at a time, and counts the ones it
 * moved. Pages by id so that a booking that keeps failing (the payment provider is down)
 * is tried once per sweep instead of forever; the next sweep tries it again.
 */
async function sweep(db: Database, due: SQL, act: (booking: { id: string; status: BookingStatus }) => Promise<unknown>): Promise<number> {
  let done = 0;
  let after: string | undefined;
  for (;;) {
    const batch = await db
      .select({ id: bookings.id, status: bookings.status })
      .from(bookings)
      .where(after ? and(due, gt(bookings.id, after)) : due)
      .orderBy(asc(bookings.id))
      .limit(BATCH);
    for (const booking of batch) {
      try {
        if (await skippingLostRaces(act(booking))) done++;
      } catch (error) {
        console.error(`[jobs] booking ${booking.id} could not be moved; the next sweep retries it`, error);
      }
    }
    if (batch.length < BATCH) return done;
    after = batch.at(-1)!.id;
  }
}

/** True when the action ran; false when the booking had already moved on (another actor won). */
async function skippingLostRaces(action: Promise<unknown>): Promise<boolean> {
  try {
    await action;
    return true;
  } catch (error) {
    if (error instanceof AppError && (error.code === "invalid_transition" || error.code === "not_found")) return false;
    throw error;
  }
}
