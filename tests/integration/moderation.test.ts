import { randomBytes } from "node:crypto";
import { readdirSync } from "node:fs";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { POST as decide } from "@/app/api/v1/admin/listings/[id]/[action]/route";
import { GET as adminQueue } from "@/app/api/v1/admin/listings/route";
import { getAdminOverview } from "@/db/queries/dashboard";
import { createListing, transitionListing, updateListing } from "@/db/queries/listings";
import { approveListing, approveListings, countPendingReview, moderationQueue, rejectListing } from "@/db/queries/moderation";
import { countOpenReports, createReport, listReports, resolveReport } from "@/db/queries/reports";
import { searchListings } from "@/db/queries/search";
import { createSite } from "@/db/queries/sites";
import { auditLog, listings, outboxEmails } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { searchSchema } from "@/lib/validations/search";
import { testDb } from "../support/db";
import { apiRequest, listingBody, makeAccount, makeAdminWithToken, params, siteBody } from "../support/fixtures";

const ROOT = path.resolve(import.meta.dirname, "../..");

/** A miner with a site; `listing()` makes a draft there with a title nobody else uses. */
async function minerWithSite() {
  const miner = await makeAccount("miner");
  const site = await createSite(miner.db, miner.actor, siteBody());
  const listing = (overrides: Record<string, unknown> = {}) =>
    createListing(miner.db, miner.actor, listingBody(site.id, { title: `Immersion pods ${randomBytes(4).toString("hex")}`, ...overrides }));
  const submitted = async (overrides: Record<string, unknown> = {}) => transitionListing(miner.db, miner.actor, (await listing(overrides)).id, "submit");
  return { ...miner, site, listing, submitted };
}

