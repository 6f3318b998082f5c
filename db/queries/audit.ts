// The audit log: every admin action and every money movement. Rows are only ever added
// (the database refuses UPDATE, DELETE and TRUNCATE, migration 0001).
import "server-only";
import { and, desc, eq, gte, lt, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { auditLog, users } from "@/db/schema";
import { assertRole, type Actor } from "@/lib/auth/policy";

export async function writeAudit(
  db: Executor,
  entry: { actorUserId: string | null; action: string; targetType: string; targetId: string; organizationId?: string | null; data?: Record<string, unknown> },
) {
  await db.insert(auditLog).values({ ...entry, organizationId: entry.organizationId ?? null, data: entry.data ?? {} });
}

export type AuditFilter = { action?: string; targetType?: string; targetId?: string; organizationId?: string; actorUserId?: string; before?: number; limit?: number; from?: string; to?: string };

/** Newest first, keyset-paginated by id; admins only. */
export async function listAudit(db: Executor, actor: Actor, filter: AuditFilter = {}) {
  assertRole(actor, "admin");
  const conditions = [
    filter.action ? sql`${auditLog.action} like ${`${filter.action.replace(/[%_]/g, "")}%`}` : undefined,
    filter.targetType ? eq(auditLog.targetType, filter.targetType) : undefined,
    filter.targetId ? eq(auditLog.targetId, filter.targetId) : undefined,
    filter.organizationId ? eq(auditLog.organizationId, filter.organizationId) : undefined,
    filter.actorUserId ? eq(auditLog.actorUserId, filter.actorUserId) : undefined,
    filter.before ? lt(auditLog.id, filter.before) : undefined,
    filter.from ? gte(auditLog.createdAt, new Date(`${filter.from}T00:00:00Z`)) : undefined,
    filter.to ? lt(auditLog.createdAt, new Date(`${filter.to}T00:00:00Z`)) : undefined,
  ].filter(Boolean);
  return db
    .select({
      id: auditLog.id,
      action: auditLog.action,
      targetType: auditLog.targetType,
      targetId: auditLog.targetId,
      organizationId: auditLog.organizationId,
      actorUserId: auditLog.actorUserId,
      actorName: users.name,
      actorEmail: users.email,
      data: auditLog.data,
      createdAt: auditLog.createdAt,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(Math.min(filter.limit ?? 50, 200));
}
