// Who is asking, checked against the database on every request: a JWT alone cannot
// notice a suspension, so every guard reloads the user and their organization.
import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { touchSession } from "@/db/queries/sessions";
import { findSessionUser, type SessionUser, type SignedInUser } from "@/db/queries/users";
import { AppError } from "@/lib/errors";
import { auth } from "./index";

export type Role = SessionUser["role"];
export type { SessionUser, SignedInUser };

/**
 * The signed-in, active user of this request, or null. Cached for the request. A cookie
 * is only as good as its session row: one issued before sessions were recorded, or whose
 * row was revoked, is signed out.
 */
export const currentUser = cache(async (): Promise<SignedInUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  const sessionId = session?.sessionId;
  if (!id || !sessionId) return null;
  const db = await getDb();
  const user = await findSessionUser(db, id, sessionId);
  if (!user || !isActive(user)) return null;
  await touchSession(db, sessionId, user.sessionLastSeenAt);
  return user;
});

export function isActive(user: SessionUser): boolean {
  return user.status === "active" && !user.removed && user.organization?.status !== "suspended";
}

/** Reserving, submitting for review, API tokens and invitations wait for a verified email. */
export function assertEmailVerified(user: SessionUser): void {
  if (!user.emailVerified) throw AppError.emailUnverified();
}

export async function requireUser(): Promise<SignedInUser> {
  const user = await currentUser();
  if (!user) throw AppError.unauthenticated();
  return user;
}

export async function requireRole(...roles: Role[]): Promise<SignedInUser> {
  const user = await requireUser();
  if (!roles.includes(user.role)) throw AppError.forbidden();
  return user;
}

/** For pages: sends signed-out visitors to sign in and back again. */
export async function requirePageUser(returnTo: string, ...roles: Role[]): Promise<SignedInUser> {
  const user = await currentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (roles.length && !roles.includes(user.role)) redirect("/dashboard?denied=1");
  return user;
}
