// The credentials check behind Auth.js's `authorize`: rate limits per account and per IP,
// suspension, and a constant-time answer for unknown emails.
import "server-only";
import type { Executor } from "@/db";
import { hitsFor, recordHit } from "@/db/queries/rate-limits";
import { findUserForSignIn, markSignedIn, type SessionUser } from "@/db/queries/users";
import { verifyAgainstDummy, verifyPassword } from "./password";

/** Failed sign-ins allowed per minute, per account and per IP address. */
export const SIGN_IN_LIMIT = 10;
const WINDOW_SECONDS = 60;

export type SignInOutcome =
  | { ok: true; user: SessionUser }
  | { ok: false; reason: "invalid_credentials" | "rate_limited" | "suspended" };

export async function authenticate(
  db: Executor,
  input: { email: string; password: string; ip: string },
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
  // Only after the password is right, so suspension does not reveal which emails exist.
  if (found.user.status !== "active" || found.user.organization?.status === "suspended") {
    return { ok: false, reason: "suspended" };
  }
  await markSignedIn(db, found.user.id);
  return { ok: true, user: found.user };
}

/** The client's address as the nearest proxy reports it. */
export function clientIp(headers: Headers): string {
  // The last hop is the one our own proxy (or Next's server) appended; earlier ones are client-supplied.
  const forwarded = headers.get("x-forwarded-for")?.split(",").at(-1)?.trim();
  return forwarded || headers.get("x-real-ip") || "unknown";
}
