"use server";

// The account page's forms: name, email, password, verification mail and sessions.
import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import { changePassword, requestEmailChange, resendVerification, updateName } from "@/db/queries/account-links";
import { revokeOwnSession, revokeUserSessions } from "@/db/queries/sessions";
import { createAction } from "@/lib/action";
import { appUrl } from "@/lib/api/app-url";
import { currentUser } from "@/lib/auth/guards";
import { actorOf } from "@/lib/auth/policy";
import { clientIp } from "@/lib/auth/sign-in";
import { AppError } from "@/lib/errors";
import { deliverSoon } from "@/lib/mail";
import { changeEmailSchema, changePasswordSchema, profileNameSchema, sessionIdSchema } from "@/lib/validations/auth";
import { z } from "zod";

const EVERYONE = ["miner", "buyer", "admin"] as const;

/** The session this request runs in (the one a password change keeps). */
async function currentSessionId(): Promise<string> {
  const user = await currentUser();
  if (!user) throw AppError.unauthenticated();
  return user.sessionId;
}

export const updateNameAction = createAction({
  schema: profileNameSchema,
  access: [...EVERYONE],
  handler: async ({ name }, { user }) => {
    await updateName(await getDb(), actorOf(user!), name);
    revalidatePath("/", "layout");
    return { ok: true, data: undefined, message: "Name saved." };
  },
});

export const changeEmailAction = createAction({
  schema: changeEmailSchema,
  access: [...EVERYONE],
  handler: async ({ email, currentPassword }, { user }) => {
    const db = await getDb();
    await requestEmailChange(db, actorOf(user!), { email, currentPassword, client: clientIp(await headers()) }, await appUrl());
    deliverSoon(db);
    revalidatePath("/settings");
    return { ok: true, data: undefined, message: `We sent a link to ${email}. Your address changes once you follow it; until then, keep using ${user!.email}.` };
  },
});

export const changePasswordAction = createAction({
  schema: changePasswordSchema,
  access: [...EVERYONE],
  handler: async ({ currentPassword, password }, { user }) => {
    const db = await getDb();
    const { signedOut } = await changePassword(db, actorOf(user!), { currentPassword, password, keepSessionId: await currentSessionId() }, await appUrl());
    deliverSoon(db);
    revalidatePath("/settings");
    const others = signedOut === 1 ? "1 other session was" : `${signedOut} other sessions were`;
    return { ok: true, data: undefined, message: `Password changed. ${others} signed out.` };
  },
});

export const resendVerificationAction = createAction({
  schema: z.strictObject({}),
  access: [...EVERYONE],
  handler: async (_input, { user }) => {
    const db = await getDb();
    const { alreadyVerified } = await resendVerification(db, actorOf(user!), clientIp(await headers()), await appUrl());
    deliverSoon(db);
    return { ok: true, data: undefined, message: alreadyVerified ? "Your address is already confirmed." : `We sent a new link to ${user!.email}.` };
  },
});

export const revokeSessionAction = createAction({
  schema: sessionIdSchema,
  access: [...EVERYONE],
  handler: async ({ id }, { user }) => {
    if (id === (await currentSessionId())) throw AppError.validation({ id: "That is this session: use Sign out instead." });
    await revokeOwnSession(await getDb(), actorOf(user!), id);
    revalidatePath("/settings");
    return { ok: true, data: undefined, message: "That session was signed out." };
  },
});

export const revokeOtherSessionsAction = createAction({
  schema: z.strictObject({}),
  access: [...EVERYONE],
  handler: async (_input, { user }) => {
    const n = await revokeUserSessions(await getDb(), user!.id, await currentSessionId());
    revalidatePath("/settings", "layout");
    return { ok: true, data: undefined, message: n === 0 ? "No other session was signed in." : `Signed out ${n} other session${n === 1 ? "" : "s"}.` };
  },
});
