import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { POST as adminOrganizationAction } from "@/app/api/v1/admin/organizations/[id]/[action]/route";
import { listOrganizations } from "@/db/queries/admin-organizations";
import { hashToken } from "@/db/queries/api-tokens";
import { acceptBooking } from "@/db/queries/booking-actions";
import { createBooking } from "@/db/queries/bookings";
import { getListingForViewer } from "@/db/queries/listings";
import { processPaymentEvent } from "@/db/queries/payment-events";
import { searchListings } from "@/db/queries/search";
import { reinstateOrganization, suspendOrganization } from "@/db/queries/suspensions";
import { apiTokens, auditLog, bookings, ledgerEntries, payments } from "@/db/schema";
import { callerOf } from "@/lib/api/handler";
import { authenticate } from "@/lib/auth/sign-in";
import { AppError, toAppError } from "@/lib/errors";
import { testPaymentIntentId, testProvider } from "@/lib/payments/test-provider";
import { searchSchema } from "@/lib/validations/search";
import { publishedListing, window } from "../support/bookings";
import { testDb } from "../support/db";
import { apiRequest, makeAccount, makeAdmin, params } from "../support/fixtures";

const ctx = { provider: testProvider, appUrl: "http://localhost:3000" };
const PASSWORD = "a long enough passphrase";
const freshIp = () => `198.51.100.${Math.floor(Math.random() * 250) + 1}-${randomBytes(3).toString("hex")}`;

