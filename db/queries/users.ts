import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { organizations, users } from "@/db/schema";

export type SessionUser = {
  id: string;
  email: string;
  name: string;
  role: "miner" | "buyer" | "admin";
  status: "active" | "suspended";
  organization: { id: string; name: string; kind: "miner" | "buyer"; status: "active" | "suspended" } | null;
};

export const sessionColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  status: users.status,
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
    organization:
      row.orgId && row.orgName && row.orgKind && row.orgStatus
        ? { id: row.orgId, name: row.orgName, kind: row.orgKind, status: row.orgStatus }
        : null,
  };
}

/** The user behind a session, with their organization, or null. */
export async function findSessionUser(db: Executor, userId: string): Promise<SessionUser | null> {
  const [row] = await db
    .select(sessionColumns)
    .from(users)
    .leftJoin(organizations, eq(organizations.id, users.organizationId))
    .where(eq(users.id, userId))
    .limit(1);
  return row ? toSessionUser(row) : null;
}

/** The user and password hash for a sign-in attempt; the hash never leaves the auth module. */
export async function findUserForSignIn(db: Executor, email: string) {
  const [row] = await db
    .select({ ...sessionColumns, passwordHash: users.passwordHash })
    .from(users)
    .leftJoin(organizations, eq(organizations.id, users.organizationId))
    .where(eq(sql`lower(${users.email})`, email.toLowerCase()))
    .limit(1);
  return row ? { user: toSessionUser(row), passwordHash: row.passwordHash } : null;
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
