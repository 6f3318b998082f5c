"use server";

import { AuthError } from "next-auth";
import { createAction, isNavigation, type ActionResult } from "@/lib/action";
import { signIn, signOut } from "@/lib/auth";
import { looksLikeRecoveryCode } from "@/lib/auth/totp";
import { signInFormSchema } from "@/lib/validations/auth";

const SIGN_IN_MESSAGES: Record<string, string> = {
  rate_limited: "Too many failed attempts. Wait a minute, then try again.",
  suspended: "This account is suspended. Contact support@substation.test if you think this is a mistake.",
  removed: "You are no longer a member of this organization. Ask one of its owners to invite you again.",
  invalid_credentials: "That email and password do not match an account.",
  mfa_required: "Enter the 6-digit code from your authenticator app.",
  mfa_invalid: "That code is not right. Enter the code your app shows now (each code works once).",
  mfa_rate_limited: "Too many wrong codes. Wait five minutes, then try again, or use a recovery code later.",
};
const WRONG_RECOVERY_CODE = "That recovery code is not right, or it was already used.";

/** The reasons that keep the form on its second step, asking for a code. */
const SECOND_FACTOR_REASONS = new Set(["mfa_required", "mfa_invalid", "mfa_rate_limited"]);

/** Only paths on this site; anything else (another host, `//evil`) goes to the dashboard. */
function safeReturnPath(value: unknown): string {
  return typeof value === "string" && value.startsWith("/") && !value.startsWith("//") ? value : "/dashboard";
}

/**
 * Signs in, or says why not. A refusal that needs the second factor comes back with
 * `values.secondFactor` set, which turns the form to its code step; the email and password
 * stay in the browser's form state, never in the answer.
 */
async function signInOrExplain(email: string, password: string, redirectTo: string, code?: string): Promise<ActionResult> {
  try {
    await signIn("credentials", { email, password, ...(code ? { code } : {}), redirectTo });
    return { ok: true, data: undefined };
  } catch (error) {
    if (isNavigation(error)) throw error;
    if (error instanceof AuthError) {
      const reason = (error as AuthError & { code?: string }).code ?? "invalid_credentials";
      const message = SIGN_IN_MESSAGES[reason] ?? SIGN_IN_MESSAGES.invalid_credentials!;
      if (!SECOND_FACTOR_REASONS.has(reason)) return { ok: false, error: message, values: { email } };
      const wrong = reason === "mfa_invalid" ? (code && looksLikeRecoveryCode(code) ? WRONG_RECOVERY_CODE : message) : undefined;
      return {
        ok: false,
        error: wrong ?? message,
        ...(wrong ? { fields: { code: wrong } } : {}),
        values: { email, secondFactor: reason },
      };
    }
    throw error;
  }
}

export const signInAction = createAction({
  schema: signInFormSchema,
  access: "public",
  handler: ({ email, password, code, callbackUrl }) => signInOrExplain(email, password, safeReturnPath(callbackUrl), code),
});

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/" });
}
