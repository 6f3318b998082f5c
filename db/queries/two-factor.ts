// Second factors: enrolment, recovery codes and turning off, and the check at sign-in. A
// TOTP code is accepted once per time step, a recovery code once ever. Both are claimed with a single conditional UPDATE, so two sign-ins racing
// with one code cannot both win.
import "server-only";
import { and, count, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { Database, Executor, Transaction } from "@/db";
import { writeAudit } from "@/db/queries/audit";
import { hitsFor, recordHit } from "@/db/queries/rate-limits";
import { recoveryCodes, userSessions, users } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password";
import type { Actor } from "@/lib/auth/policy";
import { open, seal } from "@/lib/auth/secret-box";
import { hashRecoveryCode, looksLikeRecoveryCode, matchTotp, newRecoveryCodes, newTotpSecret, totpUri } from "@/lib/auth/totp";
import { AppError } from "@/lib/errors";

/** Checks a code (authenticator or recovery) for a user with two-factor sign-in on. */
export async function verifySecondFactor(
  db: Executor,
  user: { id: string; totpSecret: string | null; totpLastStep: number | null },
  code: string,
): Promise<boolean> {
  if (looksLikeRecoveryCode(code)) return consumeRecoveryCode(db, user.id, code);
  const secret = user.totpSecret ? open(user.totpSecret) : null;
  if (!secret) return false;
  const step = matchTotp(secret, code, user.totpLastStep);
  if (step === null) return false;
  return claimTotpStep(db, user.id, step);
}

export async function claimTotpStep(db: Executor, userId: string, step: number): Promise<boolean> {
  const rows = await db
    .update(users)
    .set({ totpLastStep: step })
    .where(and(eq(users.id, userId), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
    .returning({ id: users.id });
  return rows.length === 1;
}

export async function consumeRecoveryCode(db: Executor, userId: string, code: string): Promise<boolean> {
  const rows = await db
    .update(recoveryCodes)
    .set({ usedAt: sql`now()` })
    .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, hashRecoveryCode(code)), isNull(recoveryCodes.usedAt)))
    .returning({ id: recoveryCodes.id });
  return rows.length === 1;
}

// ---------------------------------------------------------------------------------------
// Enrolment and management, from Settings → Security. Every code typed there counts
// against the same per-account limit as sign-in's codes, so a stolen session cannot be
// used to guess them either.

/** Wrong codes (or passwords, when turning two-factor off) allowed per account in five minutes. */
export const CODE_ATTEMPT_LIMIT = 5;
export const CODE_ATTEMPT_WINDOW_SECONDS = 300;
/** The rate-limit key sign-in's codes count under (lib/auth/sign-in.ts uses the same string). */
export const codeAttemptKey = (userId: string) => `signin:mfa:${userId}`;

export type TwoFactorStatus = {
  enabled: boolean;
  enabledAt: Date | null;
  /** A secret was generated but never confirmed with a first code. */
  pending: boolean;
  recoveryCodesLeft: number;
};

export async function getTwoFactorStatus(db: Executor, actor: Actor): Promise<TwoFactorStatus> {
  const [row] = await db
    .select({ secret: users.totpSecret, enabledAt: users.totpEnabledAt })
    .from(users)
    .where(eq(users.id, actor.userId))
    .limit(1);
  if (!row) throw AppError.unauthenticated();
  return {
    enabled: row.enabledAt !== null,
    enabledAt: row.enabledAt,
    pending: row.enabledAt === null && row.secret !== null,
    recoveryCodesLeft: row.enabledAt ? await countUnusedRecoveryCodes(db, actor) : 0,
  };
}

export async function countUnusedRecoveryCodes(db: Executor, actor: Actor): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, actor.userId), isNull(recoveryCodes.usedAt)));
  return row?.n ?? 0;
}

/**
 * Starts (or restarts) an enrolment: a new secret, stored sealed and pending until a
 * first code confirms it. The plain secret goes back to the page once, for the QR code.
 */
export async function startTotpEnrolment(db: Database, actor: Actor): Promise<{ secret: string; uri: string }> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select({ email: users.email, enabledAt: users.totpEnabledAt }).from(users).where(eq(users.id, actor.userId)).for("update");
    if (!row) throw AppError.unauthenticated();
    if (row.enabledAt) throw AppError.conflict("Two-factor sign-in is already on. Turn it off first to move it to another authenticator.");
    const secret = newTotpSecret();
    await tx.update(users).set({ totpSecret: seal(secret), totpLastStep: null }).where(eq(users.id, actor.userId));
    return { secret, uri: totpUri(secret, row.email) };
  });
}

/**
 * Confirms the pending secret with a first code: turns two-factor sign-in on, replaces any
 * recovery codes with ten new ones (hashes stored) and returns those in plain text, the
 * only time they exist outside the user's hands. `sessionId`, the session doing this,
 * counts as signed in with the second factor from now on: it has just proved it.
 */
