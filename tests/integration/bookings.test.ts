import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { acceptBooking, cancelBooking, declineBooking, refundBooking } from "@/db/queries/booking-actions";
import { createBooking, getBookingForViewer } from "@/db/queries/bookings";
import { processPaymentEvent } from "@/db/queries/payment-events";
import { auditLog, bookings, ledgerEntries, outboxEmails, payments } from "@/db/schema";
import type { Actor } from "@/lib/auth/policy";
import { AppError } from "@/lib/errors";
import { testPaymentIntentId, testProvider } from "@/lib/payments/test-provider";
import { makeAccount } from "../support/fixtures";
import { publishedListing, window } from "../support/bookings";

const ctx = { provider: testProvider, appUrl: "http://localhost:3000" };
const admin: Actor = { userId: null as unknown as string, role: "admin", organizationId: null };

async function reserveAndPay(kw = 300) {
  const { miner, listing } = await publishedListing();
  const buyer = await makeAccount("buyer");
  const booking = await createBooking(buyer.db, buyer.actor, { listingId: listing.id, kw, ...window(listing.availableFrom, 0, 60) });
  const outcome = await processPaymentEvent(buyer.db, { id: `evt_${booking.id}`, provider: "test", providerType: "test.authorized", kind: "authorized", paymentId: booking.paymentId, paymentIntentId: testPaymentIntentId(booking.paymentId) }, ctx);
  expect(outcome).toBe("processed");
  return { miner, buyer, listing, booking };
}

