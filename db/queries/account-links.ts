// Single-use links mailed to a person: password reset (1 hour), email verification and the
// confirmation of a new address (24 hours). Only a SHA-256 of each token is stored; a new
// link of one purpose supersedes the older ones. Answers never reveal whether an address
// has an account.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { accountTokens, users } from "@/db/schema";
import { assertUncommonPassword } from "@/lib/auth/common-passwords";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import type { Actor } from "@/lib/auth/policy";
import { AppError, sqlStateOf } from "@/lib/errors";
import { enqueueMail } from "@/lib/mail";
import {
  confirmNewEmailMail,
  emailChangeRequestedMail,
  emailTakenMail,
  passwordChangedMail,
  passwordResetMail,
  verifyEmailMail,
} from "@/lib/mail/account-templates";
import { recordHit } from "./rate-limits";
import { revokeUserSessions } from "./sessions";

type Purpose = (typeof accountTokens.$inferSelect)["purpose"];

const HOUR_MS = 60 * 60 * 1000;
const LIFETIME_MS: Record<Purpose, number> = { password_reset: HOUR_MS, email_verification: 24 * HOUR_MS, email_change: 24 * HOUR_MS };
const PATHS: Record<Purpose, string> = { password_reset: "/reset-password", email_verification: "/verify-email", email_change: "/verify-email" };

/** Mail requests allowed per address and per client in 15 minutes. */
export const LINK_LIMIT_PER_ADDRESS = 3;
export const LINK_LIMIT_PER_CLIENT = 10;
const LINK_WINDOW_SECONDS = 15 * 60;

export const hashLinkToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** 32 random bytes as base64url: 43 characters. Anything else cannot be one of ours. */
export const isLinkTokenShape = (token: unknown): token is string => typeof token === "string" && /^[A-Za-z0-9_-]{43}$/.test(token);

export function linkUrl(appUrl: string, purpose: Purpose, token: string): string {
  return `${appUrl}${PATHS[purpose]}?token=${token}`;
}

/** Issues a link for the user (in the caller's transaction), superseding older ones of the purpose. */
export async function issueLinkToken(tx: Executor, userId: string, purpose: Purpose, email?: string): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await tx
    .update(accountTokens)
    .set({ usedAt: sql`now()` })
    .where(and(eq(accountTokens.userId, userId), eq(accountTokens.purpose, purpose), isNull(accountTokens.usedAt)));
  await tx.insert(accountTokens).values({
    userId,
    purpose,
    tokenHash: hashLinkToken(token),
    email: purpose === "email_change" ? email! : null,
    expiresAt: new Date(Date.now() + LIFETIME_MS[purpose]),
  });
  return token;
}

export type LinkState = "valid" | "expired" | "used" | "unknown";

/** What a link is worth, for the page that opens it (nothing is changed by looking). */
export async function describeLinkToken(db: Executor, token: unknown, purposes: Purpose[]): Promise<{ state: LinkState; purpose?: Purpose; email?: string }> {
  if (!isLinkTokenShape(token)) return { state: "unknown" };
  const [row] = await db
    .select({ purpose: accountTokens.purpose, usedAt: accountTokens.usedAt, expiresAt: accountTokens.expiresAt, email: accountTokens.email, userEmail: users.email })
    .from(accountTokens)
    .innerJoin(users, eq(users.id, accountTokens.userId))
    .where(eq(accountTokens.tokenHash, hashLinkToken(token)))
    .limit(1);
  if (!row || !purposes.includes(row.purpose)) return { state: "unknown" };
  const state: LinkState = row.usedAt ? "used" : row.expiresAt.getTime() <= Date.now() ? "expired" : "valid";
  return { state, purpose: row.purpose, email: row.email ?? row.userEmail };
}

const LINK_MESSAGES: Record<Exclude<LinkState, "valid">, string> = {
  unknown: "This link is not valid. Check that you copied all of it, or ask for a new one.",
  expired: "This link has expired. Ask for a new one.",
  used: "This link was already used. Ask for a new one if you still need it.",
};

