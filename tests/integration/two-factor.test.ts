import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createSession } from "@/db/queries/sessions";
import {
  CODE_ATTEMPT_LIMIT,
  confirmTotpEnrolment,
  countUnusedRecoveryCodes,
  disableTotp,
  getTwoFactorStatus,
  regenerateRecoveryCodes,
  startTotpEnrolment,
} from "@/db/queries/two-factor";
import type { SessionUser } from "@/db/queries/users";
import { auditLog, recoveryCodes, userSessions, users } from "@/db/schema";
import { adminHasSecondFactor, adminSecondFactorState, assertAdminSecondFactor } from "@/lib/auth/admin-mfa";
import { open, seal } from "@/lib/auth/secret-box";
import { authenticate } from "@/lib/auth/sign-in";
import { currentTotp, hashRecoveryCode } from "@/lib/auth/totp";
import { AppError } from "@/lib/errors";
import { makeAccount } from "../support/fixtures";

const PASSWORD = "a long enough passphrase";
let ipCounter = 0;
const freshIp = () => `192.0.2.${(++ipCounter % 250) + 1}`;
/** A code for the next 30-second step: valid now (one step of drift), and never claimed yet. */
const nextCode = (secret: string) => currentTotp(secret, Date.now() + 30_000);

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError");
}

/** A miner with two-factor sign-in on: its secret and the ten recovery codes it was given. */
async function enrolled() {
  const account = await makeAccount("miner");
  const { secret } = await startTotpEnrolment(account.db, account.actor);
  const { recoveryCodes: codes } = await confirmTotpEnrolment(account.db, account.actor, currentTotp(secret));
  return { ...account, secret, codes };
}

describe("enrolling an authenticator", () => {
  it("stores the pending secret sealed, not in plain text, and does not turn anything on yet", async () => {
    const { db, actor, user } = await makeAccount("buyer");
    const { secret, uri } = await startTotpEnrolment(db, actor);
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(uri).toMatch(/^otpauth:\/\/totp\/Substation:/);
    expect(uri).toContain(`secret=${secret}`);

    const [row] = await db.select({ secret: users.totpSecret, enabledAt: users.totpEnabledAt }).from(users).where(eq(users.id, user.id));
    expect(row!.secret).not.toContain(secret);
    expect(row!.secret).toMatch(/^v1\./);
    expect(open(row!.secret!)).toBe(secret);
    expect(row!.enabledAt).toBeNull();
    expect(await getTwoFactorStatus(db, actor)).toEqual({ enabled: false, enabledAt: null, pending: true, recoveryCodesLeft: 0 });
    // A pending enrolment does not make sign-in ask for a code.
    expect((await authenticate(db, { email: user.email, password: PASSWORD, ip: freshIp() })).ok).toBe(true);
  });

  it("refuses a wrong first code and leaves two-factor sign-in off", async () => {
    const { db, actor, user } = await makeAccount("buyer");
    const { secret } = await startTotpEnrolment(db, actor);
    const wrong = currentTotp(secret) === "000000" ? "111111" : "000000";
    const error = await errorOf(confirmTotpEnrolment(db, actor, wrong));
    expect(error.code).toBe("validation_failed");
    expect(error.fields?.code).toMatch(/not right/);
    const [row] = await db.select({ enabledAt: users.totpEnabledAt }).from(users).where(eq(users.id, user.id));
    expect(row!.enabledAt).toBeNull();
    expect(await db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, user.id))).toHaveLength(0);
  });

  it("turns on with the right first code, gives 10 recovery codes stored only as hashes, and audits it", async () => {
    const { db, actor, user } = await makeAccount("miner");
    const { secret } = await startTotpEnrolment(db, actor);
    const sessionId = await createSession(db, { userId: user.id, userAgent: "test", ipAddress: "127.0.0.1", mfa: false });
    const { recoveryCodes: codes } = await confirmTotpEnrolment(db, actor, currentTotp(secret), sessionId);

    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    const stored = await db.select({ hash: recoveryCodes.codeHash }).from(recoveryCodes).where(eq(recoveryCodes.userId, user.id));
    expect(stored.map((r) => r.hash).sort()).toEqual(codes.map(hashRecoveryCode).sort());
    expect(stored.some((r) => codes.includes(r.hash))).toBe(false);

    const status = await getTwoFactorStatus(db, actor);
    expect(status).toMatchObject({ enabled: true, pending: false, recoveryCodesLeft: 10 });
    expect(status.enabledAt).toBeInstanceOf(Date);
    // The session that proved the code counts as signed in with it.
    const [session] = await db.select({ mfaAt: userSessions.mfaAt }).from(userSessions).where(eq(userSessions.id, sessionId));
    expect(session!.mfaAt).toBeInstanceOf(Date);
    const audits = await db.select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.targetId, user.id), eq(auditLog.action, "user.mfa_enabled")));
    expect(audits).toHaveLength(1);

    // Once on, it cannot be restarted over the top (that would swap the secret silently).
    expect((await errorOf(startTotpEnrolment(db, actor))).code).toBe("conflict");
    expect((await errorOf(confirmTotpEnrolment(db, actor, nextCode(secret)))).code).toBe("conflict");
  });
});

