// Password reset, email verification, sign-up that reveals nothing, and the account page's
// changes (name, email, password, sessions), on a real PostgreSQL.
import { and, desc, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  changePassword,
  confirmEmail,
  describeLinkToken,
  LINK_LIMIT_PER_ADDRESS,
  requestEmailChange,
  requestPasswordReset,
  resendVerification,
  resetPassword,
} from "@/db/queries/account-links";
import { signUp } from "@/db/queries/accounts";
import { createApiToken } from "@/db/queries/api-tokens";
import { createSession, revokeUserSessions } from "@/db/queries/sessions";
import { findSessionUser } from "@/db/queries/users";
import { accountTokens, organizations, outboxEmails, userSessions, users } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password";
import { authenticate } from "@/lib/auth/sign-in";
import { AppError } from "@/lib/errors";
import { canReadOutbox } from "@/lib/mail";
import { signUpSchema } from "@/lib/validations/auth";
import { testDb, uniqueEmail } from "../support/db";
import { makeAccount } from "../support/fixtures";

const APP = "http://app.test";
const PASSWORD = "a long enough passphrase";
let clients = 0;
const client = () => `192.0.2.${(++clients % 250) + 1}-${Date.now()}`;

async function mailsTo(address: string) {
  const db = await testDb();
  return db
    .select({ template: outboxEmails.template, subject: outboxEmails.subject, text: outboxEmails.textBody })
    .from(outboxEmails)
    .where(eq(outboxEmails.toAddress, address.toLowerCase()))
    .orderBy(desc(outboxEmails.createdAt));
}

/** The token of the newest link of a template mailed to the address. */
async function linkFrom(address: string, template: string): Promise<string> {
  const mail = (await mailsTo(address)).find((m) => m.template === template);
  const match = mail?.text.match(/token=([A-Za-z0-9_-]{43})/);
  if (!match) throw new Error(`no ${template} link mailed to ${address}`);
  return match[1]!;
}

async function expectAppError(promise: Promise<unknown>, code: string, status: number) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect(error).toMatchObject({ code, status });
  return error as AppError;
}

const signUpInput = (email: string, kind: "miner" | "buyer" = "buyer") =>
  signUpSchema.parse({ name: "Nadia Park", email, password: PASSWORD, organizationName: `Org ${email.slice(0, 12)}`, kind });

describe("sign-up", () => {
  it("creates an unverified owner and mails a welcome with a verification link", async () => {
    const db = await testDb();
    const email = uniqueEmail("signup");
    await signUp(db, signUpInput(email), APP);
    const [user] = await db.select({ verified: users.emailVerifiedAt, memberRole: users.memberRole }).from(users).where(eq(users.email, email));
    expect(user).toEqual({ verified: null, memberRole: "owner" });
    const [welcome] = await mailsTo(email);
    expect(welcome?.template).toBe("welcome");
    expect(welcome?.text).toMatch(new RegExp(`${APP}/verify-email\\?token=[A-Za-z0-9_-]{43}`));
  });

  it("answers a taken address the same way, creates nothing and mails the owner instead", async () => {
    const db = await testDb();
    const { user } = await makeAccount("miner");
    const [before] = await db.select({ n: sql<number>`count(*)::int` }).from(organizations);
    await expect(signUp(db, signUpInput(user.email.toUpperCase()), APP)).resolves.toBeUndefined();
    const [after] = await db.select({ n: sql<number>`count(*)::int` }).from(organizations);
    expect(after!.n).toBe(before!.n);
    const mails = await mailsTo(user.email);
    expect(mails[0]).toMatchObject({ template: "account_exists" });
    expect(mails[0]!.text).toContain(`${APP}/forgot-password`);
  });

  it("refuses a common password on the server, naming the field", async () => {
    const db = await testDb();
    const email = uniqueEmail("common");
    const error = await expectAppError(signUp(db, { ...signUpInput(email), password: "qwertyuiop1" }, APP), "validation_failed", 400);
    expect(error.fields?.password).toMatch(/common/);
    expect(await db.select({ id: users.id }).from(users).where(eq(users.email, email))).toEqual([]);
  });
});