export async function confirmTotpEnrolment(db: Database, actor: Actor, code: string, sessionId?: string): Promise<{ recoveryCodes: string[] }> {
  return withCodeAttempts(db, actor.userId, async (tx) => {
    const [row] = await tx
      .select({ secret: users.totpSecret, enabledAt: users.totpEnabledAt, lastStep: users.totpLastStep })
      .from(users)
      .where(eq(users.id, actor.userId))
      .for("update");
    if (!row) throw AppError.unauthenticated();
    if (row.enabledAt) throw AppError.conflict("Two-factor sign-in is already on.");
    const secret = row.secret ? open(row.secret) : null;
    if (!secret) throw AppError.conflict("Start the set-up again: there is no authenticator waiting to be confirmed.");
    const step = matchTotp(secret, code, row.lastStep);
    if (step === null) throw new WrongCode({ code: "That code is not right. Check the time on your phone, then enter the code the app shows now." });
    await tx.update(users).set({ totpEnabledAt: sql`now()`, totpLastStep: step }).where(eq(users.id, actor.userId));
    const codes = await replaceRecoveryCodes(tx, actor.userId);
    if (sessionId) await tx.update(userSessions).set({ mfaAt: sql`now()` }).where(and(eq(userSessions.id, sessionId), eq(userSessions.userId, actor.userId)));
    await writeAudit(tx, { actorUserId: actor.userId, action: "user.mfa_enabled", targetType: "user", targetId: actor.userId, organizationId: actor.organizationId, data: { method: "totp" } });
    return { recoveryCodes: codes };
  });
}

/** Ten new recovery codes in place of the old ones (used or not), confirmed with a current authenticator code. */
export async function regenerateRecoveryCodes(db: Database, actor: Actor, input: { code: string }): Promise<{ recoveryCodes: string[] }> {
  return withCodeAttempts(db, actor.userId, async (tx) => {
    const user = await lockEnrolledUser(tx, actor.userId);
    if (!(await verifyAuthenticatorCode(tx, user, input.code))) {
      throw new WrongCode({ code: "That code is not right. Enter the 6-digit code your authenticator app shows now." });
    }
    const codes = await replaceRecoveryCodes(tx, actor.userId);
    await writeAudit(tx, { actorUserId: actor.userId, action: "user.mfa_recovery_codes_regenerated", targetType: "user", targetId: actor.userId, organizationId: actor.organizationId });
    return { recoveryCodes: codes };
  });
}

/** Turns two-factor sign-in off: needs the current password and a code (authenticator or recovery). */
export async function disableTotp(db: Database, actor: Actor, input: { password: string; code: string }): Promise<void> {
  await withCodeAttempts(db, actor.userId, async (tx) => {
    const user = await lockEnrolledUser(tx, actor.userId);
    const passwordOk = await verifyPassword(user.passwordHash, input.password);
    // Both are checked before answering, and the answer does not say which one was wrong
    // when both are: each is a factor an attacker should learn nothing about.
    const codeOk = passwordOk && (await verifySecondFactor(tx, user, input.code));
    if (!passwordOk || !codeOk) {
      throw new WrongCode(
        passwordOk ? { code: "That code is not right. Enter the code your authenticator app shows now, or a recovery code." } : { password: "That password is not right." },
      );
    }
    await tx.update(users).set({ totpSecret: null, totpEnabledAt: null, totpLastStep: null }).where(eq(users.id, actor.userId));
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, actor.userId));
    await writeAudit(tx, { actorUserId: actor.userId, action: "user.mfa_disabled", targetType: "user", targetId: actor.userId, organizationId: actor.organizationId });
  });
}

/** A wrong code or password inside a two-factor change: counted against the limit, shown on its field. */
class WrongCode extends Error {
  constructor(readonly fields: Record<string, string>) {
    super("wrong code");
  }
}

/**
 * Runs a change that checks a code in one transaction. Refused up front once the account
 * has had too many wrong codes; a wrong one rolls the transaction back (a claimed step
 * included) and is counted outside it, so the count survives the rollback.
 */
async function withCodeAttempts<T>(db: Database, userId: string, work: (tx: Transaction) => Promise<T>): Promise<T> {
  const key = codeAttemptKey(userId);
  if ((await hitsFor(db, [key], CODE_ATTEMPT_WINDOW_SECONDS)) >= CODE_ATTEMPT_LIMIT) {
    throw AppError.rateLimited("Too many wrong codes. Wait five minutes, then try again.", CODE_ATTEMPT_WINDOW_SECONDS);
  }
  try {
    return await db.transaction(work);
  } catch (error) {
    if (!(error instanceof WrongCode)) throw error;
    await recordHit(db, key, CODE_ATTEMPT_WINDOW_SECONDS);
    throw AppError.validation(error.fields, Object.values(error.fields)[0]);
  }
}

async function lockEnrolledUser(tx: Transaction, userId: string) {
  const [row] = await tx
    .select({ id: users.id, passwordHash: users.passwordHash, totpSecret: users.totpSecret, totpLastStep: users.totpLastStep, enabledAt: users.totpEnabledAt })
    .from(users)
    .where(eq(users.id, userId))
    .for("update");
  if (!row) throw AppError.unauthenticated();
  if (!row.enabledAt) throw AppError.conflict("Two-factor sign-in is not on for this account.");
  return row;
}

/** An authenticator code only (not a recovery code), claimed like one at sign-in. */
async function verifyAuthenticatorCode(tx: Transaction, user: { id: string; totpSecret: string | null; totpLastStep: number | null }, code: string): Promise<boolean> {
  if (looksLikeRecoveryCode(code)) return false;
  return verifySecondFactor(tx, user, code);
}

async function replaceRecoveryCodes(tx: Transaction, userId: string): Promise<string[]> {
  const codes = newRecoveryCodes();
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await tx.insert(recoveryCodes).values(codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code) })));
  return codes;
}
