// The credentials check behind Auth.js's `authorize`: rate limits per account and per IP,
// suspension and removal, the second factor, and a constant-time answer for unknown emails.
import "server-only";
import type { Executor } from "@/db";
import { hitsFor, recordHit } from "@/db/queries/rate-limits";
import { createSession } from "@/db/queries/sessions";
import { CODE_ATTEMPT_LIMIT, CODE_ATTEMPT_WINDOW_SECONDS, codeAttemptKey, verifySecondFactor } from "@/db/queries/two-factor";
import { findUserForSignIn, markSignedIn, type SessionUser } from "@/db/queries/users";
import { verifyAgainstDummy, verifyPassword } from "./password";

/** Failed sign-ins allowed per minute, per account and per IP address. */
export const SIGN_IN_LIMIT = 10;
const WINDOW_SECONDS = 60;

export type SignInOutcome =
  | { ok: true; user: SessionUser; sessionId: string }
  | { ok: false; reason: "invalid_credentials" | "rate_limited" | "suspended" | "removed" | "mfa_required" | "mfa_invalid" | "mfa_rate_limited" };

export async function authenticate(
  db: Executor,
  input: { email: string; password: string; code?: string; ip: string; userAgent?: string },
): Promise<SignInOutcome> {
  const keys = [`signin:email:${input.email.toLowerCase()}`, `signin:ip:${input.ip}`];
  if ((await hitsFor(db, keys, WINDOW_SECONDS)) >= SIGN_IN_LIMIT) {
    return { ok: false, reason: "rate_limited" };
  }
  const found = await findUserForSignIn(db, input.email);
  const valid = found ? await verifyPassword(found.passwordHash, input.password) : await verifyAgainstDummy(input.password);
  if (!found || !valid) {
    await Promise.all(keys.map((key) => recordHit(db, key, WINDOW_SECONDS)));
    return { ok: false, reason: "invalid_credentials" };
  }
  // Only after the password is right, so these answers do not reveal which emails exist.
  if (found.user.status !== "active" || found.user.organization?.status === "suspended") {
    return { ok: false, reason: "suspended" };
  }
  if (found.user.removed) return { ok: false, reason: "removed" };
  if (found.user.mfaEnabled) {
    if (!input.code?.trim()) return { ok: false, reason: "mfa_required" };
    // Wrong codes are limited per account, shared with the settings page's code checks.
    const mfaKey = codeAttemptKey(found.user.id);
    if ((await hitsFor(db, [mfaKey], CODE_ATTEMPT_WINDOW_SECONDS)) >= CODE_ATTEMPT_LIMIT) return { ok: false, reason: "mfa_rate_limited" };
    if (!(await verifySecondFactor(db, { id: found.user.id, totpSecret: found.totpSecret, totpLastStep: found.totpLastStep }, input.code))) {
      await recordHit(db, mfaKey, CODE_ATTEMPT_WINDOW_SECONDS);
      return { ok: false, reason: "mfa_invalid" };
    }
  }
  await markSignedIn(db, found.user.id);
  const sessionId = await createSession(db, {
    userId: found.user.id,
    userAgent: input.userAgent ?? "",
    ipAddress: input.ip,
    mfa: found.user.mfaEnabled,
  });
  return { ok: true, user: found.user, sessionId };
}

/** The client's address as the nearest proxy reports it. */
export function clientIp(headers: Headers): string {
  // The last hop is the one our own proxy (or Next's server) appended; earlier ones are client-supplied.
  const forwarded = headers.get("x-forwarded-for")?.split(",").at(-1)?.trim();
  return forwarded || headers.get("x-real-ip") || "unknown";
}