async function caught(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("reservations", () => {
  it("holds capacity for 30 minutes with the price copied and the deposit computed in cents", async () => {
    const { listing } = await publishedListing();
    const buyer = await makeAccount("buyer");
    const booking = await createBooking(buyer.db, buyer.actor, { listingId: listing.id, kw: 250, ...window(listing.availableFrom, 0, 60) });
    expect(booking.status).toBe("pending_deposit");
    // 250 kW × $120 × 20 % of the first month; 60 days = 2 months.
    expect(booking.depositCents).toBe(250 * 12000 * 0.2);
    expect(booking.totalCents).toBe(250 * 12000 * 2);
    expect(booking.expiresAt.getTime() - Date.now()).toBeGreaterThan(29 * 60_000);
  });

  it("refuses kW beyond what is free on the busiest day, with the free kW, and writes nothing", async () => {
    const { listing } = await publishedListing();
    const buyer = await makeAccount("buyer");
    await createBooking(buyer.db, buyer.actor, { listingId: listing.id, kw: 700, ...window(listing.availableFrom, 10, 40) });
    const error = await caught(createBooking(buyer.db, buyer.actor, { listingId: listing.id, kw: 301, ...window(listing.availableFrom, 0, 60) }));
    expect(error).toMatchObject({ status: 409, code: "capacity_exceeded", extra: { freeKw: 300 } });
    const rows = await buyer.db.select().from(bookings).where(eq(bookings.listingId, listing.id));
    expect(rows).toHaveLength(1);
  });

  it("explains dates outside the window or shorter than the minimum term with 422", async () => {
    const { listing } = await publishedListing({ minTermMonths: 3 });
    const buyer = await makeAccount("buyer");
    const outside = await caught(createBooking(buyer.db, buyer.actor, { listingId: listing.id, kw: 10, start: listing.availableFrom, end: "2099-01-01" }));
    expect(outside.status).toBe(422);
    expect(outside.fields?.end).toMatch(/available until/);
    const short = await caught(createBooking(buyer.db, buyer.actor, { listingId: listing.id, kw: 10, ...window(listing.availableFrom, 0, 30) }));
    expect(short.fields?.end).toMatch(/minimum term is 3 months/);
  });

  it("honours Idempotency-Key: the same body returns the same booking, another body is refused", async () => {
    const { listing } = await publishedListing();
    const buyer = await makeAccount("buyer");
    const body = { listingId: listing.id, kw: 100, ...window(listing.availableFrom, 0, 40) };
    const [a, b] = await Promise.all([
      createBooking(buyer.db, buyer.actor, body, { idempotencyKey: "key-0001-abcdef" }),
      createBooking(buyer.db, buyer.actor, body, { idempotencyKey: "key-0001-abcdef" }),
    ]);
    expect(a.id).toBe(b.id);
    expect([a.replayed, b.replayed].sort()).toEqual([false, true]);
    const other = await caught(createBooking(buyer.db, buyer.actor, { ...body, kw: 101 }, { idempotencyKey: "key-0001-abcdef" }));
    expect(other).toMatchObject({ status: 409, code: "idempotency_key_reused" });
  });

  it("does not let miners, admins or another buyer's view in", async () => {
    const { miner, listing } = await publishedListing();
    const buyer = await makeAccount("buyer");
    const stranger = await makeAccount("buyer");
    expect((await caught(createBooking(miner.db, miner.actor, { listingId: listing.id, kw: 10, ...window(listing.availableFrom, 0, 40) }))).status).toBe(403);
    const booking = await createBooking(buyer.db, buyer.actor, { listingId: listing.id, kw: 10, ...window(listing.availableFrom, 0, 40) });
    expect((await caught(getBookingForViewer(stranger.db, stranger.actor, booking.id))).status).toBe(404);
    expect((await getBookingForViewer(miner.db, miner.actor, booking.id)).role).toBe("miner");
  });
});

describe("the deposit lifecycle", () => {
  it("authorization moves the hold to the miner; accepting captures and splits the deposit", async () => {
    const { miner, buyer, booking } = await reserveAndPay();
    const waiting = await getBookingForViewer(buyer.db, buyer.actor, booking.id);
    expect(waiting.status).toBe("awaiting_provider");
    expect(waiting.respondBy!.getTime() - Date.now()).toBeGreaterThan(4.9 * 86_400_000);

    const buyerTries = await caught(acceptBooking(buyer.db, buyer.actor, booking.id, ctx));
    expect(buyerTries.status).toBe(403);
    const accepted = await acceptBooking(miner.db, miner.actor, booking.id, ctx);
    expect(accepted.status).toBe("confirmed");

    const ledger = await buyer.db.select({ type: ledgerEntries.type, amount: ledgerEntries.amountCents }).from(ledgerEntries).where(eq(ledgerEntries.bookingId, booking.id));
    const fee = Math.round(booking.depositCents * 0.08);
    expect(ledger).toEqual(
      expect.arrayContaining([
        { type: "deposit_authorized", amount: booking.depositCents },
        { type: "deposit_captured", amount: booking.depositCents },
        { type: "platform_fee", amount: fee },
        { type: "miner_share", amount: -(booking.depositCents - fee) },
      ]),
    );
    const [payment] = await buyer.db.select().from(payments).where(eq(payments.bookingId, booking.id));
    expect(payment?.status).toBe("captured");
    const audits = await buyer.db.select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.targetType, "payment"), eq(auditLog.targetId, payment!.id)));
    expect(audits.map((a) => a.action).sort()).toEqual(["deposit.authorized", "deposit.captured"]);
    const mails = await buyer.db.select({ template: outboxEmails.template }).from(outboxEmails).where(eq(outboxEmails.template, "booking.confirmed"));
    expect(mails.length).toBeGreaterThanOrEqual(2);

    const history = (await getBookingForViewer(buyer.db, buyer.actor, booking.id)).transitions.map((t) => `${t.from ?? "∅"}→${t.to}`);
    expect(history).toEqual(["∅→pending_deposit", "pending_deposit→awaiting_provider", "awaiting_provider→confirmed"]);
    expect((await caught(acceptBooking(miner.db, miner.actor, booking.id, ctx))).code).toBe("invalid_transition");
  });

  it("declining releases the authorization and frees the capacity", async () => {
    const { miner, buyer, listing, booking } = await reserveAndPay(1000);
    const declined = await declineBooking(miner.db, miner.actor, booking.id, "Hall under maintenance", ctx);
    expect(declined).toMatchObject({ status: "declined", statusReason: "Hall under maintenance" });
    const [payment] = await buyer.db.select().from(payments).where(eq(payments.bookingId, booking.id));
    expect(payment?.status).toBe("released");
    // All 1000 kW are free again.
    await createBooking(buyer.db, buyer.actor, { listingId: listing.id, kw: 1000, ...window(listing.availableFrom, 0, 60) });
  });

  it("the buyer can cancel before acceptance, not after", async () => {
    const first = await reserveAndPay();
    expect((await cancelBooking(first.buyer.db, first.buyer.actor, first.booking.id, null, ctx)).status).toBe("cancelled");
    const second = await reserveAndPay();
    await acceptBooking(second.miner.db, second.miner.actor, second.booking.id, ctx);
    expect((await caught(cancelBooking(second.buyer.db, second.buyer.actor, second.booking.id, null, ctx))).code).toBe("invalid_transition");
  });

  it("an admin refunds a confirmed booking; nobody else can", async () => {
    const { miner, buyer, booking } = await reserveAndPay();
    await acceptBooking(miner.db, miner.actor, booking.id, ctx);
    expect((await caught(refundBooking(miner.db, miner.actor, booking.id, "no", ctx))).status).toBe(403);
    const refunded = await refundBooking(buyer.db, admin, booking.id, "Site flooded", ctx);
    expect(refunded.status).toBe("refunded");
    const ledger = await buyer.db.select({ type: ledgerEntries.type }).from(ledgerEntries).where(eq(ledgerEntries.bookingId, booking.id));
    expect(ledger.map((l) => l.type)).toContain("deposit_refunded");
  });

  it("processes a replayed event once, however many copies arrive at the same time", async () => {
    const { listing } = await publishedListing();
    const buyer = await makeAccount("buyer");
    const booking = await createBooking(buyer.db, buyer.actor, { listingId: listing.id, kw: 50, ...window(listing.availableFrom, 0, 40) });
    const event = { id: `evt_replay_${booking.id}`, provider: "test" as const, providerType: "test.authorized", kind: "authorized" as const, paymentId: booking.paymentId, paymentIntentId: testPaymentIntentId(booking.paymentId) };
    const outcomes = await Promise.all(Array.from({ length: 5 }, () => processPaymentEvent(buyer.db, event, ctx)));
    expect(outcomes.filter((o) => o === "processed")).toHaveLength(1);
    expect(outcomes.filter((o) => o === "duplicate")).toHaveLength(4);
    const history = (await getBookingForViewer(buyer.db, buyer.actor, booking.id)).transitions;
    expect(history).toHaveLength(2);
  });

  it("releases a deposit paid after the hold expired instead of reviving the booking", async () => {
    const { listing } = await publishedListing();
    const buyer = await makeAccount("buyer");
    const booking = await createBooking(buyer.db, buyer.actor, { listingId: listing.id, kw: 50, ...window(listing.availableFrom, 0, 40) }, { now: new Date(Date.now() - 31 * 60_000) });
    await processPaymentEvent(buyer.db, { id: `evt_late_${booking.id}`, provider: "test", providerType: "test.authorized", kind: "authorized", paymentId: booking.paymentId, paymentIntentId: testPaymentIntentId(booking.paymentId) }, ctx);
    const after = await getBookingForViewer(buyer.db, buyer.actor, booking.id);
    expect(after.status).toBe("expired");
    expect(after.payment?.status).toBe("released");
  });
});
