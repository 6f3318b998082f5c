import { and, asc, eq, inArray, like, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { acceptBooking } from "@/db/queries/booking-actions";
import { createBooking } from "@/db/queries/bookings";
import { processPaymentEvent } from "@/db/queries/payment-events";
import { getHandle } from "@/db/connection";
import { migrateDatabase } from "@/db/migrate";
import { auditLog, bookings, bookingTransitions, ledgerEntries, outboxEmails, payments } from "@/db/schema";
import { addDays, todayUtc } from "@/lib/domain/days";
import { runSweeps } from "@/lib/jobs/sweeps";
import { testPaymentIntentId, testProvider } from "@/lib/payments/test-provider";
import { dropTestDatabase } from "../../scripts/test-database";
import { makeAccount } from "../support/fixtures";
import { publishedListing, window } from "../support/bookings";

// A sweep moves every due booking in its database, so this file gets a database of its
// own: in the shared one it would lapse other files' overdue requests while they look.
const databaseUrl = await vi.hoisted(async () => {
  const { createTestDatabase } = await import("../../scripts/test-database");
  const url = await createTestDatabase("substation_sweeps");
  process.env.DATABASE_URL = url;
  return url;
});

beforeAll(() => migrateDatabase(databaseUrl));
afterAll(async () => {
  await (await getHandle()).close();
  await dropTestDatabase(databaseUrl);
});

const ctx = { provider: testProvider, appUrl: "http://localhost:3000" };
const MINUTE = 60_000;
const DAY = 86_400_000;

/** A hold reserved at `at` (so it expired at `at` + 30 minutes). */
async function hold(kw: number, at: Date, startOffset = 0) {
  const { miner, listing } = await publishedListing();
  const buyer = await makeAccount("buyer");
  const booking = await createBooking(buyer.db, buyer.actor, { listingId: listing.id, kw, ...window(listing.availableFrom, startOffset, 60) }, { now: at });
  return { miner, buyer, listing, booking };
}

/** A request to the miner whose deposit was authorized at `at` (so respond_by is 5 days later). */
async function request(at: Date) {
  const reserved = await hold(100, at);
  const paid = { ...ctx, now: new Date(at.getTime() + MINUTE) };
  const { paymentId } = reserved.booking;
  await processPaymentEvent(reserved.buyer.db, { id: `evt_${paymentId}`, provider: "test", providerType: "test.authorized", kind: "authorized", paymentId, paymentIntentId: testPaymentIntentId(paymentId) }, paid);
  return reserved;
}

/** A confirmed booking moved to [start, end) as if that had been its term all along. */
async function confirmed(start: string, end: string) {
  const { miner, buyer, booking } = await request(new Date());
  await acceptBooking(miner.db, miner.actor, booking.id, ctx);
  await buyer.db.update(bookings).set({ startDate: start, endDate: end }).where(eq(bookings.id, booking.id));
  return { miner, buyer, booking };
}

async function history(id: string) {
  const db = (await getHandle()).db;
  const rows = await db.select({ to: bookingTransitions.toStatus, actor: bookingTransitions.actorKind }).from(bookingTransitions).where(eq(bookingTransitions.bookingId, id)).orderBy(asc(bookingTransitions.id));
  return rows;
}

const statusesOf = async (id: string) => (await history(id)).map((t) => t.to);

async function statusOf(id: string) {
  const db = (await getHandle()).db;
  const [row] = await db.select({ status: bookings.status, reason: bookings.statusReason }).from(bookings).where(eq(bookings.id, id));
  return row!;
}

describe("the clock's sweeps", () => {
  it("expires holds whose 30 minutes have passed, freeing their kW, and leaves unexpired holds alone", async () => {
    const now = new Date();
    const stale = await hold(1000, new Date(now.getTime() - 31 * MINUTE));
    const fresh = await hold(100, new Date(now.getTime() - 20 * MINUTE));

    const counts = await runSweeps(stale.buyer.db, ctx, now);

    expect(counts.expired).toBe(1);
    expect(await statusOf(stale.booking.id)).toEqual({ status: "expired", reason: "The deposit was not paid within 30 minutes" });
    expect(await history(stale.booking.id)).toEqual([
      { to: "pending_deposit", actor: "user" },
      { to: "expired", actor: "system" },
    ]);
    expect((await statusOf(fresh.booking.id)).status).toBe("pending_deposit");
    // The whole listing is free again for the expired hold's window.
    const again = await createBooking(stale.buyer.db, stale.buyer.actor, { listingId: stale.listing.id, kw: 1000, ...window(stale.listing.availableFrom, 0, 60) });
    expect(again.status).toBe("pending_deposit");
  });

  it("lapses a request unanswered past respond_by to declined, releasing the deposit with ledger, audit and mail to both parties", async () => {
    const now = new Date();
    const overdue = await request(new Date(now.getTime() - 5 * DAY - 10 * MINUTE));
    const waiting = await request(new Date(now.getTime() - 4 * DAY));
    const { db } = overdue.buyer;

    const counts = await runSweeps(db, ctx, now);

    expect(counts.lapsed).toBe(1);
    expect(await statusOf(overdue.booking.id)).toEqual({ status: "declined", reason: "The miner did not answer in time" });
    expect((await statusOf(waiting.booking.id)).status).toBe("awaiting_provider");

    const [payment] = await db.select({ id: payments.id, status: payments.status }).from(payments).where(eq(payments.bookingId, overdue.booking.id));
    expect(payment!.status).toBe("released");
    const ledger = await db.select({ type: ledgerEntries.type, amount: ledgerEntries.amountCents }).from(ledgerEntries).where(eq(ledgerEntries.bookingId, overdue.booking.id));
    expect(ledger).toContainEqual({ type: "deposit_released", amount: -overdue.booking.depositCents });
    const audits = await db.select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.targetType, "payment"), eq(auditLog.targetId, payment!.id)));
    expect(audits.map((a) => a.action)).toContain("deposit.released");
    const mails = await db
      .select({ to: outboxEmails.toAddress })
      .from(outboxEmails)
      .where(and(eq(outboxEmails.template, "booking.declined"), like(outboxEmails.textBody, `%${overdue.booking.id}%`)));
    expect(mails.map((m) => m.to).sort()).toEqual([overdue.buyer.user.email, overdue.miner.user.email].map((e) => e.toLowerCase()).sort());
  });

  it("starts a confirmed booking on its start date and completes it after its end date, and leaves future ones alone", async () => {
    const today = todayUtc();
    const startsToday = await confirmed(today, addDays(today, 30));
    const future = await confirmed(addDays(today, 1), addDays(today, 30));
    const { db } = startsToday.buyer;

    await runSweeps(db, ctx);
    expect((await statusOf(startsToday.booking.id)).status).toBe("active");
    expect((await statusOf(future.booking.id)).status).toBe("confirmed");

    // Its last day was yesterday (end dates are exclusive).
    await db.update(bookings).set({ startDate: addDays(today, -30), endDate: today }).where(eq(bookings.id, startsToday.booking.id));
    const counts = await runSweeps(db, ctx);
    expect(counts.completed).toBe(1);
    expect(await statusesOf(startsToday.booking.id)).toEqual(["pending_deposit", "awaiting_provider", "confirmed", "active", "completed"]);
  });

  it("takes a confirmed booking whose whole term has passed through active to completed", async () => {
    const today = todayUtc();
    const missed = await confirmed(addDays(today, -40), addDays(today, -10));

    const counts = await runSweeps(missed.buyer.db, ctx);

    expect(counts).toMatchObject({ started: 0, completed: 1 });
    expect((await history(missed.booking.id)).slice(-2)).toEqual([
      { to: "active", actor: "system" },
      { to: "completed", actor: "system" },
    ]);
  });

  it("changes nothing when run again right after", async () => {
    const now = new Date();
    const today = todayUtc(now);
    const due = [
      (await hold(100, new Date(now.getTime() - 40 * MINUTE))).booking.id,
      (await request(new Date(now.getTime() - 6 * DAY))).booking.id,
      (await confirmed(today, addDays(today, 30))).booking.id,
      (await confirmed(addDays(today, -40), addDays(today, -1))).booking.id,
    ];
    const db = (await getHandle()).db;

    await runSweeps(db, ctx, now);
    const after = await Promise.all(due.map(statusesOf));
    const again = await runSweeps(db, ctx, now);

    expect(again).toEqual({ expired: 0, lapsed: 0, started: 0, completed: 0, mailed: 0 });
    expect(await Promise.all(due.map(statusesOf))).toEqual(after);
  });

  it("moves each due booking exactly once when two sweeps run at the same time", async () => {
    const now = new Date();
    const today = todayUtc(now);
    const expiring = await Promise.all(Array.from({ length: 5 }, () => hold(100, new Date(now.getTime() - 45 * MINUTE))));
    const lapsing = await Promise.all(Array.from({ length: 3 }, () => request(new Date(now.getTime() - 6 * DAY))));
    const starting = await Promise.all(Array.from({ length: 3 }, () => confirmed(today, addDays(today, 30))));
    const ending = await Promise.all(Array.from({ length: 2 }, () => confirmed(addDays(today, -40), addDays(today, -1))));
    const db = (await getHandle()).db;

    const [a, b] = await Promise.all([runSweeps(db, ctx, now), runSweeps(db, ctx, now)]);

    expect(a.expired + b.expired).toBe(5);
    expect(a.lapsed + b.lapsed).toBe(3);
    expect(a.started + b.started).toBe(3);
    expect(a.completed + b.completed).toBe(2);
    const ids = [...expiring, ...lapsing, ...starting, ...ending].map((x) => x.booking.id);
    const systemMoves = await db
      .select({ bookingId: bookingTransitions.bookingId, moves: sql<number>`count(*)::int` })
      .from(bookingTransitions)
      .where(and(inArray(bookingTransitions.bookingId, ids), eq(bookingTransitions.actorKind, "system")))
      .groupBy(bookingTransitions.bookingId);
    const movesOf = new Map(systemMoves.map((r) => [r.bookingId, r.moves]));
    // One move each; the bookings whose term had passed move twice (active, then completed).
    for (const id of ids) expect(movesOf.get(id)).toBe(ending.some((e) => e.booking.id === id) ? 2 : 1);
  });
});
