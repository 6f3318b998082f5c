import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { POST as postListing } from "@/app/api/v1/listings/route";
import { GET as getListing, PATCH as patchListing } from "@/app/api/v1/listings/[id]/route";
import { POST as listingAction } from "@/app/api/v1/listings/[id]/[action]/route";
import { POST as postSite } from "@/app/api/v1/sites/route";
import { auditLog, bookings, listings, users } from "@/db/schema";
import { updateListing } from "@/db/queries/listings";
import { addDays, todayUtc } from "@/lib/domain/days";
import { apiRequest, listingBody, makeAccount, params, siteBody } from "../support/fixtures";

async function minerWithSite(siteOverrides: Record<string, unknown> = {}) {
  const miner = await makeAccount("miner");
  const site = await (await postSite(apiRequest("POST", "/api/v1/sites", miner.token, siteBody(siteOverrides)), params({}))).json();
  return { ...miner, site };
}

async function create(token: string, body: unknown) {
  const response = await postListing(apiRequest("POST", "/api/v1/listings", token, body), params({}));
  return { status: response.status, json: await response.json() };
}

const act = async (token: string | null, id: string, action: string) => {
  const response = await listingAction(apiRequest("POST", `/api/v1/listings/${id}/${action}`, token), params({ id, action }));
  return { status: response.status, json: await response.json() };
};

const read = async (token: string | null, id: string) => {
  const response = await getListing(apiRequest("GET", `/api/v1/listings/${id}`, token), params({ id }));
  return { status: response.status, json: await response.json() };
};

/** Publishes directly, as an admin's approval (another issue's endpoint) would. */
const publish = (db: Awaited<ReturnType<typeof makeAccount>>["db"], id: string) =>
  db.update(listings).set({ status: "published", publishedAt: new Date() }).where(eq(listings.id, id));