async function caught(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** A published listing with a searchable word in its title, and a buyer. */
async function market() {
  const word = `suspend${randomBytes(4).toString("hex")}`;
  const { miner, listing } = await publishedListing({ title: `Hydro hall ${word}` });
  const buyer = await makeAccount("buyer");
  return { word, miner, listing, buyer };
}

type Market = Awaited<ReturnType<typeof market>>;

/** A hold that is not paid yet (pending_deposit). */
async function hold(m: Market, offset: number) {
  return createBooking(m.buyer.db, m.buyer.actor, { listingId: m.listing.id, kw: 100, ...window(m.listing.availableFrom, offset, 40) });
}

/** A paid request waiting on the miner (awaiting_provider, deposit authorized). */
async function paidRequest(m: Market, offset: number) {
  const booking = await hold(m, offset);
  const outcome = await processPaymentEvent(m.buyer.db, { id: `evt_${booking.id}`, provider: "test", providerType: "test.authorized", kind: "authorized", paymentId: booking.paymentId, paymentIntentId: testPaymentIntentId(booking.paymentId) }, ctx);
  expect(outcome).toBe("processed");
  return booking;
}

async function state(bookingId: string) {
  const db = await testDb();
  const [booking] = await db.select({ status: bookings.status, reason: bookings.statusReason }).from(bookings).where(eq(bookings.id, bookingId));
  const [payment] = await db.select({ status: payments.status }).from(payments).where(eq(payments.bookingId, bookingId));
  const ledger = await db.select({ type: ledgerEntries.type }).from(ledgerEntries).where(eq(ledgerEntries.bookingId, bookingId));
  return { status: booking!.status, reason: booking!.reason, payment: payment?.status, ledger: ledger.map((e) => e.type) };
}

const inSearch = async (m: Market) => (await searchListings(m.miner.db, searchSchema.parse({ q: m.word }))).items.some((i) => i.id === m.listing.id);

describe("suspending a miner organization", () => {
  it("takes its listings out of search and listing pages, stops sign-in and tokens, and releases its open requests", async () => {
    const m = await market();
    const admin = await makeAdmin();
    const pending = await hold(m, 0);
    const awaiting = await paidRequest(m, 100);
    const confirmed = await paidRequest(m, 200);
    await acceptBooking(m.miner.db, m.miner.actor, confirmed.id, ctx);
    expect(await inSearch(m)).toBe(true);
    expect((await callerOf(apiRequest("GET", "/api/v1/sites", m.miner.token)))?.actor.organizationId).toBe(m.miner.organization.id);

    const result = await suspendOrganization(m.miner.db, admin, m.miner.organization.id, { reason: "Fake interconnection agreement" }, ctx);
    expect(result).toEqual({ id: m.miner.organization.id, status: "suspended", releasedBookings: 2, failedBookings: [] });

    expect(await inSearch(m)).toBe(false);
    expect((await caught(getListingForViewer(m.miner.db, null, m.listing.id))).status).toBe(404);
    expect((await caught(getListingForViewer(m.miner.db, m.buyer.actor, m.listing.id))).status).toBe(404);
    expect(await authenticate(m.miner.db, { email: m.miner.user.email, password: PASSWORD, ip: freshIp() })).toEqual({ ok: false, reason: "suspended" });
    expect((await caught(callerOf(apiRequest("GET", "/api/v1/sites", m.miner.token)))).status).toBe(401);

    // The buyer's unpaid hold is withdrawn; the paid request is declined and its deposit released.
    expect(await state(pending.id)).toMatchObject({ status: "cancelled", payment: "requires_payment", ledger: [] });
    expect(await state(awaiting.id)).toMatchObject({ status: "declined", payment: "released", ledger: ["deposit_authorized", "deposit_released"] });
    expect((await state(awaiting.id)).reason).toBe("Organization suspended: Fake interconnection agreement");
    // A confirmed booking is a contract: the suspension does not undo it.
    expect((await state(confirmed.id)).status).toBe("confirmed");

    const [audit] = await m.miner.db
      .select({ actorUserId: auditLog.actorUserId, data: auditLog.data })
      .from(auditLog)
      .where(and(eq(auditLog.action, "organization.suspended"), eq(auditLog.targetId, m.miner.organization.id)));
    expect(audit).toEqual({ actorUserId: admin.userId, data: { reason: "Fake interconnection agreement" } });
  });

  it("is undone by reinstating: sign-in, tokens and listings come back", async () => {
    const m = await market();
    const admin = await makeAdmin();
    await suspendOrganization(m.miner.db, admin, m.miner.organization.id, { reason: "Checking a report" }, ctx);
    expect(await reinstateOrganization(m.miner.db, admin, m.miner.organization.id, { reason: "Report was unfounded" })).toEqual({ id: m.miner.organization.id, status: "active" });

    expect(await inSearch(m)).toBe(true);
    expect((await getListingForViewer(m.miner.db, null, m.listing.id)).isPublic).toBe(true);
    expect((await authenticate(m.miner.db, { email: m.miner.user.email, password: PASSWORD, ip: freshIp() })).ok).toBe(true);
    expect((await callerOf(apiRequest("GET", "/api/v1/sites", m.miner.token)))?.via).toBe("token");
    const actions = await m.miner.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.targetId, m.miner.organization.id)).orderBy(auditLog.id);
    expect(actions.map((a) => a.action)).toEqual(["organization.suspended", "organization.reinstated"]);
  });
});

describe("suspending a buyer organization", () => {
  it("stops its users and tokens and withdraws its holds and requests, releasing their deposits", async () => {
    const m = await market();
    const admin = await makeAdmin();
    const pending = await hold(m, 0);
    const awaiting = await paidRequest(m, 100);

    const result = await suspendOrganization(m.buyer.db, admin, m.buyer.organization.id, { reason: "Chargeback fraud" }, ctx);
    expect(result).toMatchObject({ status: "suspended", releasedBookings: 2, failedBookings: [] });

    expect(await state(pending.id)).toMatchObject({ status: "cancelled", ledger: [] });
    expect(await state(awaiting.id)).toMatchObject({ status: "cancelled", payment: "released", ledger: ["deposit_authorized", "deposit_released"] });
    expect(await authenticate(m.buyer.db, { email: m.buyer.user.email, password: PASSWORD, ip: freshIp() })).toEqual({ ok: false, reason: "suspended" });
    expect((await caught(callerOf(apiRequest("POST", "/api/v1/bookings", m.buyer.token)))).status).toBe(401);
    // The miner's listing is not the buyer's: it stays in search.
    expect(await inSearch(m)).toBe(true);
  });
});

