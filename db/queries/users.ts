import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { organizations, userSessions, users } from "@/db/schema";
import { AppError } from "@/lib/errors";

export type SessionUser = {
  id: string;
  email: string;
  name: string;
  role: "miner" | "buyer" | "admin";
  status: "active" | "suspended";
  /** Owner or member of the organization; null for admins. */
  memberRole: "owner" | "member" | null;
  emailVerified: boolean;
  /** A TOTP authenticator is enrolled, so every sign-in asks for a code. */
  mfaEnabled: boolean;
  /** An owner removed the person from the organization: the account can no longer act. */
  removed: boolean;
  organization: { id: string; name: string; kind: "miner" | "buyer"; status: "active" | "suspended" } | null;
};

export const sessionColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  status: users.status,
  memberRole: users.memberRole,
  emailVerifiedAt: users.emailVerifiedAt,
  totpEnabledAt: users.totpEnabledAt,
  removedAt: users.removedAt,
  orgId: organizations.id,
  orgName: organizations.name,
  orgKind: organizations.kind,
  orgStatus: organizations.status,
};

export function toSessionUser(row: {
  id: string;
  email: string;
  name: string;
  role: SessionUser["role"];
  status: SessionUser["status"];
  memberRole: SessionUser["memberRole"];
  emailVerifiedAt: Date | null;
  totpEnabledAt: Date | null;
  removedAt: Date | null;
  orgId: string | null;
  orgName: string | null;
  orgKind: "miner" | "buyer" | null;
  orgStatus: "active" | "suspended" | null;
}): SessionUser {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    status: row.status,
    memberRole: row.memberRole,
    emailVerified: row.emailVerifiedAt !== null,
    mfaEnabled: row.totpEnabledAt !== null,
    removed: row.removedAt !== null,
    organization:
      row.orgId && row.orgName && row.orgKind && row.orgStatus
        ? { id: row.orgId, name: row.orgName, kind: row.orgKind, status: row.orgStatus }
        : null,
  };
}

export type SignedInUser = SessionUser & { sessionId: string; sessionMfa: boolean; sessionLastSeenAt: Date };

/**
 * The user behind a session cookie, with their organization, or null when the session
 * row was revoked (signed out, password changed, removed from the organization): one
 * statement per request, so such changes reach cookies already issued at once.
 */
export async function findSessionUser(db: Executor, userId: string, sessionId: string): Promise<SignedInUser | null> {
  const [row] = await db
    .select({ ...sessionColumns, sessionMfaAt: userSessions.mfaAt, lastSeenAt: userSessions.lastSeenAt })
    .from(userSessions)
    .innerJoin(users, eq(users.id, userSessions.userId))
    .leftJoin(organizations, eq(organizations.id, users.organizationId))
    .where(and(eq(userSessions.id, sessionId), eq(userSessions.userId, userId), isNull(userSessions.revokedAt)))
    .limit(1);
  if (!row) return null;
  return { ...toSessionUser(row), sessionId, sessionMfa: row.sessionMfaAt !== null, sessionLastSeenAt: row.lastSeenAt };
}

/** The user and password hash for a sign-in attempt; the hash never leaves the auth module. */
export async function findUserForSignIn(db: Executor, email: string) {
  const [row] = await db
    .select({ ...sessionColumns, passwordHash: users.passwordHash, totpSecret: users.totpSecret, totpLastStep: users.totpLastStep })
    .from(users)
    .leftJoin(organizations, eq(organizations.id, users.organizationId))
    .where(eq(sql`lower(${users.email})`, email.toLowerCase()))
    .limit(1);
  return row ? { user: toSessionUser(row), passwordHash: row.passwordHash, totpSecret: row.totpSecret, totpLastStep: row.totpLastStep } : null;
}

export async function markSignedIn(db: Executor, userId: string): Promise<void> {
  await db.update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, userId));
}

export async function emailTaken(db: Executor, email: string): Promise<boolean> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.toLowerCase()))
    .limit(1);
  return Boolean(row);
}

/**
 * Refuses an actor whose email is not verified yet (403 `email_unverified`): reserving,
 * submitting a listing, API tokens and invitations wait for it. Checked here, where the
 * data is written, so no page or route can forget it.
 */
export async function requireVerifiedEmail(db: Executor, userId: string): Promise<void> {
  const [row] = await db.select({ at: users.emailVerifiedAt }).from(users).where(eq(users.id, userId)).limit(1);
  if (!row?.at) throw AppError.emailUnverified();
}
