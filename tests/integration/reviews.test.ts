// Double-blind reviews on a real PostgreSQL: who may review when, the blind rule through the
// queries and the API, the window, the rating aggregate under concurrent publishing, replies
// and moderation.
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { POST as bookingAction } from "@/app/api/v1/bookings/[id]/[action]/route";
import { acceptBooking, advanceBooking } from "@/db/queries/booking-actions";
import { createBooking } from "@/db/queries/bookings";
import { processPaymentEvent } from "@/db/queries/payment-events";
import {
  getBookingReviewState,
  listOrganizationReviews,
  listReviewReports,
  publishDueReviews,
  replyToReview,
  reportReview,
  resolveReviewReport,
  setReviewHidden,
  submitReview,
} from "@/db/queries/reviews";
import { organizations, outboxEmails, reviews } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { testPaymentIntentId, testProvider } from "@/lib/payments/test-provider";
import { publishedListing, window } from "../support/bookings";
import { apiRequest, makeAccount, makeAdmin, params } from "../support/fixtures";

const ctx = { provider: testProvider, appUrl: "http://localhost:3000" };
const DAY = 86_400_000;

async function confirmedBooking(listingSetup?: Awaited<ReturnType<typeof publishedListing>>) {
  const { miner, listing } = listingSetup ?? (await publishedListing());
  const buyer = await makeAccount("buyer");
  const booking = await createBooking(buyer.db, buyer.actor, { listingId: listing.id, kw: 100, ...window(listing.availableFrom, 0, 40) });
  await processPaymentEvent(
    buyer.db,
    { id: `evt_${booking.id}`, provider: "test", providerType: "test.authorized", kind: "authorized", paymentId: booking.paymentId, paymentIntentId: testPaymentIntentId(booking.paymentId) },
    ctx,
  );
  await acceptBooking(miner.db, miner.actor, booking.id, ctx);
  return { miner, buyer, listing, booking };
}

async function completedBooking(listingSetup?: Awaited<ReturnType<typeof publishedListing>>) {
  const parties = await confirmedBooking(listingSetup);
  await advanceBooking(parties.miner.db, parties.booking.id, "start", ctx);
  await advanceBooking(parties.miner.db, parties.booking.id, "complete", ctx);
  return parties;
}

