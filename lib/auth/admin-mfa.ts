// ADMIN_MFA=required: admins act on the whole marketplace, so with it on, admin pages,
// admin actions and the admin API refuse an admin without two-factor sign-in.
import "server-only";
import { redirect } from "next/navigation";
import type { SessionUser, SignedInUser } from "@/db/queries/users";
import { currentUser, requirePageUser } from "@/lib/auth/guards";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

/** Where an admin turns two-factor sign-in on; sent with the refusal so clients can point there. */
export const SECOND_FACTOR_SETUP_PATH = "/settings/security";

/**
 * Whether this caller may use admin paths as far as the second factor goes. Non-admins
 * always pass (their own guards refuse them). An admin needs an enrolled authenticator and,
 * when the caller is a browser session (`sessionMfa` present), a session that was opened
 * with a code or that enrolled it. A bearer token (no `sessionMfa`) goes by its user's
 * enrolment alone.
 */
export function adminHasSecondFactor(user: SessionUser & { sessionMfa?: boolean }): boolean {
  if (user.role !== "admin") return true;
  return user.mfaEnabled && user.sessionMfa !== false;
}

/** Throws 403 `mfa_required` for an admin without a second factor while ADMIN_MFA=required. */
export function assertAdminSecondFactor(user: SessionUser & { sessionMfa?: boolean }, required: boolean = env.adminMfaRequired): void {
  if (!required || adminHasSecondFactor(user)) return;
  throw new AppError(
    "mfa_required",
    403,
    "Admins must sign in with two-factor authentication. Turn it on in Settings → Security, then sign in again.",
    undefined,
    { setup: SECOND_FACTOR_SETUP_PATH },
  );
}

/**
 * What the admin layout shows: the page; the page under a reminder (not enrolled, not
 * required yet); or, while required, the "required" page: `enrol` for an admin with no
 * authenticator, `reauth` for one whose session was opened without a code.
 */
export function adminSecondFactorState(
  user: SessionUser & { sessionMfa?: boolean },
  required: boolean = env.adminMfaRequired,
): "ok" | "remind" | "enrol" | "reauth" {
  if (user.role !== "admin") return "ok";
  if (!required) return user.mfaEnabled ? "ok" : "remind";
  if (adminHasSecondFactor(user)) return "ok";
  return user.mfaEnabled ? "reauth" : "enrol";
}

/**
 * For admin pages: `requirePageUser(returnTo, "admin")` plus the second factor. A layout is
 * no security boundary (Next renders a page beside its layout, and the page's payload can
 * travel even where the layout shows something else), so each admin page calls this itself.
 */
export async function requireAdminPageUser(returnTo: string): Promise<SignedInUser> {
  await requirePageUser(returnTo, "admin");
  const user = (await currentUser())!;
  const state = adminSecondFactorState(user);
  if (state === "enrol" || state === "reauth") redirect(`${SECOND_FACTOR_SETUP_PATH}?required=admin`);
  return user;
}
