// Second factors at sign-in: a TOTP code is accepted once per time step, a recovery code
// once ever. Both are claimed with a single conditional UPDATE, so two sign-ins racing
// with one code cannot both win.
import "server-only";
import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { recoveryCodes, users } from "@/db/schema";
import { open } from "@/lib/auth/secret-box";
import { hashRecoveryCode, looksLikeRecoveryCode, matchTotp } from "@/lib/auth/totp";

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