describe("suspension rules", () => {
  it("refuses to suspend twice or reinstate an active organization (409)", async () => {
    const buyer = await makeAccount("buyer");
    const admin = await makeAdmin();
    await suspendOrganization(buyer.db, admin, buyer.organization.id, { reason: "Spam" }, ctx);
    const twice = await caught(suspendOrganization(buyer.db, admin, buyer.organization.id, { reason: "Spam again" }, ctx));
    expect([twice.status, twice.code]).toEqual([409, "invalid_transition"]);
    await reinstateOrganization(buyer.db, admin, buyer.organization.id, {});
    expect((await caught(reinstateOrganization(buyer.db, admin, buyer.organization.id, {}))).status).toBe(409);
  });

  it("needs a reason of at least 3 characters, an admin, and an organization that exists", async () => {
    const miner = await makeAccount("miner");
    const admin = await makeAdmin();
    const noReason = toAppError(await suspendOrganization(miner.db, admin, miner.organization.id, { reason: " " }, ctx).catch((e: unknown) => e));
    expect([noReason.status, noReason.fields?.reason]).toEqual([400, "Give a reason for the suspension (at least 3 characters)."]);
    expect((await caught(suspendOrganization(miner.db, miner.actor, miner.organization.id, { reason: "Not my call" }, ctx))).status).toBe(403);
    expect((await caught(suspendOrganization(miner.db, admin, "00000000-0000-4000-8000-000000000000", { reason: "Nobody" }, ctx))).status).toBe(404);
  });

  it("answers the admin API with 200, 409 on a repeat, and 403 for a miner's token", async () => {
    const miner = await makeAccount("miner");
    const admin = await makeAdmin();
    const db = await testDb();
    const token = `sub_${randomBytes(24).toString("base64url")}`;
    await db.insert(apiTokens).values({ userId: admin.userId, name: "tests", tokenHash: hashToken(token), prefix: token.slice(0, 12) });
    const call = (action: string, bearer: string, body?: unknown) =>
      adminOrganizationAction(apiRequest("POST", `/api/v1/admin/organizations/${miner.organization.id}/${action}`, bearer, body), params({ id: miner.organization.id, action }));

    expect((await call("suspend", miner.token, { reason: "Self-suspension" })).status).toBe(403);
    const suspended = await call("suspend", token, { reason: "Duplicate account" });
    expect(suspended.status).toBe(200);
    expect(await suspended.json()).toMatchObject({ status: "suspended", releasedBookings: 0 });
    const again = await call("suspend", token, { reason: "Duplicate account" });
    expect(again.status).toBe(409);
    expect((await again.json()).error.code).toBe("invalid_transition");
    expect((await call("reinstate", token)).status).toBe(200);
  });

  it("lists organizations for admins with kind, status, users and listings, filtered", async () => {
    const m = await market();
    const admin = await makeAdmin();
    await suspendOrganization(m.miner.db, admin, m.miner.organization.id, { reason: "Listing photos are stock images" }, ctx);

    const { organizations } = await listOrganizations(m.miner.db, admin, { q: m.miner.organization.name, kind: "miner", status: "suspended" });
    expect(organizations).toEqual([
      expect.objectContaining({ id: m.miner.organization.id, kind: "miner", status: "suspended", suspendedReason: "Listing photos are stock images", users: 1, listings: 1, publishedListings: 1, openBookings: 0 }),
    ]);
    expect((await listOrganizations(m.miner.db, admin, { q: m.miner.organization.name, status: "active" })).organizations).toEqual([]);
    expect((await listOrganizations(m.miner.db, admin, { q: m.miner.organization.name, kind: "buyer" })).organizations).toEqual([]);
    expect((await caught(listOrganizations(m.miner.db, m.miner.actor))).status).toBe(403);
  });
});