describe("email verification", () => {
  it("confirms the address once; the link then says it was used", async () => {
    const db = await testDb();
    const email = uniqueEmail("verify");
    await signUp(db, signUpInput(email), APP);
    const token = await linkFrom(email, "welcome");
    expect(await describeLinkToken(db, token, ["email_verification"])).toEqual({ state: "valid", purpose: "email_verification", email });
    expect(await confirmEmail(db, token)).toEqual({ email, changed: false });
    const [user] = await db.select({ verified: users.emailVerifiedAt }).from(users).where(eq(users.email, email));
    expect(user?.verified).toBeInstanceOf(Date);
    await expectAppError(confirmEmail(db, token), "invalid_link", 400);
    expect((await describeLinkToken(db, token, ["email_verification"])).state).toBe("used");
  });

  it("keeps an unverified account from reserving, creating API tokens or submitting (403 email_unverified)", async () => {
    const { db, actor } = await makeAccount("buyer", undefined, { verified: false });
    const error = await expectAppError(createApiToken(db, actor, "ci"), "email_unverified", 403);
    expect(error.extra).toEqual({ resend: "/settings#verify-email" });
    const { createBooking } = await import("@/db/queries/bookings");
    await expectAppError(createBooking(db, actor, { listingId: crypto.randomUUID(), kw: 100, start: "2030-01-01", end: "2031-01-01" }), "email_unverified", 403);
  });

  it("sends a fresh link that supersedes the old one", async () => {
    const { db, user, actor } = await makeAccount("miner", undefined, { verified: false });
    const first = await linkFrom(user.email, "welcome");
    expect(await resendVerification(db, actor, client(), APP)).toEqual({ alreadyVerified: false });
    const second = await linkFrom(user.email, "verify_email");
    expect(second).not.toBe(first);
    expect((await describeLinkToken(db, first, ["email_verification"])).state).toBe("used");
    await confirmEmail(db, second);
    expect(await resendVerification(db, actor, client(), APP)).toEqual({ alreadyVerified: true });
  });

  it("treats forged, malformed and expired links as links, never as errors of ours", async () => {
    const db = await testDb();
    for (const token of ["", "short", "x".repeat(43), "../../etc/passwd", null, 42]) {
      expect((await describeLinkToken(db, token, ["email_verification"])).state).toBe("unknown");
    }
    await expectAppError(confirmEmail(db, "A".repeat(43)), "invalid_link", 400);
    await expectAppError(confirmEmail(db, { nested: true }), "invalid_link", 400);

    const email = uniqueEmail("expired");
    await signUp(db, signUpInput(email), APP);
    const token = await linkFrom(email, "welcome");
    const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
    await db.update(accountTokens).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(accountTokens.userId, user!.id));
    expect((await describeLinkToken(db, token, ["email_verification"])).state).toBe("expired");
    await expectAppError(confirmEmail(db, token), "invalid_link", 400);
    const [still] = await db.select({ verified: users.emailVerifiedAt }).from(users).where(eq(users.id, user!.id));
    expect(still?.verified).toBeNull();
  });
});