async function caught(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const rating = async (db: Awaited<ReturnType<typeof makeAccount>>["db"], id: string) =>
  (await db.select({ sum: organizations.ratingSum, count: organizations.ratingCount }).from(organizations).where(eq(organizations.id, id)))[0];

describe("double-blind reviews", () => {
  it("keeps the first review hidden from the other side until both have reviewed, then publishes both together", async () => {
    const { miner, buyer, booking } = await completedBooking();
    const before = await getBookingReviewState(buyer.db, buyer.actor, booking.id);
    expect(before).toMatchObject({ eligible: true, mine: null, theirs: null, waitingForOther: false });
    expect(before.windowEndsAt!.getTime() - Date.now()).toBeGreaterThan(13.9 * DAY);

    const first = await submitReview(buyer.db, buyer.actor, booking.id, { rating: 5, body: "Power exactly as promised." }, { appUrl: "http://app.test" });
    expect(first.publishedAt).toBeNull();
    expect(await getBookingReviewState(buyer.db, buyer.actor, booking.id)).toMatchObject({ eligible: false, waitingForOther: true, theirs: null });
    // The miner knows a review exists (the mail says so) but cannot read it, here or in public.
    const minerView = await getBookingReviewState(miner.db, miner.actor, booking.id);
    expect(minerView).toMatchObject({ eligible: true, theirs: null, mine: null });
    expect((await listOrganizationReviews(miner.db, null, miner.organization.id)).items).toEqual([]);
    const [waitingMail] = await miner.db.select({ text: outboxEmails.textBody }).from(outboxEmails).where(eq(outboxEmails.toAddress, miner.user.email)).orderBy(sql`created_at desc`).limit(1);
    expect(waitingMail?.text).toContain("double-blind");
    expect(waitingMail?.text).not.toContain("Power exactly as promised.");

    const second = await submitReview(miner.db, miner.actor, booking.id, { rating: 4, body: "Good tenant." });
    expect(second.publishedAt).toBeInstanceOf(Date);
    const buyerAfter = await getBookingReviewState(buyer.db, buyer.actor, booking.id);
    expect(buyerAfter.theirs).toMatchObject({ rating: 4, body: "Good tenant." });
    expect(buyerAfter.mine?.publishedAt).toEqual(second.publishedAt);
    expect(await rating(miner.db, miner.organization.id)).toEqual({ sum: 5, count: 1 });
    expect(await rating(buyer.db, buyer.organization.id)).toEqual({ sum: 4, count: 1 });
    expect(await listOrganizationReviews(buyer.db, null, miner.organization.id)).toMatchObject({ average: 5, count: 1, items: [{ body: "Power exactly as promised." }] });
  });

  it("through the API: 201 for a party, 409 a second time or before completion, 403 for admins, 404 for strangers, 400 naming the field", async () => {
    const { buyer, booking } = await completedBooking();
    const post = (token: string | null, id: string, body: unknown) => bookingAction(apiRequest("POST", `/api/v1/bookings/${id}/review`, token, body), params({ id, action: "review" }));
    const created = await post(buyer.token, booking.id, { rating: 4, body: "Fine." });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ rating: 4, publishedAt: null, direction: "buyer_to_miner" });
    expect((await post(buyer.token, booking.id, { rating: 5, body: "Again" })).status).toBe(409);

    const stranger = await makeAccount("buyer");
    expect((await post(stranger.token, booking.id, { rating: 5, body: "I was never there" })).status).toBe(404);
    const { makeAdminWithToken } = await import("../support/fixtures");
    const admin = await makeAdminWithToken();
    expect((await post(admin.token, booking.id, { rating: 5, body: "x" })).status).toBe(403);
    expect((await post(null, booking.id, { rating: 5, body: "x" })).status).toBe(401);

    const { miner, booking: early } = await confirmedBooking();
    expect((await post(miner.token, early.id, { rating: 3, body: "Too early" })).status).toBe(409);
    for (const bad of [{ rating: 0, body: "x" }, { rating: 6, body: "x" }, { rating: "five", body: "x" }, { rating: 3, body: "   " }, { rating: 3, body: "x".repeat(5001) }, { rating: 3 }]) {
      const response = await post(miner.token, early.id, bad);
      expect(response.status).toBe(400);
      expect(Object.keys((await response.json()).error.fields ?? {})).toEqual(expect.arrayContaining([expect.stringMatching(/rating|body/)]));
    }
    expect(await miner.db.select({ id: reviews.id }).from(reviews).where(eq(reviews.bookingId, early.id))).toEqual([]);
  });

  it("closes 14 days after completion, when a lone review is published", async () => {
    const { miner, buyer, booking } = await completedBooking();
    await submitReview(buyer.db, buyer.actor, booking.id, { rating: 2, body: "Cooling struggled in August." });
    const late = new Date(Date.now() + 15 * DAY);
    expect((await caught(submitReview(miner.db, miner.actor, booking.id, { rating: 5, body: "Sorry" }, { now: late }))).code).toBe("invalid_transition");
    expect(await publishDueReviews(miner.db, { appUrl: "http://app.test", now: new Date(Date.now() + 13 * DAY) })).toBe(0);
    expect(await publishDueReviews(miner.db, { appUrl: "http://app.test", now: late })).toBeGreaterThanOrEqual(1);
    expect((await getBookingReviewState(miner.db, miner.actor, booking.id)).theirs).toMatchObject({ rating: 2 });
    expect(await rating(miner.db, miner.organization.id)).toEqual({ sum: 2, count: 1 });
  });

  it("keeps the rating exact when many bookings of one miner publish at once", async () => {
    const setup = await publishedListing({ capacityKw: 5000, rackCount: 50 });
    const bookings = await Promise.all(Array.from({ length: 6 }, () => completedBooking(setup)));
    await Promise.all(
      bookings.flatMap(({ buyer, booking }, i) => [
        submitReview(buyer.db, buyer.actor, booking.id, { rating: (i % 5) + 1, body: `Review ${i}` }),
        submitReview(setup.miner.db, setup.miner.actor, booking.id, { rating: 3, body: `Tenant ${i}` }),
      ]),
    );
    const expected = bookings.reduce((sum, _, i) => sum + (i % 5) + 1, 0);
    expect(await rating(setup.miner.db, setup.miner.organization.id)).toEqual({ sum: expected, count: 6 });
    const published = await setup.miner.db.select({ id: reviews.id }).from(reviews).where(sql`${reviews.subjectOrganizationId} = ${setup.miner.organization.id} and ${reviews.publishedAt} is not null`);
    expect(published).toHaveLength(6);
  });

  it("lets the reviewed side reply once, only after publication", async () => {
    const { miner, buyer, booking } = await completedBooking();
    const review = await submitReview(buyer.db, buyer.actor, booking.id, { rating: 3, body: "Network was slow to arrive." });
    expect((await caught(replyToReview(miner.db, miner.actor, review.id, { body: "Early reply" }))).status).toBe(404);
    await submitReview(miner.db, miner.actor, booking.id, { rating: 5, body: "Great tenant." });
    expect((await caught(replyToReview(buyer.db, buyer.actor, review.id, { body: "Replying to myself" }))).status).toBe(403);
    const replied = await replyToReview(miner.db, miner.actor, review.id, { body: "Fair: a second carrier is now in." });
    expect(replied.reply?.body).toBe("Fair: a second carrier is now in.");
    expect((await caught(replyToReview(miner.db, miner.actor, review.id, { body: "Again" }))).status).toBe(409);
  });
});

