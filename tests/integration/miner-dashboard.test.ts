import { beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "@/db/queries/accounts";
import {
  bucketDaysFor,
  getListingOccupancy,
  getPendingRequests,
  getRevenueByMonth,
  type ListingOccupancy,
} from "@/db/queries/miner-dashboard";
import { bookings, ledgerEntries, listings, sites, type BookingStatus } from "@/db/schema";
import type { Actor } from "@/lib/auth/policy";
import { AppError } from "@/lib/errors";
import { signUpSchema } from "@/lib/validations/auth";
import { testDb, uniqueEmail } from "../support/db";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

async function account(kind: "miner" | "buyer"): Promise<{ actor: Actor; orgId: string }> {
  const input = signUpSchema.parse({
    name: "Dash Board",
    email: uniqueEmail(`dash-${kind}`),
    password: "a long enough passphrase",
    organizationName: `Dashboard ${kind} ${Math.random().toString(36).slice(2, 7)}`,
    kind,
  });
  const { user, organization } = await createAccount(await testDb(), input, "http://localhost:3000");
  return { actor: { userId: user.id, role: kind, organizationId: organization.id }, orgId: organization.id };
}

async function site(orgId: string): Promise<string> {
  const [row] = await (await testDb())
    .insert(sites)
    .values({
      organizationId: orgId,
      name: "Dashboard Site",
      country: "CA",
      region: "Quebec",
      latitude: 46.8,
      longitude: -71.2,
      energizedKw: 20_000,
      interconnectionStatus: "energized",
      shareHydro: 100,
      pue: 1.15,
      redundancy: "N+1",
    })
    .returning({ id: sites.id });
  return row!.id;
}

async function listing(
  orgId: string,
  siteId: string,
  values: { title: string; from: string; until: string; status?: "draft" | "published" | "paused"; publishedAt?: Date; capacityKw?: number },
): Promise<string> {
  const [row] = await (await testDb())
    .insert(listings)
    .values({
      siteId,
      organizationId: orgId,
      title: values.title,
      capacityKw: values.capacityKw ?? 2000,
      cooling: "hydro",
      maxKwPerRack: 40,
      rackCount: 50,
      priceCentsPerKwMonth: 12_000,
      minTermMonths: 1,
      availableFrom: values.from,
      availableUntil: values.until,
      depositPercent: 20,
      status: values.status ?? "published",
      publishedAt: values.status === "draft" ? null : (values.publishedAt ?? new Date()),
    })
    .returning({ id: listings.id });
  return row!.id;
}

type BookingInput = {
  listingId: string;
  buyerId: string;
  kw: number;
  start: string;
  end: string;
  status: BookingStatus;
  expiresAt?: Date;
  respondBy?: Date;
  createdAt?: Date;
  totalCents?: number;
};

async function booking(input: BookingInput): Promise<string> {
  const total = input.totalCents ?? 1_000_000;
  const [row] = await (await testDb())
    .insert(bookings)
    .values({
      listingId: input.listingId,
      buyerOrganizationId: input.buyerId,
      kw: input.kw,
      startDate: input.start,
      endDate: input.end,
      status: input.status,
      priceCentsPerKwMonth: 12_000,
      depositPercent: 20,
      totalCents: total,
      depositCents: Math.round(total / 5),
      platformFeeBps: 800,
      expiresAt: input.expiresAt ?? new Date(Date.now() - DAY),
      respondBy: input.respondBy ?? null,
      createdAt: input.createdAt ?? new Date(),
    })
    .returning({ id: bookings.id });
  return row!.id;
}

async function ledger(bookingId: string, type: "deposit_authorized" | "deposit_captured" | "platform_fee" | "miner_share" | "deposit_released", amountCents: number, createdAt: Date) {
  await (await testDb()).insert(ledgerEntries).values({ bookingId, type, amountCents, createdAt });
}

async function appErrorOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

function pointOn(occupancy: ListingOccupancy, day: string) {
  const point = occupancy.days.find((d) => d.day === day);
  expect(point, `a point for ${day}`).toBeDefined();
  return point!;
}

describe("miner dashboard: occupancy and pending requests", () => {
  let miner: { actor: Actor; orgId: string };
  let otherMiner: { actor: Actor; orgId: string };
  let buyer: { actor: Actor; orgId: string };
  let shortId: string;
  let longId: string;
  let draftId: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    [miner, otherMiner, buyer] = await Promise.all([account("miner"), account("miner"), account("buyer")]);
    const siteId = await site(miner.orgId);
    shortId = await listing(miner.orgId, siteId, { title: "January hall", from: "2027-01-01", until: "2027-02-01", publishedAt: new Date(Date.now() - DAY) });
    longId = await listing(miner.orgId, siteId, { title: "Year-long hall", from: "2027-01-01", until: "2028-01-01", status: "paused" });
    draftId = await listing(miner.orgId, siteId, { title: "Draft hall", from: "2027-01-01", until: "2027-03-01", status: "draft" });
    const b = buyer.orgId;
    const soon = new Date(Date.now() + 20 * 60_000);

    // The January hall: one booking per state, with known dates.
    await booking({ listingId: shortId, buyerId: b, kw: 100, start: "2027-01-05", end: "2027-01-10", status: "pending_deposit", expiresAt: soon });
    await booking({ listingId: shortId, buyerId: b, kw: 400, start: "2027-01-01", end: "2027-02-01", status: "pending_deposit", expiresAt: new Date(Date.now() - HOUR) });
    ids.januaryRequest = await booking({ listingId: shortId, buyerId: b, kw: 200, start: "2027-01-08", end: "2027-01-15", status: "awaiting_provider", respondBy: new Date(Date.now() + 2 * DAY) });
    await booking({ listingId: shortId, buyerId: b, kw: 300, start: "2026-12-20", end: "2027-01-03", status: "confirmed" });
    await booking({ listingId: shortId, buyerId: b, kw: 50, start: "2027-01-30", end: "2027-03-01", status: "active" });
    for (const status of ["declined", "cancelled", "expired", "completed", "refunded"] as const) {
      await booking({ listingId: shortId, buyerId: b, kw: 150, start: "2027-01-01", end: "2027-02-01", status });
    }

    // The year-long hall: a one-day spike in the week of 2027-03-05, beside a smaller earlier hold.
    await booking({ listingId: longId, buyerId: b, kw: 300, start: "2027-03-05", end: "2027-03-07", status: "pending_deposit", expiresAt: soon });
    ids.marchRequest = await booking({ listingId: longId, buyerId: b, kw: 100, start: "2027-03-08", end: "2027-03-20", status: "awaiting_provider", respondBy: new Date(Date.now() + DAY) });
    await booking({ listingId: longId, buyerId: b, kw: 500, start: "2027-03-10", end: "2027-03-11", status: "confirmed" });
    ids.overdueRequest = await booking({ listingId: longId, buyerId: b, kw: 10, start: "2027-11-01", end: "2027-12-01", status: "awaiting_provider", respondBy: new Date(Date.now() - HOUR) });
    await booking({ listingId: draftId, buyerId: b, kw: 10, start: "2027-01-01", end: "2027-01-02", status: "confirmed" });

    // Another miner's request, which must never show up on this miner's dashboard.
    const otherListing = await listing(otherMiner.orgId, await site(otherMiner.orgId), { title: "Other hall", from: "2027-01-01", until: "2027-02-01" });
    await booking({ listingId: otherListing, buyerId: b, kw: 10, start: "2027-01-01", end: "2027-01-10", status: "awaiting_provider", respondBy: new Date(Date.now() - 2 * DAY) });
  });

  it("sums each held state per day over the window, clipping bookings that overhang it", async () => {
    const all = await getListingOccupancy(await testDb(), miner.actor, miner.orgId);
    const january = all.find((l) => l.listingId === shortId)!;
    expect(january).toMatchObject({ title: "January hall", capacityKw: 2000, availableFrom: "2027-01-01", availableUntil: "2027-02-01", bucketDays: 1 });
    expect(january.days).toHaveLength(31);
    expect(january.days[0]!.day).toBe("2027-01-01");
    expect(january.days.at(-1)!.day).toBe("2027-01-31");

    const none = { pendingKw: 0, awaitingKw: 0, confirmedKw: 0, activeKw: 0 };
    expect(pointOn(january, "2027-01-01")).toMatchObject({ ...none, confirmedKw: 300 });
    expect(pointOn(january, "2027-01-02")).toMatchObject({ ...none, confirmedKw: 300 });
    expect(pointOn(january, "2027-01-03")).toMatchObject(none);
    expect(pointOn(january, "2027-01-05")).toMatchObject({ ...none, pendingKw: 100 });
    expect(pointOn(january, "2027-01-08")).toMatchObject({ ...none, pendingKw: 100, awaitingKw: 200 });
    expect(pointOn(january, "2027-01-10")).toMatchObject({ ...none, awaitingKw: 200 });
    expect(pointOn(january, "2027-01-14")).toMatchObject({ ...none, awaitingKw: 200 });
    expect(pointOn(january, "2027-01-15")).toMatchObject(none);
    expect(pointOn(january, "2027-01-30")).toMatchObject({ ...none, activeKw: 50 });
    expect(pointOn(january, "2027-01-31")).toMatchObject({ ...none, activeKw: 50 });
  });

  it("never counts an expired hold, nor declined, cancelled, expired, completed or refunded bookings", async () => {
    const [january] = await getListingOccupancy(await testDb(), miner.actor, miner.orgId).then((all) => all.filter((l) => l.listingId === shortId));
    // The expired hold (400 kW) and the five finished bookings (150 kW each) span the whole
    // month; had any counted, no day could be this low.
    const peak = Math.max(...january!.days.map((d) => d.pendingKw + d.awaitingKw + d.confirmedKw + d.activeKw));
    expect(peak).toBe(300);
    expect(january!.days.every((d) => d.pendingKw <= 100)).toBe(true);
  });

  it("buckets a year-long window into weeks that keep each week's busiest day", async () => {
    const year = (await getListingOccupancy(await testDb(), miner.actor, miner.orgId)).find((l) => l.listingId === longId)!;
    expect(year.bucketDays).toBe(7);
    expect(year.days).toHaveLength(53);
    expect(year.days.every((d, i) => i === 0 || Date.parse(d.day) - Date.parse(year.days[i - 1]!.day) === 7 * DAY)).toBe(true);
    // 2027-03-05 opens the week holding the 600 kW peak of 2027-03-10; the 300 kW hold of the
    // 5th and 6th is a different day, so it must not be stacked onto the peak.
    expect(pointOn(year, "2027-03-05")).toEqual({ day: "2027-03-05", pendingKw: 0, awaitingKw: 100, confirmedKw: 500, activeKw: 0 });
    expect(pointOn(year, "2027-03-12")).toMatchObject({ pendingKw: 0, awaitingKw: 100, confirmedKw: 0 });
    expect(pointOn(year, "2027-02-26")).toMatchObject({ pendingKw: 0, awaitingKw: 0, confirmedKw: 0, activeKw: 0 });
  });

  it("keeps every chart within the point limit, whatever the window's length", () => {
    expect(bucketDaysFor(120)).toBe(1);
    expect(bucketDaysFor(121)).toBe(7);
    expect(bucketDaysFor(840)).toBe(7);
    expect(bucketDaysFor(841)).toBe(14);
    for (const days of [121, 365, 841, 3650, 36_500]) {
      expect(Math.ceil(days / bucketDaysFor(days))).toBeLessThanOrEqual(120);
    }
  });

  it("lists published and paused listings, most recently published first, and drafts only when asked", async () => {
    const db = await testDb();
    const shown = await getListingOccupancy(db, miner.actor, miner.orgId);
    expect(shown.map((l) => l.listingId)).toEqual([longId, shortId]);
    expect((await getListingOccupancy(db, miner.actor, miner.orgId, { limit: 1 })).map((l) => l.listingId)).toEqual([longId]);
    const withDrafts = await getListingOccupancy(db, miner.actor, miner.orgId, { includeUnpublished: true });
    expect(withDrafts.map((l) => l.listingId)).toContain(draftId);
    expect(pointOn(withDrafts.find((l) => l.listingId === draftId)!, "2027-01-01").confirmedKw).toBe(10);
  });

  it("lists only this organization's requests awaiting an answer, nearest deadline first", async () => {
    const requests = await getPendingRequests(await testDb(), miner.actor, miner.orgId);
    expect(requests.map((r) => r.id)).toEqual([ids.overdueRequest, ids.marchRequest, ids.januaryRequest]);
    expect(requests[2]).toMatchObject({
      listingTitle: "January hall",
      kw: 200,
      startDate: "2027-01-08",
      endDate: "2027-01-15",
      totalCents: 1_000_000,
      depositCents: 200_000,
    });
    expect(requests[2]!.buyerOrganizationName).toMatch(/^Dashboard buyer/);
    expect(requests[2]!.respondBy).toBeInstanceOf(Date);
  });

  it("hides one miner's dashboard from another miner (404) and from buyers (403), not from admins", async () => {
    const db = await testDb();
    for (const read of [getListingOccupancy, getPendingRequests, getRevenueByMonth] as const) {
      expect((await appErrorOf(read(db, otherMiner.actor, miner.orgId))).status).toBe(404);
      expect((await appErrorOf(read(db, buyer.actor, miner.orgId))).status).toBe(403);
      expect((await appErrorOf(read(db, buyer.actor, buyer.orgId))).status).toBe(403);
    }
    const admin: Actor = { userId: miner.actor.userId, role: "admin", organizationId: null };
    expect(await getPendingRequests(db, admin, miner.orgId)).toHaveLength(3);
  });
});