async function caught(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const setSubmittedAt = (id: string, daysAgo: number) =>
  testDb().then((db) => db.update(listings).set({ submittedAt: new Date(Date.now() - daysAgo * 86_400_000) }).where(eq(listings.id, id)));

const auditOf = async (targetType: string, targetId: string) =>
  (await testDb())
    .select({ action: auditLog.action, actorUserId: auditLog.actorUserId, organizationId: auditLog.organizationId, data: auditLog.data })
    .from(auditLog)
    .where(and(eq(auditLog.targetType, targetType), eq(auditLog.targetId, targetId)))
    .orderBy(auditLog.id);

const mailTo = async (email: string, template: string) =>
  (await testDb())
    .select({ subject: outboxEmails.subject, text: outboxEmails.textBody })
    .from(outboxEmails)
    .where(and(eq(outboxEmails.toAddress, email.toLowerCase()), eq(outboxEmails.template, template)));

const searchIds = async (title: string) => (await searchListings(await testDb(), searchSchema.parse({ q: title }))).items.map((item) => item.id);

describe("the moderation queue", () => {
  it("lists listings in review oldest submission first, each with its miner's published, rejected and report counts", async () => {
    const admin = await makeAdminWithToken();
    const seasoned = await minerWithSite();
    const newcomer = await minerWithSite();
    const buyer = await makeAccount("buyer");

    const live = await seasoned.submitted();
    await approveListing(admin.db, admin.actor, live.id);
    for (const reason of ["Price is per kWh, not per kW-month.", "The photos show another site."]) {
      await rejectListing(admin.db, admin.actor, (await seasoned.submitted()).id, { reason });
    }
    await createReport(buyer.db, buyer.actor, { listingId: live.id, reason: "misleading", note: "Quoted 2 MW, offered 1 MW on the call." });
    await createReport(buyer.db, buyer.actor, { listingId: live.id, reason: "unavailable" });
    const recent = await seasoned.submitted();
    const older = await newcomer.submitted();
    await setSubmittedAt(recent.id, 2);
    await setSubmittedAt(older.id, 5);

    const queue = await moderationQueue(admin.db, admin.actor, "pending_review");
    const ids = queue.map((item) => item.id);
    expect(ids).toContain(recent.id);
    expect(ids.indexOf(older.id)).toBeLessThan(ids.indexOf(recent.id));
    expect(queue.every((item) => item.status === "pending_review")).toBe(true);

    expect(queue.find((item) => item.id === recent.id)).toMatchObject({
      title: recent.title,
      siteName: "Baie-Comeau Hydro Hall",
      siteVerified: false,
      organizationId: seasoned.organization.id,
      organizationStatus: "active",
      published: 1,
      rejected: 2,
      reportCount: 2,
      changes: [],
    });
    expect(queue.find((item) => item.id === older.id)).toMatchObject({ published: 0, rejected: 0, reportCount: 0 });

    const rejected = await moderationQueue(admin.db, admin.actor, "rejected");
    expect(rejected.filter((item) => item.organizationId === seasoned.organization.id).map((item) => item.rejectionReason).sort()).toEqual([
      "Price is per kWh, not per kW-month.",
      "The photos show another site.",
    ]);
  });

  it("is refused to miners and buyers", async () => {
    const miner = await makeAccount("miner");
    const buyer = await makeAccount("buyer");
    expect((await caught(moderationQueue(miner.db, miner.actor))).status).toBe(403);
    expect((await caught(moderationQueue(buyer.db, buyer.actor))).status).toBe(403);
  });

  it("counts the listings in review for its tab, the number the admin overview shows, and only for admins", async () => {
    const admin = await makeAdminWithToken();
    const miner = await minerWithSite();
    const draft = await miner.listing();
    // Other test files submit listings meanwhile: one snapshot keeps the counts comparable.
    await admin.db.transaction(
      async (tx) => {
        const before = await countPendingReview(tx, admin.actor);
        expect((await getAdminOverview(tx, admin.actor)).pendingReview).toBe(before);
        await transitionListing(tx, miner.actor, draft.id, "submit");
        expect(await countPendingReview(tx, admin.actor)).toBe(before + 1);
      },
      { isolationLevel: "repeatable read" },
    );
    expect((await caught(countPendingReview(miner.db, miner.actor))).status).toBe(403);
  });
});

describe("approving and rejecting", () => {
  it("approves a listing in review: published and searchable, audited as listing.approved, mailed to its miner, the reviewed terms kept", async () => {
    const admin = await makeAdminWithToken();
    const miner = await minerWithSite();
    const listing = await miner.submitted();
    expect(await searchIds(listing.title)).not.toContain(listing.id);

    expect(await approveListing(admin.db, admin.actor, listing.id)).toMatchObject({ id: listing.id, status: "published" });

    const [row] = await admin.db.select().from(listings).where(eq(listings.id, listing.id));
    expect(row).toMatchObject({ status: "published", reviewedBy: admin.actor.userId, rejectionReason: null });
    expect(row!.publishedAt).toBeInstanceOf(Date);
    expect(row!.reviewedTerms).toMatchObject({ capacityKw: 2000, priceCentsPerKwMonth: 13500, cooling: "immersion", availableFrom: listing.availableFrom, title: listing.title });
    expect(await auditOf("listing", listing.id)).toEqual([
      { action: "listing.approved", actorUserId: admin.actor.userId, organizationId: miner.organization.id, data: { terms: expect.objectContaining({ priceCentsPerKwMonth: 13500 }) } },
    ]);
    const [mail] = await mailTo(miner.user.email, "listing.approved");
    expect(mail?.subject).toBe(`Published: ${listing.title}`);
    expect(await searchIds(listing.title)).toContain(listing.id);
  });

  it("shows a resubmission after an edit with what changed since the last review, before and after", async () => {
    const admin = await makeAdminWithToken();
    const miner = await minerWithSite();
    const listing = await miner.submitted();
    await approveListing(admin.db, admin.actor, listing.id);

    const edited = await updateListing(miner.db, miner.actor, listing.id, { priceCentsPerKwMonth: 12900, capacityKw: 1500 });
    expect(edited.sentToReview).toBe(true);

    const item = (await moderationQueue(admin.db, admin.actor)).find((i) => i.id === listing.id);
    expect(item?.changes).toEqual([
      { field: "capacityKw", before: 2000, after: 1500 },
      { field: "priceCentsPerKwMonth", before: 13500, after: 12900 },
    ]);
  });

  it("shows what changed when a rejected listing is edited and submitted again", async () => {
    const admin = await makeAdminWithToken();
    const miner = await minerWithSite();
    const listing = await miner.submitted();
    await rejectListing(admin.db, admin.actor, listing.id, { reason: "$135 is above the site's usual rate; check the price." });

    await updateListing(miner.db, miner.actor, listing.id, { priceCentsPerKwMonth: 11000 });
    await transitionListing(miner.db, miner.actor, listing.id, "submit");

    const item = (await moderationQueue(admin.db, admin.actor)).find((i) => i.id === listing.id);
    expect(item?.changes).toEqual([{ field: "priceCentsPerKwMonth", before: 13500, after: 11000 }]);
  });

  it("refuses a rejection without a reason (400) and changes nothing; with one, stores it, audits it and mails it to the miner", async () => {
    const admin = await makeAdminWithToken();
    const miner = await minerWithSite();
    const listing = await miner.submitted();
    const reject = async (body?: unknown) => {
      const response = await decide(apiRequest("POST", `/api/v1/admin/listings/${listing.id}/reject`, admin.token, body), params({ id: listing.id, action: "reject" }));
      return { status: response.status, json: await response.json() };
    };

    for (const body of [undefined, {}, { reason: "   " }]) {
      const refused = await reject(body);
      expect(refused.status).toBe(400);
      expect(refused.json.error).toMatchObject({ code: "validation_failed", fields: { reason: expect.stringContaining("reason") } });
    }
    const [untouched] = await admin.db.select({ status: listings.status }).from(listings).where(eq(listings.id, listing.id));
    expect(untouched?.status).toBe("pending_review");
    expect(await auditOf("listing", listing.id)).toEqual([]);

    const reason = "Immersion needs a water-availability note for the site.";
    const done = await reject({ reason });
    expect(done.status).toBe(200);
    expect(done.json).toMatchObject({ id: listing.id, status: "rejected", rejectionReason: reason });
    expect(await auditOf("listing", listing.id)).toEqual([{ action: "listing.rejected", actorUserId: admin.actor.userId, organizationId: miner.organization.id, data: { reason } }]);
    const [mail] = await mailTo(miner.user.email, "listing.rejected");
    expect(mail?.text).toContain(reason);
  });

  it("answers 409 when approving or rejecting a listing that is not in review", async () => {
    const admin = await makeAdminWithToken();
    const miner = await minerWithSite();
    const draft = await miner.listing();
    const approveVia = async (id: string) => decide(apiRequest("POST", `/api/v1/admin/listings/${id}/approve`, admin.token), params({ id, action: "approve" }));

    const onDraft = await approveVia(draft.id);
    expect(onDraft.status).toBe(409);
    expect((await onDraft.json()).error).toMatchObject({ code: "invalid_transition", status: "draft" });

    const listing = await miner.submitted();
    expect((await approveVia(listing.id)).status).toBe(200);
    expect((await approveVia(listing.id)).status).toBe(409);
    expect((await caught(rejectListing(admin.db, admin.actor, listing.id, { reason: "Too late for this." }))).status).toBe(409);
    expect((await approveVia("00000000-0000-4000-8000-000000000000")).status).toBe(404);
  });

  it("approves in bulk, reporting each listing's outcome: approved, not in review, unknown", async () => {
    const admin = await makeAdminWithToken();
    const miner = await minerWithSite();
    const first = await miner.submitted();
    const second = await miner.submitted();
    const draft = await miner.listing();
    const unknown = "00000000-0000-4000-8000-000000000001";

    const outcomes = await approveListings(admin.db, admin.actor, [first.id, draft.id, second.id, unknown]);
    expect(outcomes).toEqual([
      { id: first.id, ok: true },
      { id: draft.id, ok: false, error: expect.stringContaining("this one is draft") },
      { id: second.id, ok: true },
      { id: unknown, ok: false, error: "Listing was not found." },
    ]);
    const statuses = await admin.db.select({ id: listings.id, status: listings.status }).from(listings).where(eq(listings.organizationId, miner.organization.id));
    expect(Object.fromEntries(statuses.map((s) => [s.id, s.status]))).toEqual({ [first.id]: "published", [second.id]: "published", [draft.id]: "draft" });
    expect((await auditOf("listing", second.id)).map((a) => a.action)).toEqual(["listing.approved"]);
  });
});

describe("reports", () => {
  async function reportedListing() {
    const admin = await makeAdminWithToken();
    const miner = await minerWithSite();
    const listing = await miner.submitted();
    await approveListing(admin.db, admin.actor, listing.id);
    const buyer = await makeAccount("buyer");
    const report = await createReport(buyer.db, buyer.actor, { listingId: listing.id, reason: "fraud", note: "Same photos as a Kazakh site listed elsewhere." });
    return { admin, miner, buyer, listing, report };
  }

  it("lets a signed-in user report a listing they can see, and answers 404 for one they cannot", async () => {
    const { admin, miner, buyer, listing, report } = await reportedListing();
    expect(report.status).toBe("open");
    const open = (await listReports(admin.db, admin.actor, "open")).find((r) => r.id === report.id);
    expect(open).toMatchObject({
      reason: "fraud",
      note: "Same photos as a Kazakh site listed elsewhere.",
      listingId: listing.id,
      listingTitle: listing.title,
      organizationName: miner.organization.name,
      reporterEmail: buyer.user.email,
    });

    const draft = await miner.listing();
    expect((await caught(createReport(buyer.db, buyer.actor, { listingId: draft.id, reason: "other" }))).status).toBe(404);
    const otherMiner = await makeAccount("miner");
    expect((await caught(createReport(otherMiner.db, otherMiner.actor, { listingId: draft.id, reason: "other" }))).status).toBe(404);
    await expect(createReport(buyer.db, buyer.actor, { listingId: listing.id, reason: "spam" })).rejects.toThrow();
  });

  it("resolves a report with a note, audited, and on request unpublishes the listing so search no longer finds it", async () => {
    const { admin, listing, report } = await reportedListing();
    expect(await searchIds(listing.title)).toContain(listing.id);

    const note = "Photos match another operator's site; taken down pending proof.";
    expect(await resolveReport(admin.db, admin.actor, report.id, { outcome: "resolved", note, unpublish: "on" })).toEqual({ id: report.id, status: "resolved", unpublished: true });

    expect(await searchIds(listing.title)).not.toContain(listing.id);
    const [row] = await admin.db.select({ status: listings.status }).from(listings).where(eq(listings.id, listing.id));
    expect(row?.status).toBe("rejected");
    expect(await auditOf("report", report.id)).toEqual([{ action: "report.resolved", actorUserId: admin.actor.userId, organizationId: null, data: { listingId: listing.id, note, unpublished: true } }]);
    expect((await auditOf("listing", listing.id)).map((a) => a.action)).toEqual(["listing.approved", "listing.unpublished"]);
    expect((await listReports(admin.db, admin.actor, "resolved")).find((r) => r.id === report.id)).toMatchObject({ status: "resolved", resolutionNote: note, listingStatus: "rejected" });
    expect((await listReports(admin.db, admin.actor, "open")).map((r) => r.id)).not.toContain(report.id);
  });

  it("dismisses a report with a required note, keeps the listing published, and answers 409 to handling it twice", async () => {
    const { admin, listing, report } = await reportedListing();
    await expect(resolveReport(admin.db, admin.actor, report.id, { outcome: "dismissed", note: "" })).rejects.toThrow(/note/);

    expect(await resolveReport(admin.db, admin.actor, report.id, { outcome: "dismissed", note: "Checked the PPA; the facts hold." })).toMatchObject({ status: "dismissed", unpublished: false });
    expect(await searchIds(listing.title)).toContain(listing.id);
    expect((await auditOf("report", report.id)).map((a) => a.action)).toEqual(["report.dismissed"]);

    const twice = await caught(resolveReport(admin.db, admin.actor, report.id, { outcome: "resolved", note: "Second look.", unpublish: true }));
    expect(twice.status).toBe(409);
    const [row] = await admin.db.select({ status: listings.status }).from(listings).where(eq(listings.id, listing.id));
    expect(row?.status).toBe("published");
  });

  it("counts open reports for the reports tab, the number the admin overview shows, and only for admins", async () => {
    const { admin, buyer, listing } = await reportedListing();
    const another = await makeAccount("buyer");
    // Other test files report listings meanwhile: one snapshot keeps the counts comparable.
    await admin.db.transaction(
      async (tx) => {
        const before = await countOpenReports(tx, admin.actor);
        expect((await getAdminOverview(tx, admin.actor)).openReports).toBe(before);
        await createReport(tx, another.actor, { listingId: listing.id, reason: "duplicate" });
        expect(await countOpenReports(tx, admin.actor)).toBe(before + 1);
      },
      { isolationLevel: "repeatable read" },
    );
    expect((await caught(countOpenReports(buyer.db, buyer.actor))).status).toBe(403);
  });

  it("keeps the report list and resolutions to admins", async () => {
    const { buyer, miner, report } = await reportedListing();
    expect((await caught(listReports(buyer.db, buyer.actor))).status).toBe(403);
    expect((await caught(resolveReport(miner.db, miner.actor, report.id, { outcome: "dismissed", note: "Not me." }))).status).toBe(403);
  });
});

// Access through the route handlers: every admin endpoint on disk, for every method it exports.

/** Bracketed segments that stand for a fixed list of words; ids get a random UUID. */
const ACTIONS: Record<string, readonly string[]> = {
  "admin/listings/[id]/[action]": ["approve", "reject"],
  "admin/organizations/[id]/[action]": ["suspend", "reinstate"],
};
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** Every (method, path, handler) under app/api/v1/admin, with concrete parameters. */
async function adminEndpoints() {
  const dir = path.join(ROOT, "app/api/v1/admin");
  const files = readdirSync(dir, { withFileTypes: true, recursive: true }).filter((entry) => entry.isFile() && entry.name === "route.ts");
  const endpoints: { method: string; url: string; params: Record<string, string>; handler: Handler }[] = [];
  for (const file of files) {
    const folder = path.relative(path.join(ROOT, "app/api/v1"), file.parentPath).split(path.sep).join("/");
    const mod = (await import(path.join(file.parentPath, file.name))) as Record<string, unknown>;
    const segments = folder.split("/");
    const words = ACTIONS[folder];
    const dynamic = segments.filter((s) => /^\[\w+\]$/.test(s) && s !== "[id]");
    if (dynamic.length && !words) throw new Error(`Add the words ${folder} accepts to ACTIONS in this test, so its access is checked.`);
    for (const word of words ?? [""]) {
      const values: Record<string, string> = {};
      const url = segments
        .map((s) => {
          if (s === "[id]") return (values.id = "00000000-0000-4000-8000-00000000000a");
          if (/^\[\w+\]$/.test(s)) return (values[s.slice(1, -1)] = word);
          return s;
        })
        .join("/");
      for (const method of METHODS) {
        if (typeof mod[method] === "function") endpoints.push({ method, url: `/api/v1/${url}`, params: values, handler: mod[method] as Handler });
      }
    }
  }
  return endpoints;
}

describe("access to the admin API", () => {
  it("answers 401 signed out and 403 to miners and buyers on every admin endpoint", async () => {
    const miner = await makeAccount("miner");
    const buyer = await makeAccount("buyer");
    const endpoints = await adminEndpoints();
    expect(endpoints.map((e) => `${e.method} ${e.url}`)).toEqual(
      expect.arrayContaining([
        "GET /api/v1/admin/listings",
        "POST /api/v1/admin/listings/00000000-0000-4000-8000-00000000000a/approve",
        "POST /api/v1/admin/listings/00000000-0000-4000-8000-00000000000a/reject",
        "POST /api/v1/admin/organizations/00000000-0000-4000-8000-00000000000a/suspend",
        "POST /api/v1/admin/organizations/00000000-0000-4000-8000-00000000000a/reinstate",
      ]),
    );
    const body = (method: string) => (method === "GET" || method === "DELETE" ? undefined : { reason: "Checking access." });
    for (const endpoint of endpoints) {
      const call = (token: string | null) => endpoint.handler(apiRequest(endpoint.method, endpoint.url, token, body(endpoint.method)), params(endpoint.params));
      const label = `${endpoint.method} ${endpoint.url}`;
      const anonymous = await call(null);
      expect({ label, status: anonymous.status, code: (await anonymous.json()).error?.code }).toEqual({ label, status: 401, code: "unauthenticated" });
      for (const who of [miner, buyer]) {
        const refused = await call(who.token);
        expect({ label, role: who.actor.role, status: refused.status, code: (await refused.json()).error?.code }).toEqual({ label, role: who.actor.role, status: 403, code: "forbidden" });
      }
    }
  });

  it("serves the queue to an admin, oldest first, and checks the status filter", async () => {
    const admin = await makeAdminWithToken();
    const miner = await minerWithSite();
    const listing = await miner.submitted();
    const response = await adminQueue(apiRequest("GET", "/api/v1/admin/listings?status=pending_review", admin.token), params({}));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const { items } = await response.json();
    expect(items.map((i: { id: string }) => i.id)).toContain(listing.id);
    expect((await adminQueue(apiRequest("GET", "/api/v1/admin/listings?status=archived", admin.token), params({}))).status).toBe(400);
  });
});
