// Public site pages and miner profiles: who may see them, what they show, and the track
// record worked out from real bookings and their transitions.
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { GET as getMinerRoute } from "@/app/api/v1/miners/[id]/route";
import { GET as getSiteRoute } from "@/app/api/v1/sites/[id]/route";
import { acceptBooking, declineBooking } from "@/db/queries/booking-actions";
import { createBooking } from "@/db/queries/bookings";
import { processPaymentEvent } from "@/db/queries/payment-events";
import { getMinerProfile, getPublicSitePage } from "@/db/queries/public-profiles";
import { bookings, bookingTransitions, listings, organizations } from "@/db/schema";
import { addDays, addMonths, todayUtc } from "@/lib/domain/days";
import { testPaymentIntentId, testProvider } from "@/lib/payments/test-provider";
import { publishedListing, window } from "../support/bookings";
import { apiRequest, makeAccount, params } from "../support/fixtures";

const ctx = { provider: testProvider, appUrl: "http://localhost:3000" };

async function paidRequest(listing: { id: string; availableFrom: string }, kw: number, offset = 0) {
  const buyer = await makeAccount("buyer");
  const booking = await createBooking(buyer.db, buyer.actor, { listingId: listing.id, kw, ...window(listing.availableFrom, offset, 60) });
  await processPaymentEvent(
    buyer.db,
    { id: `evt_${booking.id}`, provider: "test", providerType: "test.authorized", kind: "authorized", paymentId: booking.paymentId, paymentIntentId: testPaymentIntentId(booking.paymentId) },
    ctx,
  );
  return { buyer, booking };
}

const readSite = async (id: string, token: string | null) => {
  const response = await getSiteRoute(apiRequest("GET", `/api/v1/sites/${id}`, token), params({ id }));
  return { status: response.status, json: await response.json() };
};

describe("public site pages", () => {
  it("show a site with a published listing to anyone, with its free kW by month", async () => {
    const { miner, site, listing } = await publishedListing({ availableFrom: addDays(todayUtc(), 1) });
    await paidRequest(listing, 300, 0);
    const page = await getPublicSitePage(miner.db, site.id);
    expect(page?.organization).toEqual({ id: miner.organization.id, name: miner.organization.name });
    expect(page?.listings).toHaveLength(1);
    const outlook = page!.listings[0]!.outlook;
    expect(outlook).toHaveLength(6);
    // The 300 kW request covers the first 60 days of the window: this month and next are 700 kW free.
    expect(outlook[0]).toEqual({ month: `${todayUtc().slice(0, 7)}-01`, freeKw: 700 });
    expect(outlook[1]!.freeKw).toBe(700);
    expect(outlook[3]!.freeKw).toBe(1000);

    for (const token of [null, (await makeAccount("buyer")).token, (await makeAccount("miner")).token]) {
      const { status, json } = await readSite(site.id, token);
      expect(status).toBe(200);
      expect(json.listings[0]).toMatchObject({ id: listing.id, outlook: expect.any(Array) });
      expect(json.organization.name).toBe(miner.organization.name);
    }
    // The owner keeps its own view (no public extras).
    const own = await readSite(site.id, miner.token);
    expect(own.status).toBe(200);
    expect(own.json.listings).toBeUndefined();
  });

  it("answer 404 for a site with nothing published, a suspended organization's site, and a malformed id", async () => {
    const { miner, site, listing } = await publishedListing();
    await miner.db.update(listings).set({ status: "paused" }).where(eq(listings.id, listing.id));
    expect(await getPublicSitePage(miner.db, site.id)).toBeNull();
    expect((await readSite(site.id, null)).status).toBe(404);
    expect((await readSite(site.id, (await makeAccount("miner")).token)).json.error.code).toBe("not_found");

    await miner.db.update(listings).set({ status: "published" }).where(eq(listings.id, listing.id));
    expect((await readSite(site.id, null)).status).toBe(200);
    await miner.db.update(organizations).set({ status: "suspended", suspendedAt: new Date(), suspendedReason: "test" }).where(eq(organizations.id, miner.organization.id));
    expect((await readSite(site.id, null)).status).toBe(404);
    expect((await readSite("not-a-uuid", null)).status).toBe(404);
  });
});

