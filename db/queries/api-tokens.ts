// Personal API tokens: only a SHA-256 hash is stored, the token itself is shown once.
import { isUuid } from "@/lib/ids";
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, count, desc, eq, isNull, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { apiTokens, organizations, users } from "@/db/schema";
import { assertRole, type Actor } from "@/lib/auth/policy";
import { AppError } from "@/lib/errors";
import { apiTokenSchema } from "@/lib/validations/api-token";
import { requireVerifiedEmail, sessionColumns, toSessionUser, type SessionUser } from "./users";

export const MAX_ACTIVE_TOKENS = 20;
const TOKEN_PREFIX_LENGTH = 12;

export type ApiTokenSummary = {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * The active user behind a bearer token, or null. A revoked token, a suspended user or a
 * suspended organization stops working on the very next request.
 */
export async function findUserByToken(db: Executor, token: string): Promise<SessionUser | null> {
  const [row] = await db
    .select({ tokenId: apiTokens.id, ...sessionColumns })
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
  return toSessionUser(row);
}

/**
 * Creates a token for the actor and returns it in plain text: the only time it exists
 * outside the caller's hands. Admins act through audited admin paths, not tokens.
 */
export async function createApiToken(db: Executor, actor: Actor, name: string) {
  assertRole(actor, "miner", "buyer");
  const input = apiTokenSchema.parse({ name });
  await requireVerifiedEmail(db, actor.userId);
  // 32 random bytes: far beyond guessing, so a fast unsalted hash is enough to look it up.
  const token = `sub_${randomBytes(32).toString("base64url")}`;
  const prefix = token.slice(0, TOKEN_PREFIX_LENGTH);
  return db.transaction(async (tx) => {
    // Locking the user row serializes concurrent creations, so the cap holds under races.
    const [owner] = await tx.select({ id: users.id }).from(users).where(eq(users.id, actor.userId)).for("update");
    if (!owner) throw AppError.unauthenticated();
    const [active] = await tx
      .select({ n: count() })
      .from(apiTokens)
      .where(and(eq(apiTokens.userId, actor.userId), isNull(apiTokens.revokedAt)));
    if ((active?.n ?? 0) >= MAX_ACTIVE_TOKENS) {
      throw AppError.conflict(
        `You already have ${MAX_ACTIVE_TOKENS} active API tokens, the most one account may hold. Revoke one you no longer use, then create the new one.`,
      );
    }
    const [row] = await tx
      .insert(apiTokens)
      .values({ userId: actor.userId, name: input.name, tokenHash: hashToken(token), prefix })
      .returning({ id: apiTokens.id, name: apiTokens.name, prefix: apiTokens.prefix, createdAt: apiTokens.createdAt });
    return { ...row!, token };
  });
}

/** The actor's own tokens, newest first; revoked ones stay listed with `revokedAt` set. */
export async function listApiTokens(db: Executor, actor: Actor): Promise<ApiTokenSummary[]> {
  assertRole(actor, "miner", "buyer");
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      prefix: apiTokens.prefix,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .where(eq(apiTokens.userId, actor.userId))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
}

/**
 * Revokes one of the actor's tokens; it fails on its very next request. Revoking twice
 * keeps the first revocation time. Another user's token is "not found", never confirmed.
 */
export async function revokeApiToken(db: Executor, actor: Actor, id: string): Promise<{ id: string; revokedAt: Date }> {
  assertRole(actor, "miner", "buyer");
  if (!isUuid(id)) throw AppError.notFound("That API token");
  const [row] = await db
    .update(apiTokens)
    .set({ revokedAt: sql`coalesce(${apiTokens.revokedAt}, now())` })
    .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, actor.userId)))
    .returning({ id: apiTokens.id, revokedAt: apiTokens.revokedAt });
  if (!row?.revokedAt) throw AppError.notFound("That API token");
  return { id: row.id, revokedAt: row.revokedAt };
}

/** Revokes every active token of a person (removed from, or moving out of, an organization); returns how many. */
export async function revokeUserApiTokens(db: Executor, userId: string): Promise<number> {
  const rows = await db
    .update(apiTokens)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return rows.length;
}