describe("signing in with two-factor sign-in on", () => {
  it("asks for a code after the right password, without counting it as a failure", async () => {
    const { db, user } = await enrolled();
    const ip = freshIp();
    for (let i = 0; i < 12; i++) {
      expect(await authenticate(db, { email: user.email, password: PASSWORD, ip })).toEqual({ ok: false, reason: "mfa_required" });
    }
    // A wrong password still says nothing about the second factor.
    expect(await authenticate(db, { email: user.email, password: "not the password", code: "123456", ip: freshIp() })).toEqual({
      ok: false,
      reason: "invalid_credentials",
    });
  });

  it("accepts an authenticator code once: the enrolment's code and a used code are replays", async () => {
    const { db, user, secret } = await enrolled();
    const attempt = (code: string) => authenticate(db, { email: user.email, password: PASSWORD, code, ip: freshIp() });
    expect(await attempt(currentTotp(secret, Date.now() - 30_000))).toEqual({ ok: false, reason: "mfa_invalid" });
    const code = nextCode(secret);
    const first = await attempt(code);
    expect(first).toMatchObject({ ok: true, user: { id: user.id, mfaEnabled: true } });
    const [session] = await db.select({ mfaAt: userSessions.mfaAt }).from(userSessions).where(eq(userSessions.id, first.ok ? first.sessionId : ""));
    expect(session!.mfaAt).toBeInstanceOf(Date);
    expect(await attempt(code)).toEqual({ ok: false, reason: "mfa_invalid" });
  });

  it("accepts a recovery code once, whatever its case and dashes", async () => {
    const { db, actor, user, codes } = await enrolled();
    const attempt = (code: string) => authenticate(db, { email: user.email, password: PASSWORD, code, ip: freshIp() });
    expect((await attempt(codes[3]!.toLowerCase().replace("-", ""))).ok).toBe(true);
    expect(await attempt(codes[3]!)).toEqual({ ok: false, reason: "mfa_invalid" });
    expect(await countUnusedRecoveryCodes(db, actor)).toBe(9);
    expect((await attempt(codes[4]!)).ok).toBe(true);
  });

  it(`refuses every code for five minutes after ${CODE_ATTEMPT_LIMIT} wrong ones, the right one included`, async () => {
    const { db, user, secret } = await enrolled();
    const right = nextCode(secret);
    const wrong = right === "000000" ? "111111" : "000000";
    for (let i = 0; i < CODE_ATTEMPT_LIMIT; i++) {
      expect(await authenticate(db, { email: user.email, password: PASSWORD, code: wrong, ip: freshIp() })).toEqual({ ok: false, reason: "mfa_invalid" });
    }
    expect(await authenticate(db, { email: user.email, password: PASSWORD, code: right, ip: freshIp() })).toEqual({ ok: false, reason: "mfa_rate_limited" });
  });

  it("counts wrong codes typed in settings against the same limit as sign-in's", async () => {
    const { db, actor, user, secret } = await enrolled();
    const right = nextCode(secret);
    const wrong = right === "000000" ? "111111" : "000000";
    for (let i = 0; i < 3; i++) await authenticate(db, { email: user.email, password: PASSWORD, code: wrong, ip: freshIp() });
    for (let i = 0; i < CODE_ATTEMPT_LIMIT - 3; i++) {
      expect((await errorOf(regenerateRecoveryCodes(db, actor, { code: wrong }))).fields?.code).toMatch(/not right/);
    }
    expect((await errorOf(regenerateRecoveryCodes(db, actor, { code: right }))).code).toBe("rate_limited");
    expect(await authenticate(db, { email: user.email, password: PASSWORD, code: right, ip: freshIp() })).toEqual({ ok: false, reason: "mfa_rate_limited" });
  });

  it("refuses a code when the stored secret was tampered with", async () => {
    const { db, user, secret } = await enrolled();
    const [row] = await db.select({ sealed: users.totpSecret }).from(users).where(eq(users.id, user.id));
    const parts = row!.sealed!.split(".");
    const data = parts[3]!;
    parts[3] = (data[0] === "A" ? "B" : "A") + data.slice(1);
    await db.update(users).set({ totpSecret: parts.join(".") }).where(eq(users.id, user.id));
    expect(await authenticate(db, { email: user.email, password: PASSWORD, code: nextCode(secret), ip: freshIp() })).toEqual({ ok: false, reason: "mfa_invalid" });
  });
});