/** Claims a link inside `tx`: the row is locked, so two clicks cannot both use it. */
async function claimLinkToken(tx: Executor, token: unknown, purposes: Purpose[]) {
  if (!isLinkTokenShape(token)) throw new AppError("invalid_link", 400, LINK_MESSAGES.unknown);
  const [row] = await tx
    .select({ id: accountTokens.id, userId: accountTokens.userId, purpose: accountTokens.purpose, email: accountTokens.email, usedAt: accountTokens.usedAt, expiresAt: accountTokens.expiresAt })
    .from(accountTokens)
    .where(eq(accountTokens.tokenHash, hashLinkToken(token)))
    .for("update");
  if (!row || !purposes.includes(row.purpose)) throw new AppError("invalid_link", 400, LINK_MESSAGES.unknown);
  if (row.usedAt) throw new AppError("invalid_link", 400, LINK_MESSAGES.used);
  if (row.expiresAt.getTime() <= Date.now()) throw new AppError("invalid_link", 400, LINK_MESSAGES.expired);
  await tx.update(accountTokens).set({ usedAt: sql`now()` }).where(eq(accountTokens.id, row.id));
  return row;
}

/** Counts a request against the address's and the client's limits; refuses past either. */
async function limitLinkRequests(db: Executor, kind: string, address: string, client: string): Promise<void> {
  const keys = [`${kind}:email:${address.toLowerCase()}`, `${kind}:ip:${client}`];
  const [byAddress, byClient] = await Promise.all(keys.map((key) => recordHit(db, key, LINK_WINDOW_SECONDS)));
  if (byAddress! > LINK_LIMIT_PER_ADDRESS || byClient! > LINK_LIMIT_PER_CLIENT) {
    throw AppError.rateLimited("Too many requests for this address. Wait 15 minutes, then try again.", LINK_WINDOW_SECONDS);
  }
}

async function findUserByEmail(db: Executor, email: string) {
  const [row] = await db
    .select({ id: users.id, name: users.name, email: users.email, status: users.status, removedAt: users.removedAt })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.toLowerCase()))
    .limit(1);
  return row;
}

/**
 * Mails a reset link when the address has an active account; answers the same either way
 * (and the same rate limits apply), so the form cannot be used to find accounts.
 */
export async function requestPasswordReset(db: Executor, input: { email: string; client: string }, appUrl: string): Promise<void> {
  await limitLinkRequests(db, "reset", input.email, input.client);
  const user = await findUserByEmail(db, input.email);
  if (!user || user.status !== "active" || user.removedAt) return;
  await db.transaction(async (tx) => {
    const token = await issueLinkToken(tx, user.id, "password_reset");
    await enqueueMail(tx, passwordResetMail({ to: user.email, name: user.name, url: linkUrl(appUrl, "password_reset", token) }));
  });
}

/**
 * Sets a new password from a reset link and signs the account out everywhere. The link
 * also proves the mailbox, so an unverified address counts as verified from now on.
 */
export async function resetPassword(db: Executor, input: { token: unknown; password: string }, appUrl: string): Promise<{ email: string }> {
  assertUncommonPassword(input.password);
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const link = await claimLinkToken(tx, input.token, ["password_reset"]);
    const [user] = await tx
      .update(users)
      .set({ passwordHash, emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, now())` })
      .where(eq(users.id, link.userId))
      .returning({ email: users.email, name: users.name });
    await revokeUserSessions(tx, link.userId);
    await enqueueMail(tx, passwordChangedMail({ to: user!.email, name: user!.name, appUrl }));
    return { email: user!.email };
  });
}

/** A new verification link for the signed-in user (rate limited like resets). */
export async function resendVerification(db: Executor, actor: Actor, client: string, appUrl: string): Promise<{ alreadyVerified: boolean }> {
  const [user] = await db.select({ email: users.email, name: users.name, verifiedAt: users.emailVerifiedAt }).from(users).where(eq(users.id, actor.userId));
  if (!user) throw AppError.unauthenticated();
  if (user.verifiedAt) return { alreadyVerified: true };
  await limitLinkRequests(db, "verify", user.email, client);
  await db.transaction(async (tx) => {
    const token = await issueLinkToken(tx, actor.userId, "email_verification");
    await enqueueMail(tx, verifyEmailMail({ to: user.email, name: user.name, url: linkUrl(appUrl, "email_verification", token) }));
  });
  return { alreadyVerified: false };
}

/** Confirms an address from a link: the account's own (verification) or a new one (change). */
export async function confirmEmail(db: Executor, token: unknown): Promise<{ email: string; changed: boolean }> {
  try {
    return await db.transaction(async (tx) => {
      const link = await claimLinkToken(tx, token, ["email_verification", "email_change"]);
      const changed = link.purpose === "email_change";
      const [user] = await tx
        .update(users)
        .set(changed ? { email: link.email!, emailVerifiedAt: sql`now()` } : { emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, now())` })
        .where(eq(users.id, link.userId))
        .returning({ email: users.email });
      return { email: user!.email, changed };
    });
  } catch (error) {
    // The new address was taken by a sign-up between the request and the click.
    if (sqlStateOf(error) === "23505") throw new AppError("conflict", 409, "That address is now used by another account, so it cannot be yours. Nothing was changed.");
    throw error;
  }
}

