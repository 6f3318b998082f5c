import "server-only";
import { createHash } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { apiTokens, organizations, users } from "@/db/schema";
import type { SessionUser } from "./users";

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * The active user behind a bearer token, or null. A revoked token, a suspended user or a
 * suspended organization stops working on the very next request.
 */
export async function findUserByToken(db: Executor, token: string): Promise<SessionUser | null> {
  const [row] = await db
    .select({
      tokenId: apiTokens.id,
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      status: users.status,
      orgId: organizations.id,
      orgName: organizations.name,
      orgKind: organizations.kind,
      orgStatus: organizations.status,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .leftJoin(organizations, eq(organizations.id, users.organizationId))
    .where(and(eq(apiTokens.tokenHash, hashToken(token)), isNull(apiTokens.revokedAt)))
    .limit(1);
  if (!row) return null;
  // Coarse (one write a minute at most) so that busy clients do not write on every call.
  await db
    .update(apiTokens)
    .set({ lastUsedAt: new Date() })
    .where(and(eq(apiTokens.id, row.tokenId), sql`(${apiTokens.lastUsedAt} is null or ${apiTokens.lastUsedAt} < now() - interval '1 minute')`));
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    status: row.status,
    organization: row.orgId && row.orgName && row.orgKind && row.orgStatus ? { id: row.orgId, name: row.orgName, kind: row.orgKind, status: row.orgStatus } : null,
  };
}
