import { and, asc, eq, inArray, like, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { acceptBooking } from "@/db/queries/booking-actions";
import { createBooking } from "@/db/queries/bookings";
import { processPaymentEvent } from "@/db/queries/payment-events";
import { reinstateOrganization, suspendOrganization } from "@/db/queries/suspensions";
import { getHandle } from "@/db/connection";
import { migrateDatabase } from "@/db/migrate";
import { auditLog, bookings, bookingTransitions, ledgerEntries, listings, outboxEmails, payments } from "@/db/schema";
import { addDays, todayUtc } from "@/lib/domain/days";
import { runSweeps } from "@/lib/jobs/sweeps";
import { testPaymentIntentId, testProvider } from "@/lib/payments/test-provider";
import { dropTestDatabase } from "../../scripts/test-database";
import { makeAccount, makeAdmin } from "../support/fixtures";
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
afterEach(() => {
  vi.restoreAllMocks();
});

const ctx = { provider: testProvider, appUrl: "http://localhost:3000" };
/** The payment provider in an outage: releasing an authorization fails. */
const down = { ...ctx, provider: { ...testProvider, release: () => Promise.reject(new Error("payment provider unavailable")) } };
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

/**
 * A paid request whose release failed when `side`'s organization was suspended (the
 * payment provider was down), so it is still open against a suspended organization.
 */
async function unreleasedBySuspension(side: "miner" | "buyer", reason: string) {
  const reserved = await request(new Date());
  const party = reserved[side];
  vi.spyOn(console, "error").mockImplementation(() => {});
  const result = await suspendOrganization(party.db, await makeAdmin(), party.organization.id, { reason }, down);
  expect(result).toMatchObject({ releasedBookings: 0, failedBookings: [reserved.booking.id] });
  expect((await statusOf(reserved.booking.id)).status).toBe("awaiting_provider");
  return reserved;
}

/** Everything a release writes about a booking: transitions, payment, ledger, audit, mail. */
async function releaseRecord(id: string) {
  const db = (await getHandle()).db;
  const transitions = await db
    .select({ to: bookingTransitions.toStatus, actor: bookingTransitions.actorKind, actorUserId: bookingTransitions.actorUserId, reason: bookingTransitions.reason })
    .from(bookingTransitions)
    .where(eq(bookingTransitions.bookingId, id))
    .orderBy(asc(bookingTransitions.id));
  const [payment] = await db.select({ id: payments.id, status: payments.status }).from(payments).where(eq(payments.bookingId, id));
  const ledger = await db.select({ type: ledgerEntries.type, amount: ledgerEntries.amountCents }).from(ledgerEntries).where(eq(ledgerEntries.bookingId, id)).orderBy(asc(ledgerEntries.id));
  const audits = await db
    .select({ action: auditLog.action, actorUserId: auditLog.actorUserId, data: auditLog.data })
    .from(auditLog)
    .where(and(eq(auditLog.targetType, "payment"), eq(auditLog.targetId, payment!.id)))
    .orderBy(asc(auditLog.id));
  const mails = await db
    .select({ template: outboxEmails.template, to: outboxEmails.toAddress })
    .from(outboxEmails)
    .where(like(outboxEmails.textBody, `%${id}%`))
    .orderBy(asc(outboxEmails.id));
  return { transitions, payment: payment!.status, ledger, audits, mails };
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

    expect(again).toEqual({ expired: 0, lapsed: 0, released: 0, started: 0, completed: 0, tightened: 0, mailed: 0 });
    expect(await Promise.all(due.map(statusesOf))).toEqual(after);
  });

  it("releases, as the system, the open reservations a suspension could not release, once the payment provider is back", async () => {
    const now = new Date();
    const ofMiner = await unreleasedBySuspension("miner", "Fake interconnection agreement");
    const ofBuyer = await unreleasedBySuspension("buyer", "Chargeback fraud");
    const db = (await getHandle()).db;

    // While the provider is still down the sweep fails too: logged, and left for the next one.
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    expect((await runSweeps(db, down, now)).released).toBe(0);
    expect(logged).toHaveBeenCalledWith(expect.stringContaining(ofMiner.booking.id), expect.any(Error));
    expect((await statusOf(ofMiner.booking.id)).status).toBe("awaiting_provider");

    expect((await runSweeps(db, ctx, now)).released).toBe(2);

    // The miner's suspension declines the request waiting on it; the buyer's cancels its own.
    for (const [{ miner, buyer, booking }, status, reason] of [
      [ofMiner, "declined", "Organization suspended: Fake interconnection agreement"],
      [ofBuyer, "cancelled", "Organization suspended: Chargeback fraud"],
    ] as const) {
      expect(await statusOf(booking.id)).toEqual({ status, reason });
      const record = await releaseRecord(booking.id);
      expect(record.transitions.at(-1)).toEqual({ to: status, actor: "system", actorUserId: null, reason });
      expect(record.payment).toBe("released");
      expect(record.ledger).toEqual([
        { type: "deposit_authorized", amount: booking.depositCents },
        { type: "deposit_released", amount: -booking.depositCents },
      ]);
      expect(record.audits.at(-1)).toMatchObject({ action: "deposit.released", actorUserId: null, data: { bookingId: booking.id, reason } });
      const told = record.mails.filter((m) => m.template === `booking.${status}`).map((m) => m.to);
      expect(told.sort()).toEqual([buyer.user.email, miner.user.email].map((e) => e.toLowerCase()).sort());
    }

    const after = await Promise.all([ofMiner, ofBuyer].map((r) => releaseRecord(r.booking.id)));
    expect((await runSweeps(db, ctx, now)).released).toBe(0);
    expect(await Promise.all([ofMiner, ofBuyer].map((r) => releaseRecord(r.booking.id)))).toEqual(after);
  });

  it("leaves a suspension's unreleased reservation alone once the organization is reinstated", async () => {
    const stuck = await unreleasedBySuspension("buyer", "Checking a report");
    await reinstateOrganization(stuck.buyer.db, await makeAdmin(), stuck.buyer.organization.id, { reason: "Report was unfounded" });

    expect((await runSweeps(stuck.buyer.db, ctx)).released).toBe(0);
    expect((await statusOf(stuck.booking.id)).status).toBe("awaiting_provider");
  });

  it("moves each due booking exactly once when two sweeps run at the same time", async () => {
    const now = new Date();
    const today = todayUtc(now);
    const expiring = await Promise.all(Array.from({ length: 5 }, () => hold(100, new Date(now.getTime() - 45 * MINUTE))));
    const lapsing = await Promise.all(Array.from({ length: 3 }, () => request(new Date(now.getTime() - 6 * DAY))));
    const starting = await Promise.all(Array.from({ length: 3 }, () => confirmed(today, addDays(today, 30))));
    const ending = await Promise.all(Array.from({ length: 2 }, () => confirmed(addDays(today, -40), addDays(today, -1))));
    const releasing = await Promise.all((["miner", "buyer"] as const).map((side) => unreleasedBySuspension(side, "Duplicate account")));
    const db = (await getHandle()).db;

    const [a, b] = await Promise.all([runSweeps(db, ctx, now), runSweeps(db, ctx, now)]);

    expect(a.expired + b.expired).toBe(5);
    expect(a.lapsed + b.lapsed).toBe(3);
    expect(a.started + b.started).toBe(3);
    expect(a.completed + b.completed).toBe(2);
    expect(a.released + b.released).toBe(2);
    const ids = [...expiring, ...lapsing, ...starting, ...ending, ...releasing].map((x) => x.booking.id);
    const systemMoves = await db
      .select({ bookingId: bookingTransitions.bookingId, moves: sql<number>`count(*)::int` })
      .from(bookingTransitions)
      .where(and(inArray(bookingTransitions.bookingId, ids), eq(bookingTransitions.actorKind, "system")))
      .groupBy(bookingTransitions.bookingId);
    const movesOf = new Map(systemMoves.map((r) => [r.bookingId, r.moves]));
    // One move each; the bookings whose term had passed move twice (active, then completed).
    for (const id of ids) expect(movesOf.get(id)).toBe(ending.some((e) => e.booking.id === id) ? 2 : 1);
  });

  it("lowers the search bound that an expired hold had raised, once the sweep has expired it", async () => {
    const now = new Date();
    const { listing } = await hold(300, now);
    const db = (await getHandle()).db;
    expect(await boundOf(listing.id), "the capacity guard raised it").toBe(300);

    const counts = await runSweeps(db, ctx, new Date(now.getTime() + 31 * MINUTE));
    expect(counts.expired).toBeGreaterThanOrEqual(1);
    expect(counts.tightened).toBeGreaterThanOrEqual(1);
    expect(await boundOf(listing.id)).toBe(0);
  });

  it("lowers a bound under the listing's lock, so it counts a booking the capacity guard let in meanwhile", async () => {
    const { listing } = await publishedListing();
    const buyer = await makeAccount("buyer");
    const booking = (kw: number) => ({
      listingId: listing.id, buyerOrganizationId: buyer.organization.id, kw, status: "confirmed" as const,
      startDate: addDays(listing.availableFrom, 10), endDate: addDays(listing.availableFrom, 40),
      priceCentsPerKwMonth: 12000, depositPercent: 20, totalCents: 100_000, depositCents: 20_000, platformFeeBps: 800, expiresAt: new Date(),
    });
    const db = (await getHandle()).db;
    // A cancelled 500 kW booking leaves the bound at 500 over an empty calendar.
    await db.insert(bookings).values(booking(500));
    await db.update(bookings).set({ status: "cancelled" }).where(eq(bookings.listingId, listing.id));
    expect(await boundOf(listing.id)).toBe(500);

    // Another connection books 300 kW and holds its transaction open: the guard has the listing's lock.
    const other = postgres(databaseUrl, { max: 1, onnotice: () => {} });
    try {
      let booked!: () => void;
      let commit!: () => void;
      const bookedYet = new Promise<void>((resolve) => (booked = resolve));
      const committing = new Promise<void>((resolve) => (commit = resolve));
      const reserving = drizzle(other).transaction(async (tx) => {
        await tx.insert(bookings).values(booking(300));
        booked();
        await committing;
      });
      await bookedYet;
      // Drizzle's queries run when awaited: Promise.resolve starts this one now.
      const tightening = Promise.resolve(db.execute(sql`select tighten_listing_peak_bound(${listing.id}) as bound`));
      await vi.waitFor(async () => {
        const waiting = await db.execute(sql`select 1 from pg_stat_activity where wait_event_type = 'Lock' and query like '%tighten_listing_peak_bound%'`);
        expect(Array.from(waiting as unknown as unknown[])).toHaveLength(1);
      });
      commit();
      await reserving;
      await tightening;
      expect(await boundOf(listing.id), "the 300 kW committed while it waited").toBe(300);
    } finally {
      await other.end({ timeout: 5 });
    }
  });
});

async function boundOf(listingId: string): Promise<number> {
  const db = (await getHandle()).db;
  const [row] = await db.select({ kw: listings.peakBookedKw }).from(listings).where(eq(listings.id, listingId));
  return row!.kw;
}