describe("password reset", () => {
  it("mails a one-hour link stored only as a hash, and says nothing for unknown addresses", async () => {
    const { db, user } = await makeAccount("buyer");
    await requestPasswordReset(db, { email: user.email, client: client() }, APP);
    const token = await linkFrom(user.email, "password_reset");
    const rows = await db.select({ hash: accountTokens.tokenHash, expiresAt: accountTokens.expiresAt }).from(accountTokens).where(and(eq(accountTokens.userId, user.id), eq(accountTokens.purpose, "password_reset")));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.hash).not.toContain(token);
    expect(rows[0]!.expiresAt.getTime() - Date.now()).toBeGreaterThan(59 * 60 * 1000);
    expect(rows[0]!.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(60 * 60 * 1000);

    const nobody = uniqueEmail("nobody");
    await expect(requestPasswordReset(db, { email: nobody, client: client() }, APP)).resolves.toBeUndefined();
    expect(await mailsTo(nobody)).toEqual([]);
  });

  it("sets the new password, signs every session out, and works once", async () => {
    const { db, user } = await makeAccount("miner");
    const sessions = await Promise.all([1, 2].map(() => createSession(db, { userId: user.id, userAgent: "test", ipAddress: "1.2.3.4", mfa: false })));
    await requestPasswordReset(db, { email: user.email, client: client() }, APP);
    const token = await linkFrom(user.email, "password_reset");
    await resetPassword(db, { token, password: "a brand new passphrase" }, APP);

    for (const sid of sessions) expect(await findSessionUser(db, user.id, sid)).toBeNull();
    expect((await authenticate(db, { email: user.email, password: PASSWORD, ip: client() })).ok).toBe(false);
    expect((await authenticate(db, { email: user.email, password: "a brand new passphrase", ip: client() })).ok).toBe(true);
    expect((await mailsTo(user.email))[0]?.template).toBe("password_changed");
    await expectAppError(resetPassword(db, { token, password: "yet another passphrase" }, APP), "invalid_link", 400);
  });

  it("refuses an expired link or a common password and changes nothing", async () => {
    const { db, user } = await makeAccount("buyer");
    await requestPasswordReset(db, { email: user.email, client: client() }, APP);
    const token = await linkFrom(user.email, "password_reset");
    const sid = await createSession(db, { userId: user.id, userAgent: "", ipAddress: "", mfa: false });

    await expectAppError(resetPassword(db, { token, password: "password123!" }, APP), "validation_failed", 400);
    expect((await describeLinkToken(db, token, ["password_reset"])).state).toBe("valid");

    await db.update(accountTokens).set({ expiresAt: new Date(Date.now() - 1) }).where(eq(accountTokens.userId, user.id));
    await expectAppError(resetPassword(db, { token, password: "a brand new passphrase" }, APP), "invalid_link", 400);
    const [row] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, user.id));
    expect(await verifyPassword(row!.hash, PASSWORD)).toBe(true);
    expect(await findSessionUser(db, user.id, sid)).not.toBeNull();
  });

  it("does not accept a verification link as a reset link", async () => {
    const db = await testDb();
    const email = uniqueEmail("crossed");
    await signUp(db, signUpInput(email), APP);
    const token = await linkFrom(email, "welcome");
    await expectAppError(resetPassword(db, { token, password: "a brand new passphrase" }, APP), "invalid_link", 400);
  });

  it(`is rate limited after ${LINK_LIMIT_PER_ADDRESS} requests for one address, known or not`, async () => {
    const db = await testDb();
    for (const email of [(await makeAccount("buyer")).user.email, uniqueEmail("unknown")]) {
      for (let i = 0; i < LINK_LIMIT_PER_ADDRESS; i++) await requestPasswordReset(db, { email, client: client() }, APP);
      const error = await expectAppError(requestPasswordReset(db, { email, client: client() }, APP), "rate_limited", 429);
      expect(error.extra?.retryAfterSeconds).toBe(900);
    }
  });

  it("is rate limited per client across addresses", async () => {
    const db = await testDb();
    const ip = client();
    for (let i = 0; i < 10; i++) await requestPasswordReset(db, { email: uniqueEmail("spray"), client: ip }, APP);
    await expectAppError(requestPasswordReset(db, { email: uniqueEmail("spray"), client: ip }, APP), "rate_limited", 429);
  });
});