describe("listings through the API", () => {
  it("creates a draft, submits it for review, and shows it only to its owner until published", async () => {
    const miner = await minerWithSite();
    const stranger = await makeAccount("miner");
    const { status, json } = await create(miner.token, listingBody(miner.site.id));
    expect(status).toBe(201);
    expect(json).toMatchObject({ status: "draft", capacityKw: 2000, priceCentsPerKwMonth: 13500, organizationId: miner.organization.id });

    expect((await read(null, json.id)).status).toBe(404);
    expect((await read(stranger.token, json.id)).status).toBe(404);
    const own = await read(miner.token, json.id);
    expect(own.status).toBe(200);
    expect(own.json.site.name).toBe("Baie-Comeau Hydro Hall");
    expect(own.json.organization).toEqual({ id: miner.organization.id, name: miner.organization.name });
    expect(own.json.availability).toEqual([{ from: json.availableFrom, to: json.availableUntil, bookedKw: 0, freeKw: 2000 }]);

    const submitted = await act(miner.token, json.id, "submit");
    expect(submitted.status).toBe(200);
    expect(submitted.json.status).toBe("pending_review");
    expect((await act(miner.token, json.id, "submit")).json.error.code).toBe("invalid_transition");

    await publish(miner.db, json.id);
    const pub = await read(null, json.id);
    expect(pub.status).toBe(200);
    expect(pub.json.site.country).toBe("CA");
  });

  it("explains each impossible term and creates nothing", async () => {
    const miner = await minerWithSite();
    const today = todayUtc();
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ capacityKw: 60_000 }, "capacityKw", /offer at most/],
      [{ capacityKw: 45_000 }, "capacityKw", /planned 20 MW arrive on/],
      [{ cooling: "hydro" }, "cooling", /does not offer hydro/],
      [{ cooling: "air", maxKwPerRack: 80 }, "maxKwPerRack", /Air cooling carries at most about 40 kW/],
      [{ rackCount: 5 }, "rackCount", /hold 500 kW, less than the 2000 kW/],
      [{ availableFrom: addDays(today, 100), availableUntil: addDays(today, 50) }, "availableUntil", /must come after/],
      [{ minTermMonths: 48 }, "minTermMonths", /does not fit in the window/],
      [{ priceCentsPerKwMonth: 50 }, "priceCentsPerKwMonth", /at least \$10\.00/],
      [{ depositPercent: 150 }, "depositPercent", /at most 100 %/],
      [{ availableFrom: addDays(today, -30) }, "availableFrom", /starts today or later/],
      [{ availableFrom: "2027-02-30" }, "availableFrom", /not a real date/],
      [{ siteId: "8b0e7b8e-2f7c-4c55-9a0b-000000000000" }, "siteId", /your organization's sites/],
    ];
    for (const [overrides, field, message] of cases) {
      const { status, json } = await create(miner.token, listingBody(miner.site.id, overrides));
      expect(status, JSON.stringify(overrides)).toBe(400);
      expect(json.error.fields[field], JSON.stringify(overrides)).toMatch(message);
    }
    const [count] = await miner.db.select({ n: sql<number>`count(*)::int` }).from(listings).where(eq(listings.organizationId, miner.organization.id));
    expect(count!.n).toBe(0);
  });

  it("accepts capacity from planned power when the window opens after energization", async () => {
    const miner = await minerWithSite();
    const { status } = await create(miner.token, listingBody(miner.site.id, { capacityKw: 45_000, rackCount: 450, availableFrom: addDays(todayUtc(), 220), availableUntil: addDays(todayUtc(), 220 + 800) }));
    expect(status).toBe(201);
  });

  it("refuses a listing on another organization's site, and buyers altogether", async () => {
    const owner = await minerWithSite();
    const other = await makeAccount("miner");
    const buyer = await makeAccount("buyer");
    expect((await create(other.token, listingBody(owner.site.id))).json.error.fields.siteId).toMatch(/your organization's sites/);
    expect((await create(buyer.token, listingBody(owner.site.id))).status).toBe(403);
  });

  it("pauses, resumes and archives; a foreign miner can do none of it", async () => {
    const miner = await minerWithSite();
    const other = await makeAccount("miner");
    const { json } = await create(miner.token, listingBody(miner.site.id));
    await publish(miner.db, json.id);
    expect((await act(other.token, json.id, "pause")).status).toBe(404);
    expect((await act(miner.token, json.id, "pause")).json.status).toBe("paused");
    expect((await read(null, json.id)).status).toBe(404);
    expect((await act(miner.token, json.id, "resume")).json.status).toBe("published");
    expect((await act(miner.token, json.id, "archive")).json.status).toBe("archived");
    expect((await act(miner.token, json.id, "resume")).status).toBe(409);
    expect((await act(miner.token, json.id, "explode")).status).toBe(404);
  });

  it("sends a published listing back to review when material terms change, not for its description", async () => {
    const miner = await minerWithSite();
    const { json } = await create(miner.token, listingBody(miner.site.id));
    await publish(miner.db, json.id);
    const patch = async (body: unknown) => {
      const response = await patchListing(apiRequest("PATCH", `/api/v1/listings/${json.id}`, miner.token, body), params({ id: json.id }));
      return { status: response.status, json: await response.json() };
    };
    const cosmetic = await patch({ description: "Now with a viewing gallery." });
    expect(cosmetic.json).toMatchObject({ status: "published", sentToReview: false });
    const priced = await patch({ priceCentsPerKwMonth: 12900 });
    expect(priced.json).toMatchObject({ status: "pending_review", sentToReview: true, priceCentsPerKwMonth: 12900 });
    expect((await patch({ status: "published" })).status).toBe(400);
  });

  it("will not shrink capacity or the window below the bookings that hold it", async () => {
    const miner = await minerWithSite();
    const buyer = await makeAccount("buyer");
    const { json } = await create(miner.token, listingBody(miner.site.id));
    await publish(miner.db, json.id);
    const start = addDays(json.availableFrom, 10);
    await miner.db.insert(bookings).values({
      listingId: json.id, buyerOrganizationId: buyer.organization.id, kw: 1500, startDate: start, endDate: addDays(start, 365),
      status: "confirmed", priceCentsPerKwMonth: 13500, depositPercent: 20, totalCents: 1, depositCents: 0, platformFeeBps: 800, expiresAt: new Date(),
    });
    const patch = async (body: unknown) => {
      const response = await patchListing(apiRequest("PATCH", `/api/v1/listings/${json.id}`, miner.token, body), params({ id: json.id }));
      return { status: response.status, json: await response.json() };
    };
    const shrink = await patch({ capacityKw: 1000 });
    expect(shrink.status).toBe(409);
    expect(shrink.json.error).toMatchObject({ code: "capacity_exceeded", bookedKw: 1500 });
    const narrow = await patch({ availableUntil: addDays(start, 364) });
    expect(narrow.status).toBe(409);
    expect((await read(miner.token, json.id)).json).toMatchObject({ capacityKw: 2000, status: "published" });
    expect((await read(null, json.id)).json.availability[1]).toMatchObject({ bookedKw: 1500, freeKw: 500 });
  });

  it("lets an admin edit material terms without a new review, and audits it", async () => {
    const miner = await minerWithSite();
    const { json } = await create(miner.token, listingBody(miner.site.id));
    await publish(miner.db, json.id);
    const [adminUser] = await miner.db
      .insert(users)
      .values({ email: `admin-${json.id.slice(0, 8)}@example.test`, name: "Admin", passwordHash: "x", role: "admin", organizationId: null })
      .returning({ id: users.id });
    const admin = { userId: adminUser!.id, role: "admin" as const, organizationId: null };
    const { listing, sentToReview } = await updateListing(miner.db, admin, json.id, { priceCentsPerKwMonth: 12000 });
    expect(listing.status).toBe("published");
    expect(sentToReview).toBe(false);
    const [entry] = await miner.db.select().from(auditLog).where(and(eq(auditLog.targetId, json.id), eq(auditLog.action, "listing.edited_by_admin")));
    expect(entry?.data).toEqual({ changed: { priceCentsPerKwMonth: { before: 13500, after: 12000 } } });
  });
});
