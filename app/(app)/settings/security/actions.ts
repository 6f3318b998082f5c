"use server";

import { revalidatePath } from "next/cache";
import QRCode from "qrcode";
import { getDb } from "@/db";
import { confirmTotpEnrolment, disableTotp, regenerateRecoveryCodes, startTotpEnrolment } from "@/db/queries/two-factor";
import {
  confirmEnrolmentSchema,
  disableTwoFactorSchema,
  regenerateRecoveryCodesSchema,
  startEnrolmentSchema,
} from "@/components/settings/two-factor-schemas";
import { createAction } from "@/lib/action";
import { currentUser } from "@/lib/auth/guards";
import { actorOf } from "@/lib/auth/policy";

export type PendingEnrolment = { secret: string; qrSvg: string };
export type NewRecoveryCodes = { recoveryCodes: string[] };

// Everyone signed in may protect their account, admins included; createAction has
// already refused anyone signed out, so `user` is set.
const EVERYONE = ["miner", "buyer", "admin"] as const;
const PATH = "/settings/security";

export const startEnrolmentAction = createAction({
  schema: startEnrolmentSchema,
  access: [...EVERYONE],
  handler: async (_input, { user }) => {
    const { secret, uri } = await startTotpEnrolment(await getDb(), actorOf(user!));
    // Drawn here, on the server: the secret reaches the browser only inside this answer.
    const qrSvg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 1 });
    return { ok: true, data: { secret, qrSvg } satisfies PendingEnrolment };
  },
});

export const confirmEnrolmentAction = createAction({
  schema: confirmEnrolmentSchema,
  access: [...EVERYONE],
  handler: async ({ code }, { user }) => {
    const session = await currentUser();
    const result = await confirmTotpEnrolment(await getDb(), actorOf(user!), code, session?.sessionId);
    revalidatePath(PATH);
    return { ok: true, data: result satisfies NewRecoveryCodes, message: "Two-factor sign-in is on. Every sign-in now asks for a code." };
  },
});

export const regenerateRecoveryCodesAction = createAction({
  schema: regenerateRecoveryCodesSchema,
  access: [...EVERYONE],
  handler: async ({ code }, { user }) => {
    const result = await regenerateRecoveryCodes(await getDb(), actorOf(user!), { code });
    revalidatePath(PATH);
    return { ok: true, data: result satisfies NewRecoveryCodes, message: "New recovery codes made. The old ones no longer work." };
  },
});

export const disableTwoFactorAction = createAction({
  schema: disableTwoFactorSchema,
  access: [...EVERYONE],
  handler: async (input, { user }) => {
    await disableTotp(await getDb(), actorOf(user!), input);
    revalidatePath(PATH);
    return { ok: true, data: undefined, message: "Two-factor sign-in is off. Sign-in asks only for your password now." };
  },
});