describe("the secret box", () => {
  it("opens what it sealed, with a new nonce each time, and refuses anything altered", () => {
    const sealed = seal("JBSWY3DPEHPK3PXP");
    expect(open(sealed)).toBe("JBSWY3DPEHPK3PXP");
    expect(seal("JBSWY3DPEHPK3PXP")).not.toBe(sealed);
    const [version, iv, tag, data] = sealed.split(".") as [string, string, string, string];
    const flip = (s: string) => (s[0] === "A" ? "B" : "A") + s.slice(1);
    expect(open([version, iv, tag, flip(data)].join("."))).toBeNull();
    expect(open([version, iv, flip(tag), data].join("."))).toBeNull();
    expect(open([version, flip(iv), tag, data].join("."))).toBeNull();
    expect(open(["v0", iv, tag, data].join("."))).toBeNull();
    expect(open("JBSWY3DPEHPK3PXP")).toBeNull();
  });
});

describe("managing two-factor sign-in", () => {
  it("regenerates recovery codes with a current authenticator code, and the old ones stop working", async () => {
    const { db, actor, user, secret, codes } = await enrolled();
    // A recovery code is not enough to make new recovery codes.
    expect((await errorOf(regenerateRecoveryCodes(db, actor, { code: codes[0]! }))).code).toBe("validation_failed");
    const { recoveryCodes: fresh } = await regenerateRecoveryCodes(db, actor, { code: nextCode(secret) });
    expect(fresh).toHaveLength(10);
    expect(fresh.some((code) => codes.includes(code))).toBe(false);
    expect(await countUnusedRecoveryCodes(db, actor)).toBe(10);
    expect(await authenticate(db, { email: user.email, password: PASSWORD, code: codes[1]!, ip: freshIp() })).toEqual({ ok: false, reason: "mfa_invalid" });
    expect((await authenticate(db, { email: user.email, password: PASSWORD, code: fresh[1]!, ip: freshIp() })).ok).toBe(true);
  });

  it("turns off only with the current password and a code", async () => {
    const { db, actor, user, secret, codes } = await enrolled();
    const wrongPassword = await errorOf(disableTotp(db, actor, { password: "not the password", code: nextCode(secret) }));
    expect(wrongPassword.fields).toEqual({ password: "That password is not right." });
    const wrongCode = await errorOf(disableTotp(db, actor, { password: PASSWORD, code: "ZZZZ-ZZZZ" }));
    expect(wrongCode.fields?.code).toMatch(/not right/);
    expect((await getTwoFactorStatus(db, actor)).enabled).toBe(true);

    await disableTotp(db, actor, { password: PASSWORD, code: codes[0]! });
    const [row] = await db.select({ secret: users.totpSecret, enabledAt: users.totpEnabledAt, lastStep: users.totpLastStep }).from(users).where(eq(users.id, user.id));
    expect(row).toEqual({ secret: null, enabledAt: null, lastStep: null });
    expect(await db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, user.id))).toHaveLength(0);
    expect(await db.select({ id: auditLog.id }).from(auditLog).where(and(eq(auditLog.targetId, user.id), eq(auditLog.action, "user.mfa_disabled")))).toHaveLength(1);
    expect((await authenticate(db, { email: user.email, password: PASSWORD, ip: freshIp() })).ok).toBe(true);
    expect((await errorOf(disableTotp(db, actor, { password: PASSWORD, code: nextCode(secret) }))).code).toBe("conflict");
  });
});

describe("ADMIN_MFA", () => {
  const admin = (mfaEnabled: boolean, sessionMfa?: boolean): SessionUser & { sessionMfa?: boolean } => ({
    id: "00000000-0000-4000-8000-000000000001",
    email: "admin@example.test",
    name: "Admin",
    role: "admin",
    status: "active",
    memberRole: null,
    emailVerified: true,
    mfaEnabled,
    removed: false,
    organization: null,
    ...(sessionMfa === undefined ? {} : { sessionMfa }),
  });

  it("is off by default: admins without a second factor are reminded, not refused", () => {
    expect(() => assertAdminSecondFactor(admin(false, false), false)).not.toThrow();
    expect(adminSecondFactorState(admin(false, false), false)).toBe("remind");
    expect(adminSecondFactorState(admin(true, true), false)).toBe("ok");
  });

  it("when required, refuses admins without a second factor with 403 mfa_required", () => {
    let refusal: unknown;
    try {
      assertAdminSecondFactor(admin(false, false), true);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal).toMatchObject({ code: "mfa_required", status: 403, extra: { setup: "/settings/security" } });
    expect(adminSecondFactorState(admin(false, false), true)).toBe("enrol");
  });

  it("when required, wants the session itself to have had the code; a token goes by the user's enrolment", () => {
    expect(() => assertAdminSecondFactor(admin(true, false), true)).toThrow(AppError);
    expect(adminSecondFactorState(admin(true, false), true)).toBe("reauth");
    expect(() => assertAdminSecondFactor(admin(true, true), true)).not.toThrow();
    expect(adminHasSecondFactor(admin(true))).toBe(true);
    expect(adminHasSecondFactor(admin(false))).toBe(false);
  });

  it("never stands in the way of miners and buyers", () => {
    const miner = { ...admin(false, false), role: "miner" as const };
    expect(() => assertAdminSecondFactor(miner, true)).not.toThrow();
    expect(adminSecondFactorState(miner, true)).toBe("ok");
  });
});