describe("account settings", () => {
  it("changes the password only with the current one, keeping this session and ending the others", async () => {
    const { db, user, actor } = await makeAccount("buyer");
    const [keep, other] = await Promise.all([1, 2].map(() => createSession(db, { userId: user.id, userAgent: "", ipAddress: "", mfa: false })));
    const wrong = await expectAppError(changePassword(db, actor, { currentPassword: "not it at all", password: "a brand new passphrase", keepSessionId: keep! }, APP), "validation_failed", 400);
    expect(wrong.fields).toEqual({ currentPassword: "That is not your current password." });
    expect(await changePassword(db, actor, { currentPassword: PASSWORD, password: "a brand new passphrase", keepSessionId: keep! }, APP)).toEqual({ signedOut: 1 });
    expect(await findSessionUser(db, user.id, keep!)).not.toBeNull();
    expect(await findSessionUser(db, user.id, other!)).toBeNull();
  });

  it("changes the email after the new address confirms it, telling the old one first", async () => {
    const { db, user, actor } = await makeAccount("miner");
    const next = uniqueEmail("moved");
    await expectAppError(requestEmailChange(db, actor, { email: next, currentPassword: "wrong password", client: client() }, APP), "validation_failed", 400);
    await requestEmailChange(db, actor, { email: next, currentPassword: PASSWORD, client: client() }, APP);
    expect((await mailsTo(user.email))[0]).toMatchObject({ template: "email_change_notice" });
    expect((await mailsTo(user.email))[0]!.text).toContain(next);
    const [unchanged] = await db.select({ email: users.email }).from(users).where(eq(users.id, user.id));
    expect(unchanged?.email).toBe(user.email);

    const token = await linkFrom(next, "email_change");
    expect(await confirmEmail(db, token)).toEqual({ email: next, changed: true });
    expect((await authenticate(db, { email: next, password: PASSWORD, ip: client() })).ok).toBe(true);
  });

  it("does not reveal that the new address has an account: that address gets a notice, nothing changes", async () => {
    const { db, user, actor } = await makeAccount("buyer");
    const { user: other } = await makeAccount("miner");
    await expect(requestEmailChange(db, actor, { email: other.email, currentPassword: PASSWORD, client: client() }, APP)).resolves.toBeUndefined();
    expect((await mailsTo(other.email))[0]?.template).toBe("email_change_refused");
    expect((await mailsTo(user.email)).some((m) => m.template === "email_change_notice")).toBe(false);
    expect(await db.select({ id: accountTokens.id }).from(accountTokens).where(and(eq(accountTokens.userId, user.id), eq(accountTokens.purpose, "email_change")))).toEqual([]);
  });

  it("ends a revoked session for every request that presents it", async () => {
    const { db, user } = await makeAccount("buyer");
    const sid = await createSession(db, { userId: user.id, userAgent: "Mozilla/5.0 (X11; Linux x86_64) Chrome/156", ipAddress: "203.0.113.9", mfa: false });
    expect(await findSessionUser(db, user.id, sid)).toMatchObject({ id: user.id, sessionId: sid, emailVerified: true, memberRole: "owner" });
    // A cookie naming another user's session is no session at all.
    const { user: stranger } = await makeAccount("buyer");
    expect(await findSessionUser(db, stranger.id, sid)).toBeNull();
    expect(await revokeUserSessions(db, user.id)).toBe(1);
    expect(await findSessionUser(db, user.id, sid)).toBeNull();
    const [row] = await db.select({ revokedAt: userSessions.revokedAt }).from(userSessions).where(eq(userSessions.id, sid));
    expect(row?.revokedAt).toBeInstanceOf(Date);
  });
});

describe("the mail outbox", () => {
  it("is readable by admins only outside a development server", () => {
    // Vitest runs with NODE_ENV=test: the production rule applies.
    expect(canReadOutbox(null)).toBe(false);
    expect(canReadOutbox({ role: "buyer" })).toBe(false);
    expect(canReadOutbox({ role: "admin" })).toBe(true);
  });
});