describe("miner dashboard: occupancy against a day-by-day count", () => {
  const STATES: BookingStatus[] = ["pending_deposit", "awaiting_provider", "confirmed", "active", "completed", "declined", "cancelled", "expired"];
  const addDays = (day: string, n: number) => new Date(Date.parse(day) + n * DAY).toISOString().slice(0, 10);

  it("agrees with counting every day's held bookings one by one, daily and in weekly buckets", async () => {
    const miner = await account("miner");
    const buyer = await account("buyer");
    const siteId = await site(miner.orgId);
    const windows = [
      { id: await listing(miner.orgId, siteId, { title: "Daily window", from: "2027-04-01", until: "2027-07-30", capacityKw: 100_000 }), from: "2027-04-01", days: 120 },
      { id: await listing(miner.orgId, siteId, { title: "Weekly window", from: "2027-04-01", until: "2027-10-18", capacityKw: 100_000 }), from: "2027-04-01", days: 200 },
    ];
    // A fixed pseudo-random sequence, so a failure reproduces.
    let seed = 42;
    const next = (n: number) => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) % n);
    const held: { listingId: string; status: BookingStatus; kw: number; start: string; end: string; live: boolean }[] = [];
    for (let i = 0; i < 80; i++) {
      const w = windows[i % 2]!;
      const start = addDays(w.from, next(w.days + 40) - 20);
      const status = STATES[next(STATES.length)]!;
      const live = status !== "pending_deposit" || next(2) === 0;
      const b = { listingId: w.id, status, kw: 1 + next(500), start, end: addDays(start, 1 + next(60)), live };
      held.push(b);
      await booking({ ...b, buyerId: buyer.orgId, expiresAt: new Date(Date.now() + (live ? HOUR : -HOUR)) });
    }
    const counted = (b: (typeof held)[number]) => b.live && ["pending_deposit", "awaiting_provider", "confirmed", "active"].includes(b.status);
    const expectedOn = (listingId: string, day: string) => {
      const on = held.filter((b) => b.listingId === listingId && counted(b) && b.start <= day && day < b.end);
      const sum = (status: BookingStatus) => on.filter((b) => b.status === status).reduce((s, b) => s + b.kw, 0);
      return { pendingKw: sum("pending_deposit"), awaitingKw: sum("awaiting_provider"), confirmedKw: sum("confirmed"), activeKw: sum("active") };
    };
    const total = (p: ReturnType<typeof expectedOn>) => p.pendingKw + p.awaitingKw + p.confirmedKw + p.activeKw;

    const result = await getListingOccupancy(await testDb(), miner.actor, miner.orgId);
    for (const w of windows) {
      const series = result.find((l) => l.listingId === w.id)!;
      const bucket = bucketDaysFor(w.days);
      expect(series.bucketDays).toBe(bucket);
      expect(series.days).toHaveLength(Math.ceil(w.days / bucket));
      for (const [i, point] of series.days.entries()) {
        const days = Array.from({ length: Math.min(bucket, w.days - i * bucket) }, (_, k) => addDays(w.from, i * bucket + k));
        const busiest = days.map((d) => expectedOn(w.id, d)).reduce((a, b) => (total(b) > total(a) ? b : a));
        expect(point).toEqual({ day: days[0], ...busiest });
      }
    }
  });
});

