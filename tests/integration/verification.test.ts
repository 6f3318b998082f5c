import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { POST as postSite } from "@/app/api/v1/sites/route";
import { getSite, updateSite } from "@/db/queries/sites";
import { setSiteVerified, verificationQueue } from "@/db/queries/verification";
import { listSitesForReview } from "@/db/queries/verification-review";
import { searchListings } from "@/db/queries/search";
import { auditLog } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { searchSchema } from "@/lib/validations/search";
import { publishedListing } from "../support/bookings";
import { testDb } from "../support/db";
import { apiRequest, makeAccount, makeAdmin, params, siteBody } from "../support/fixtures";

async function minerWithSite() {
  const miner = await makeAccount("miner");
  const site = await (await postSite(apiRequest("POST", "/api/v1/sites", miner.token, siteBody()), params({}))).json();
  return { ...miner, siteId: site.id as string };
}

async function caught(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const auditOf = async (siteId: string) =>
  (await testDb())
    .select({ action: auditLog.action, actorUserId: auditLog.actorUserId, organizationId: auditLog.organizationId, data: auditLog.data })
    .from(auditLog)
    .where(and(eq(auditLog.targetType, "site"), eq(auditLog.targetId, siteId)))
    .orderBy(auditLog.id);

describe("site verification", () => {
  it("grants and revokes the badge, each with an audit row carrying the admin and the note", async () => {
    const { db, actor, siteId, organization } = await minerWithSite();
    const admin = await makeAdmin();

    expect(await setSiteVerified(db, admin, siteId, true, "Interconnection agreement and PPA checked")).toEqual({ id: siteId, verified: true });
    expect((await getSite(db, actor, siteId)).verified).toBe(true);
    expect(await setSiteVerified(db, admin, siteId, false, null)).toEqual({ id: siteId, verified: false });
    expect((await getSite(db, actor, siteId)).verified).toBe(false);

    expect(await auditOf(siteId)).toEqual([
      { action: "site.verified", actorUserId: admin.userId, organizationId: organization.id, data: { note: "Interconnection agreement and PPA checked" } },
      { action: "site.verification_revoked", actorUserId: admin.userId, organizationId: organization.id, data: { note: null } },
    ]);
  });

  it("refuses to grant twice or revoke what is not granted (409), and refuses non-admins (403)", async () => {
    const { db, actor, siteId } = await minerWithSite();
    const admin = await makeAdmin();
    expect((await caught(setSiteVerified(db, admin, siteId, false, null))).status).toBe(409);
    await setSiteVerified(db, admin, siteId, true, null);
    expect((await caught(setSiteVerified(db, admin, siteId, true, null))).status).toBe(409);
    expect((await caught(setSiteVerified(db, actor, siteId, false, null))).status).toBe(403);
    expect((await caught(verificationQueue(db, actor))).status).toBe(403);
    expect((await caught(listSitesForReview(db, actor))).status).toBe(403);
    expect((await getSite(db, actor, siteId)).verified).toBe(true);
  });

  it("clears the badge when the miner changes the site's power or cooling facts", async () => {
    const { db, actor, siteId } = await minerWithSite();
    const admin = await makeAdmin();
    for (const change of [{ energizedMw: 31 }, { powerMix: { hydro: 90, grid: 10 } }, { coolingTypes: ["air"] }, { pue: 1.2 }]) {
      await setSiteVerified(db, admin, siteId, true, null);
      const updated = await updateSite(db, actor, siteId, change);
      expect(updated.verified, JSON.stringify(change)).toBe(false);
    }
  });

  it("keeps the badge when only the name or description changes", async () => {
    const { db, actor, siteId } = await minerWithSite();
    await setSiteVerified(db, await makeAdmin(), siteId, true, null);
    const updated = await updateSite(db, actor, siteId, { name: "Renamed Hall", description: "New words, same power." });
    expect(updated.verified).toBe(true);
  });

  it("shows the badge in search as soon as it is granted", async () => {
    const word = `badge${randomBytes(4).toString("hex")}`;
    const { listing, site, miner } = await publishedListing({ title: `Verified hall ${word}` });
    const admin = await makeAdmin();
    const find = async () => (await searchListings(miner.db, searchSchema.parse({ q: word, verified: "true" }))).items.find((i) => i.id === listing.id);
    expect(await find()).toBeUndefined();
    await setSiteVerified(miner.db, admin, site.id, true, null);
    expect((await find())?.verified).toBe(true);
  });

  it("puts unverified sites first in the review list, with their facts and evidence count", async () => {
    const { db, siteId } = await minerWithSite();
    const admin = await makeAdmin("Verifying Admin");
    const review = await listSitesForReview(db, admin, { show: "all", limit: 200, q: "" });
    const firstVerified = review.sites.findIndex((s) => s.verifiedAt !== null);
    const lastUnverified = review.sites.findLastIndex((s) => s.verifiedAt === null);
    if (firstVerified >= 0) expect(lastUnverified).toBeLessThan(firstVerified);
    const mine = (await listSitesForReview(db, admin, { show: "unverified", limit: 200 })).sites.find((s) => s.id === siteId);
    expect(mine).toMatchObject({ energizedKw: 30000, pue: 1.12, coolingTypes: ["air", "immersion"], powerMix: { hydro: 95, grid: 5, wind: 0 }, documentCount: 0, documents: [] });
    await setSiteVerified(db, admin, siteId, true, null);
    const verified = (await listSitesForReview(db, admin, { show: "verified", limit: 200 })).sites.find((s) => s.id === siteId);
    expect(verified?.verifiedByName).toBe("Verifying Admin");
  });
});