/**
 * Starts a change of address: the current password is required; the new address gets a
 * confirmation link and the old one is told. An address that has an account gets a notice
 * instead, and the answer to the caller is the same.
 */
export async function requestEmailChange(
  db: Executor,
  actor: Actor,
  input: { email: string; currentPassword: string; client: string },
  appUrl: string,
): Promise<void> {
  const [me] = await db.select({ email: users.email, name: users.name, passwordHash: users.passwordHash }).from(users).where(eq(users.id, actor.userId));
  if (!me) throw AppError.unauthenticated();
  if (!(await verifyPassword(me.passwordHash, input.currentPassword))) throw AppError.validation({ currentPassword: "That is not your current password." });
  if (input.email === me.email) throw AppError.validation({ email: "That is already your address." });
  await limitLinkRequests(db, "email-change", input.email, input.client);
  const taken = await findUserByEmail(db, input.email);
  await db.transaction(async (tx) => {
    if (taken) {
      await enqueueMail(tx, emailTakenMail({ to: input.email, appUrl }));
      return;
    }
    const token = await issueLinkToken(tx, actor.userId, "email_change", input.email);
    await enqueueMail(tx, confirmNewEmailMail({ to: input.email, name: me.name, url: linkUrl(appUrl, "email_change", token) }));
    await enqueueMail(tx, emailChangeRequestedMail({ to: me.email, name: me.name, newEmail: input.email, appUrl }));
  });
}

/** The address waiting for confirmation, if any, for the settings page. */
export async function pendingEmailChange(db: Executor, actor: Actor): Promise<string | null> {
  const [row] = await db
    .select({ email: accountTokens.email })
    .from(accountTokens)
    .where(and(eq(accountTokens.userId, actor.userId), eq(accountTokens.purpose, "email_change"), isNull(accountTokens.usedAt), gt(accountTokens.expiresAt, sql`now()`)))
    .limit(1);
  return row?.email ?? null;
}

/** Changes the password (the current one required) and signs out every other session. */
export async function changePassword(
  db: Executor,
  actor: Actor,
  input: { currentPassword: string; password: string; keepSessionId: string },
  appUrl: string,
): Promise<{ signedOut: number }> {
  const [me] = await db.select({ email: users.email, name: users.name, passwordHash: users.passwordHash }).from(users).where(eq(users.id, actor.userId));
  if (!me) throw AppError.unauthenticated();
  if (!(await verifyPassword(me.passwordHash, input.currentPassword))) throw AppError.validation({ currentPassword: "That is not your current password." });
  if (input.password === input.currentPassword) throw AppError.validation({ password: "Choose a password different from the current one." });
  assertUncommonPassword(input.password);
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, actor.userId));
    const signedOut = await revokeUserSessions(tx, actor.userId, input.keepSessionId);
    await enqueueMail(tx, passwordChangedMail({ to: me.email, name: me.name, appUrl }));
    return { signedOut };
  });
}

export async function updateName(db: Executor, actor: Actor, name: string): Promise<void> {
  await db.update(users).set({ name }).where(eq(users.id, actor.userId));
}

/** For the settings page: the account's own profile. */
export async function getProfile(db: Executor, actor: Actor) {
  const [row] = await db
    .select({ name: users.name, email: users.email, emailVerifiedAt: users.emailVerifiedAt, createdAt: users.createdAt })
    .from(users)
    .where(eq(users.id, actor.userId));
  if (!row) throw AppError.unauthenticated();
  return row;
}