describe("miner dashboard: revenue by month", () => {
  /** The first day of the UTC month `offset` months before this one, plus `days`. */
  const monthStart = (offset: number, days = 0) => {
    const now = new Date();
    return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - offset, 1 + days, 12));
  };
  const monthKey = (offset: number) => monthStart(offset).toISOString().slice(0, 7);

  let miner: { actor: Actor; orgId: string };

  beforeAll(async () => {
    const buyer = await account("buyer");
    miner = await account("miner");
    const listingId = await listing(miner.orgId, await site(miner.orgId), { title: "Revenue hall", from: "2027-01-01", until: "2028-01-01" });
    const b = buyer.orgId;
    const base = { listingId, buyerId: b, kw: 10, start: "2027-02-01", end: "2027-03-01" };

    const accepted = await booking({ ...base, status: "confirmed", totalCents: 1_000_000, createdAt: monthStart(2, 3) });
    await ledger(accepted, "deposit_authorized", 200_000, monthStart(2, 3));
    await ledger(accepted, "deposit_captured", 200_000, monthStart(1, 4));
    await ledger(accepted, "platform_fee", 16_000, monthStart(1, 4));
    await ledger(accepted, "miner_share", -184_000, monthStart(1, 4));
    await booking({ ...base, status: "awaiting_provider", totalCents: 300_000, createdAt: monthStart(2, 10) });

    const completed = await booking({ ...base, status: "completed", totalCents: 500_000, createdAt: monthStart(0) });
    await ledger(completed, "deposit_captured", 100_000, monthStart(0));
    await ledger(completed, "miner_share", -92_000, monthStart(0));

    const declined = await booking({ ...base, status: "declined", totalCents: 999_900, createdAt: monthStart(0) });
    await ledger(declined, "deposit_authorized", 199_980, monthStart(0));
    await ledger(declined, "deposit_released", -199_980, monthStart(0));
    await booking({ ...base, status: "pending_deposit", totalCents: 700_000, createdAt: monthStart(0) });
    await booking({ ...base, status: "confirmed", totalCents: 123_400, createdAt: monthStart(13, 2) });

    // Money on another miner's listing, in the same months.
    const other = await account("miner");
    const otherListing = await listing(other.orgId, await site(other.orgId), { title: "Other revenue hall", from: "2027-01-01", until: "2028-01-01" });
    const foreign = await booking({ ...base, listingId: otherListing, status: "confirmed", totalCents: 777_700, createdAt: monthStart(0) });
    await ledger(foreign, "deposit_captured", 155_540, monthStart(0));
  });

  it("zero-fills the last twelve UTC months, oldest first, ending with the current one", async () => {
    const months = await getRevenueByMonth(await testDb(), miner.actor, miner.orgId);
    expect(months).toHaveLength(12);
    expect(months.map((m) => m.month)).toEqual(Array.from({ length: 12 }, (_, i) => monthKey(11 - i)));
    const quiet = months.filter((m) => ![monthKey(0), monthKey(1), monthKey(2)].includes(m.month));
    expect(quiet.every((m) => m.bookedCents === 0 && m.depositsCapturedCents === 0 && m.minerShareCents === 0)).toBe(true);
  });

  it("sums booked totals of accepted-path bookings by creation month and the ledger's captures and miner share", async () => {
    const months = await getRevenueByMonth(await testDb(), miner.actor, miner.orgId);
    const of = (offset: number) => months.find((m) => m.month === monthKey(offset));
    expect(of(2)).toEqual({ month: monthKey(2), bookedCents: 1_300_000, depositsCapturedCents: 0, minerShareCents: 0 });
    expect(of(1)).toEqual({ month: monthKey(1), bookedCents: 0, depositsCapturedCents: 200_000, minerShareCents: 184_000 });
    expect(of(0)).toEqual({ month: monthKey(0), bookedCents: 500_000, depositsCapturedCents: 100_000, minerShareCents: 92_000 });
  });

  it("reaches further back when asked for more months", async () => {
    const months = await getRevenueByMonth(await testDb(), miner.actor, miner.orgId, 14);
    expect(months).toHaveLength(14);
    expect(months.find((m) => m.month === monthKey(13))?.bookedCents).toBe(123_400);
  });
});