describe("miner profiles", () => {
  it("show sites, listings and a track record from real requests and answers", async () => {
    const { miner, listing } = await publishedListing({ availableFrom: addDays(todayUtc(), 1), availableUntil: addMonths(todayUtc(), 30) });
    const empty = await getMinerProfile(miner.db, miner.organization.id);
    expect(empty?.stats).toEqual({ hostedMwMonths: 0, requests: 0, answered: 0, answerRate: null, medianAnswerHours: null });

    const accepted = await paidRequest(listing, 100, 0);
    const declined = await paidRequest(listing, 100, 100);
    await paidRequest(listing, 100, 200); // still unanswered
    // The answers came 2 and 4 hours after the requests: the history is append-only, so the
    // test moves the requests back in time with the append-only trigger off for its transaction.
    for (const [booking, hours] of [
      [accepted.booking, 2],
      [declined.booking, 4],
    ] as const) {
      await miner.db.transaction(async (tx) => {
        await tx.execute(sql`set local session_replication_role = replica`);
        await tx.execute(sql`update booking_transitions set created_at = now() - make_interval(hours => ${hours}) where booking_id = ${booking.id} and to_status = 'awaiting_provider'`);
      });
    }
    await acceptBooking(miner.db, miner.actor, accepted.booking.id, ctx);
    await declineBooking(miner.db, miner.actor, declined.booking.id, "No room", ctx);

    // A completed booking of 1 MW over 61 days delivered about 2 MW-months.
    await miner.db
      .update(bookings)
      .set({ status: "completed", startDate: addDays(todayUtc(), -61), endDate: addDays(todayUtc(), -1), kw: 1000 })
      .where(eq(bookings.id, accepted.booking.id));

    const profile = await getMinerProfile(miner.db, miner.organization.id);
    expect(profile?.listings.map((l) => l.id)).toEqual([listing.id]);
    expect(profile?.sites).toHaveLength(1);
    expect(profile?.stats.requests).toBe(3);
    expect(profile?.stats.answered).toBe(2);
    expect(profile?.stats.answerRate).toBeCloseTo(2 / 3);
    expect(profile?.stats.medianAnswerHours).toBeGreaterThan(2.9);
    expect(profile?.stats.medianAnswerHours).toBeLessThan(3.1);
    expect(profile?.stats.hostedMwMonths).toBeCloseTo(60 / 30.44, 1);
    const transitions = await miner.db.select({ id: bookingTransitions.id }).from(bookingTransitions).where(eq(bookingTransitions.bookingId, accepted.booking.id));
    expect(transitions.length).toBeGreaterThanOrEqual(3);

    const response = await getMinerRoute(apiRequest("GET", `/api/v1/miners/${miner.organization.id}`, null), params({ id: miner.organization.id }));
    expect(response.status).toBe(200);
    expect((await response.json()).stats.answered).toBe(2);
  });

  it("answer 404 for buyers, suspended miners and miners with nothing published", async () => {
    const buyer = await makeAccount("buyer");
    expect(await getMinerProfile(buyer.db, buyer.organization.id)).toBeNull();
    const bare = await makeAccount("miner");
    expect(await getMinerProfile(bare.db, bare.organization.id)).toBeNull();
    const { miner } = await publishedListing();
    await miner.db.update(organizations).set({ status: "suspended", suspendedAt: new Date(), suspendedReason: "test" }).where(eq(organizations.id, miner.organization.id));
    const response = await getMinerRoute(apiRequest("GET", `/api/v1/miners/${miner.organization.id}`, null), params({ id: miner.organization.id }));
    expect(response.status).toBe(404);
    expect((await getMinerRoute(apiRequest("GET", "/api/v1/miners/x", null), params({ id: "x" }))).status).toBe(404);
  });
});