describe("ratings where decisions are made", () => {
  it("search filters by minimum rating and sorts best-rated first, and the listing API carries the rating", async () => {
    const { GET: search } = await import("@/app/api/v1/listings/route");
    const { GET: getListing } = await import("@/app/api/v1/listings/[id]/route");
    const rated = await completedBooking();
    const unrated = await publishedListing();
    await submitReview(rated.buyer.db, rated.buyer.actor, rated.booking.id, { rating: 5, body: "Excellent." });
    await submitReview(rated.miner.db, rated.miner.actor, rated.booking.id, { rating: 4, body: "Good." });
    const query = async (extra: string) => {
      const response = await search(apiRequest("GET", `/api/v1/listings?pageSize=100${extra}`, null), params({}));
      expect(response.status).toBe(200);
      return (await response.json()).items as { id: string; rating: { average: number | null; count: number } }[];
    };
    const best = await query("&minRating=4.5");
    expect(best.map((i) => i.id)).toContain(rated.listing.id);
    expect(best.map((i) => i.id)).not.toContain(unrated.listing.id);
    expect(best.find((i) => i.id === rated.listing.id)?.rating).toEqual({ average: 5, count: 1 });
    const sorted = await query("&sort=rating");
    const ids = sorted.map((i) => i.id);
    if (ids.includes(unrated.listing.id)) expect(ids.indexOf(rated.listing.id)).toBeLessThan(ids.indexOf(unrated.listing.id));
    for (let i = 1; i < sorted.length; i++) {
      const [a, b] = [sorted[i - 1]!.rating.average, sorted[i]!.rating.average];
      if (b !== null) expect(a).not.toBeNull();
      if (a !== null && b !== null) expect(a).toBeGreaterThanOrEqual(b);
    }
    for (const bad of ["6", "0", "abc", "4.5.1"]) {
      expect((await search(apiRequest("GET", `/api/v1/listings?minRating=${bad}`, null), params({}))).status).toBe(400);
    }

    const detail = await getListing(apiRequest("GET", `/api/v1/listings/${rated.listing.id}`, null), params({ id: rated.listing.id }));
    expect((await detail.json()).rating).toEqual({ average: 5, count: 1 });
  });
});

describe("review moderation", () => {
  it("reports go to admins; a hidden review stops counting and a restored one counts again, both audited", async () => {
    const { miner, buyer, booking } = await completedBooking();
    const review = await submitReview(buyer.db, buyer.actor, booking.id, { rating: 1, body: "Call me on +1 512 555 0100 instead" });
    await submitReview(miner.db, miner.actor, booking.id, { rating: 5, body: "Fine." });
    const reader = await makeAccount("buyer");
    const report = await reportReview(reader.db, reader.actor, review.id, { reason: "other", note: "Contact details" });
    expect(await reportReview(reader.db, reader.actor, review.id, { reason: "other" })).toEqual(report);

    const admin = await makeAdmin();
    expect((await listReviewReports(miner.db, admin)).map((r) => r.id)).toContain(report.id);
    expect((await caught(setReviewHidden(miner.db, miner.actor, review.id, { hidden: true, reason: "Contact details" }))).status).toBe(403);
    expect(await rating(miner.db, miner.organization.id)).toEqual({ sum: 1, count: 1 });
    const hidden = await setReviewHidden(miner.db, admin, review.id, { hidden: true, reason: "Contact details instead of a review" });
    expect(hidden).toMatchObject({ hidden: true, hiddenReason: "Contact details instead of a review" });
    expect(await rating(miner.db, miner.organization.id)).toEqual({ sum: 0, count: 0 });
    expect((await listOrganizationReviews(miner.db, null, miner.organization.id)).items).toEqual([]);
    expect((await listOrganizationReviews(miner.db, admin, miner.organization.id)).items[0]).toMatchObject({ hidden: true });
    expect((await caught(setReviewHidden(miner.db, admin, review.id, { hidden: true, reason: "Twice" }))).status).toBe(409);
    await setReviewHidden(miner.db, admin, review.id, { hidden: false, reason: "Edited by agreement" });
    expect(await rating(miner.db, miner.organization.id)).toEqual({ sum: 1, count: 1 });
    await resolveReviewReport(miner.db, admin, report.id, { outcome: "resolved", note: "Hidden, then restored" });
    expect((await listReviewReports(miner.db, admin)).map((r) => r.id)).not.toContain(report.id);
    const audited = await miner.db.execute(sql`select action from audit_log where target_id = ${review.id} order by id`);
    const actions = (Array.isArray(audited) ? audited : (audited as { rows: { action: string }[] }).rows).map((r) => (r as { action: string }).action);
    expect(actions).toEqual(["review.hidden", "review.restored"]);
  });

  it("cannot report a blind review (it does not exist for anyone but its author)", async () => {
    const { buyer, booking } = await completedBooking();
    const review = await submitReview(buyer.db, buyer.actor, booking.id, { rating: 4, body: "Blind" });
    const reader = await makeAccount("miner");
    expect((await caught(reportReview(reader.db, reader.actor, review.id, { reason: "other" }))).status).toBe(404);
  });
});
