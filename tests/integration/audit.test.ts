import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { listAudit, writeAudit } from "@/db/queries/audit";
import { auditLog } from "@/db/schema";
import { AppError, sqlStateOf } from "@/lib/errors";
import { testDb } from "../support/db";
import { makeAccount, makeAdmin } from "../support/fixtures";

/** An organization of its own with a known set of audit rows, oldest first. */
async function organizationWithHistory() {
  const miner = await makeAccount("miner");
  const admin = await makeAdmin("Auditing Admin");
  const organizationId = miner.organization.id;
  const at = (day: string) => new Date(`${day}T12:00:00Z`);
  const rows = [
    { action: "listing.approved", targetType: "listing", targetId: "l-1", createdAt: at("2026-01-10") },
    { action: "deposit.captured", targetType: "payment", targetId: "p-1", createdAt: at("2026-01-20") },
    { action: "deposit.released", targetType: "payment", targetId: "p-2", createdAt: at("2026-02-05") },
    { action: "site.verified", targetType: "site", targetId: "s-1", createdAt: at("2026-02-15") },
    { action: "listing.rejected", targetType: "listing", targetId: "l-2", createdAt: at("2026-03-01") },
  ];
  const db = await testDb();
  for (const row of rows) await db.insert(auditLog).values({ ...row, actorUserId: admin.userId, organizationId, data: { note: row.action } });
  return { db, admin, organizationId };
}

async function refusalCode(promise: Promise<unknown>): Promise<string | undefined> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeDefined();
  return sqlStateOf(error);
}

describe("the audit log", () => {
  it("cannot be updated, deleted or truncated: the database refuses with SQLSTATE 42501", async () => {
    const { db, organizationId } = await organizationWithHistory();
    expect(await refusalCode(db.update(auditLog).set({ action: "listing.approved_quietly" }).where(eq(auditLog.organizationId, organizationId)))).toBe("42501");
    expect(await refusalCode(db.delete(auditLog).where(eq(auditLog.organizationId, organizationId)))).toBe("42501");
    expect(await refusalCode(db.execute(sql`truncate audit_log`))).toBe("42501");
    const left = await db.select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.organizationId, organizationId));
    expect(left).toHaveLength(5);
  });

  it("lists an organization's rows newest first with the acting admin", async () => {
    const { db, admin, organizationId } = await organizationWithHistory();
    const rows = await listAudit(db, admin, { organizationId });
    expect(rows.map((r) => r.action)).toEqual(["listing.rejected", "site.verified", "deposit.released", "deposit.captured", "listing.approved"]);
    expect(rows[0]).toMatchObject({ actorUserId: admin.userId, actorName: "Auditing Admin", targetType: "listing", targetId: "l-2", data: { note: "listing.rejected" } });
  });

  it("filters by action prefix, target type and date range, and pages with `before`", async () => {
    const { db, admin, organizationId } = await organizationWithHistory();
    const actions = async (filter: Parameters<typeof listAudit>[2]) => (await listAudit(db, admin, { organizationId, ...filter })).map((r) => r.action);

    expect(await actions({ action: "deposit." })).toEqual(["deposit.released", "deposit.captured"]);
    expect(await actions({ action: "listing." })).toEqual(["listing.rejected", "listing.approved"]);
    // LIKE wildcards typed by a user are not wildcards.
    expect(await actions({ action: "%." })).toEqual([]);
    expect(await actions({ targetType: "payment" })).toEqual(["deposit.released", "deposit.captured"]);
    // `to` is exclusive: the page passes the day after the last day asked for.
    expect(await actions({ from: "2026-01-20", to: "2026-02-16" })).toEqual(["site.verified", "deposit.released", "deposit.captured"]);

    const first = await listAudit(db, admin, { organizationId, limit: 2 });
    const second = await listAudit(db, admin, { organizationId, limit: 2, before: first.at(-1)!.id });
    const third = await listAudit(db, admin, { organizationId, limit: 2, before: second.at(-1)!.id });
    expect([...first, ...second, ...third].map((r) => r.action)).toEqual(["listing.rejected", "site.verified", "deposit.released", "deposit.captured", "listing.approved"]);
  });

  it("is readable by admins only", async () => {
    const { db, organizationId } = await organizationWithHistory();
    const miner = await makeAccount("miner");
    const error = await listAudit(db, miner.actor, { organizationId }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(403);
  });

  it("records what writeAudit is given, with an empty object for no data", async () => {
    const { db, admin, organizationId } = await organizationWithHistory();
    await writeAudit(db, { actorUserId: admin.userId, action: "organization.reinstated", targetType: "organization", targetId: organizationId, organizationId });
    const [row] = await listAudit(db, admin, { organizationId, limit: 1 });
    expect(row).toMatchObject({ action: "organization.reinstated", data: {} });
  });
});
