// Who is asking, checked against the database on every request: a JWT alone cannot
// notice a suspension, so every guard reloads the user and their organization.
import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { findSessionUser, type SessionUser } from "@/db/queries/users";
import { AppError } from "@/lib/errors";
import { auth } from "./index";

export type Role = SessionUser["role"];
export type { SessionUser };

/** The signed-in, active user of this request, or null. Cached for the request. */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  const user = await findSessionUser(await getDb(), id);
  return user && isActive(user) ? user : null;
});

export function isActive(user: SessionUser): boolean {
  return user.status === "active" && user.organization?.status !== "suspended";
}

export async function requireUser(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) throw AppError.unauthenticated();
  return user;
}

export async function requireRole(...roles: Role[]): Promise<SessionUser> {
  const user = await requireUser();
  if (!roles.includes(user.role)) throw AppError.forbidden();
  return user;
}

/** For pages: sends signed-out visitors to sign in and back again. */
export async function requirePageUser(returnTo: string, ...roles: Role[]): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (roles.length && !roles.includes(user.role)) redirect("/dashboard?denied=1");
  return user;
}
