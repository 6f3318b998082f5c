// Signed-in sessions: created at sign-in, read by the guards on every request, revoked by
// sign-out, a password change or reset, and a removal from the organization.
import "server-only";
import { and, desc, eq, isNull, ne, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { userSessions } from "@/db/schema";
import type { Actor } from "@/lib/auth/policy";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";

/** How stale `last_seen_at` may get before a request writes it again (one write per session per 5 minutes). */
const TOUCH_EVERY_MS = 5 * 60 * 1000;

export async function createSession(
  db: Executor,
  input: { userId: string; userAgent: string; ipAddress: string; mfa: boolean },
): Promise<string> {
  const [row] = await db
    .insert(userSessions)
    .values({
      userId: input.userId,
      userAgent: input.userAgent.slice(0, 500),
      ipAddress: input.ipAddress.slice(0, 100),
      mfaAt: input.mfa ? new Date() : null,
    })
    .returning({ id: userSessions.id });
  return row!.id;
}

/** Records that the session was used, at most once every few minutes. */
export async function touchSession(db: Executor, sessionId: string, lastSeenAt: Date): Promise<void> {
  if (Date.now() - lastSeenAt.getTime() < TOUCH_EVERY_MS) return;
  await db.update(userSessions).set({ lastSeenAt: new Date() }).where(eq(userSessions.id, sessionId));
}

export async function revokeSession(db: Executor, sessionId: string): Promise<void> {
  if (!isUuid(sessionId)) return;
  await db.update(userSessions).set({ revokedAt: sql`coalesce(${userSessions.revokedAt}, now())` }).where(eq(userSessions.id, sessionId));
}

/** Ends every session of the user but `keep` (the one asking), or all of them. */
export async function revokeUserSessions(db: Executor, userId: string, keep?: string): Promise<number> {
  const rows = await db
    .update(userSessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(userSessions.userId, userId), isNull(userSessions.revokedAt), keep ? ne(userSessions.id, keep) : undefined))
    .returning({ id: userSessions.id });
  return rows.length;
}

export type SessionSummary = { id: string; userAgent: string; ipAddress: string; createdAt: Date; lastSeenAt: Date; mfa: boolean; current: boolean };

/** The actor's own active sessions, most recently used first. */
export async function listSessions(db: Executor, actor: Actor, currentSessionId: string): Promise<SessionSummary[]> {
  const rows = await db
    .select({
      id: userSessions.id,
      userAgent: userSessions.userAgent,
      ipAddress: userSessions.ipAddress,
      createdAt: userSessions.createdAt,
      lastSeenAt: userSessions.lastSeenAt,
      mfaAt: userSessions.mfaAt,
    })
    .from(userSessions)
    .where(and(eq(userSessions.userId, actor.userId), isNull(userSessions.revokedAt)))
    .orderBy(desc(userSessions.lastSeenAt))
    .limit(50);
  return rows.map(({ mfaAt, ...row }) => ({ ...row, mfa: mfaAt !== null, current: row.id === currentSessionId }));
}

/** Signs one of the actor's other sessions out; someone else's is "not found". */
export async function revokeOwnSession(db: Executor, actor: Actor, sessionId: string): Promise<void> {
  if (!isUuid(sessionId)) throw AppError.notFound("That session");
  const rows = await db
    .update(userSessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(userSessions.id, sessionId), eq(userSessions.userId, actor.userId), isNull(userSessions.revokedAt)))
    .returning({ id: userSessions.id });
  if (rows.length === 0) throw AppError.notFound("That session");
}
