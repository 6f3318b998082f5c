"use server";

import { appUrl } from "@/lib/api/app-url";
import { AuthError } from "next-auth";
import { getDb } from "@/db";
import { createAccount } from "@/db/queries/accounts";
import { createAction, isNavigation, type ActionResult } from "@/lib/action";
import { signIn, signOut } from "@/lib/auth";
import { deliverSoon } from "@/lib/mail";
import { signInFormSchema, signUpSchema } from "@/lib/validations/auth";

const SIGN_IN_MESSAGES: Record<string, string> = {
  rate_limited: "Too many failed attempts. Wait a minute, then try again.",
  suspended: "This account is suspended. Contact support@substation.test if you think this is a mistake.",
  invalid_credentials: "That email and password do not match an account.",
};

/** Only paths on this site; anything else (another host, `//evil`) goes to the dashboard. */
function safeReturnPath(value: unknown): string {
  return typeof value === "string" && value.startsWith("/") && !value.startsWith("//") ? value : "/dashboard";
}

async function signInOrExplain(email: string, password: string, redirectTo: string): Promise<ActionResult> {
  try {
    await signIn("credentials", { email, password, redirectTo });
    return { ok: true, data: undefined };
  } catch (error) {
    if (isNavigation(error)) throw error;
    if (error instanceof AuthError) {
      const code = (error as AuthError & { code?: string }).code ?? "invalid_credentials";
      return { ok: false, error: SIGN_IN_MESSAGES[code] ?? SIGN_IN_MESSAGES.invalid_credentials!, values: { email } };
    }
    throw error;
  }
}

export const signInAction = createAction({
  schema: signInFormSchema,
  access: "public",
  handler: ({ email, password, callbackUrl }) => signInOrExplain(email, password, safeReturnPath(callbackUrl)),
});

export const signUpAction = createAction({
  schema: signUpSchema,
  access: "public",
  handler: async (input) => {
    const db = await getDb();
    await createAccount(db, input, await appUrl());
    deliverSoon(db);
    return signInOrExplain(input.email, input.password, "/dashboard?welcome=1");
  },
});

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/" });
}
