"use server";

// Sign-up, password recovery and email confirmation: the forms of people who are (mostly)
// signed out. Each answers the same whether or not an address has an account.
import { headers } from "next/headers";
import { getDb } from "@/db";
import { confirmEmail, requestPasswordReset, resetPassword } from "@/db/queries/account-links";
import { signUp } from "@/db/queries/accounts";
import { createAction } from "@/lib/action";
import { appUrl } from "@/lib/api/app-url";
import { clientIp } from "@/lib/auth/sign-in";
import { deliverSoon } from "@/lib/mail";
import { confirmEmailSchema, forgotPasswordSchema, resetPasswordSchema, signUpSchema } from "@/lib/validations/auth";

export const signUpAction = createAction({
  schema: signUpSchema,
  access: "public",
  handler: async (input) => {
    const db = await getDb();
    await signUp(db, input, await appUrl());
    deliverSoon(db);
    return { ok: true, data: { email: input.email } };
  },
});

export const forgotPasswordAction = createAction({
  schema: forgotPasswordSchema,
  access: "public",
  handler: async ({ email }) => {
    const db = await getDb();
    await requestPasswordReset(db, { email, client: clientIp(await headers()) }, await appUrl());
    deliverSoon(db);
    return { ok: true, data: { email } };
  },
});

export const resetPasswordAction = createAction({
  schema: resetPasswordSchema,
  access: "public",
  handler: async ({ token, password }) => {
    const db = await getDb();
    const { email } = await resetPassword(db, { token, password }, await appUrl());
    deliverSoon(db);
    return { ok: true, data: { email } };
  },
});

export const confirmEmailAction = createAction({
  schema: confirmEmailSchema,
  access: "public",
  handler: async ({ token }) => {
    const result = await confirmEmail(await getDb(), token);
    return { ok: true, data: result };
  },
});
