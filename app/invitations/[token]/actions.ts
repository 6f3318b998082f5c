"use server";

// Accepting an invitation: a new account, a removed account coming back with its password,
// or a signed-in person's one click. The link's token is checked and spent in the query.
import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { acceptInvitation, invitationPath, joinWithNewAccount, rejoinWithPassword } from "@/db/queries/organization-members";
import { isLinkTokenShape } from "@/db/queries/account-links";
import { createAction, isNavigation, type ActionResult } from "@/lib/action";
import { signIn, signOut } from "@/lib/auth";
import { actorOf } from "@/lib/auth/policy";
import { acceptInvitationSchema, joinWithNewAccountSchema, rejoinSchema } from "@/lib/validations/team";

const WELCOME = "/dashboard?joined=1";

export type JoinResult = { signInNeeded: boolean };

/** Joined: sign straight in; if sign-in asks for more (a second factor), send them to the form. */
async function signInAfterJoining(email: string, password: string, organizationName: string): Promise<ActionResult<JoinResult>> {
  try {
    await signIn("credentials", { email, password, redirectTo: WELCOME });
    return { ok: true, data: { signInNeeded: false } };
  } catch (error) {
    if (isNavigation(error)) throw error;
    if (error instanceof AuthError) {
      return { ok: true, data: { signInNeeded: true }, message: `You joined ${organizationName}. Sign in to continue.` };
    }
    throw error;
  }
}

export const joinWithNewAccountAction = createAction({
  schema: joinWithNewAccountSchema,
  access: "public",
  handler: async (input) => {
    const joined = await joinWithNewAccount(await getDb(), input);
    return signInAfterJoining(joined.email, input.password, joined.organizationName);
  },
});

export const rejoinAction = createAction({
  schema: rejoinSchema,
  access: "public",
  handler: async (input) => {
    const joined = await rejoinWithPassword(await getDb(), input);
    return signInAfterJoining(joined.email, input.password, joined.organizationName);
  },
});

export const acceptInvitationAction = createAction({
  schema: acceptInvitationSchema,
  access: ["miner", "buyer"],
  handler: async ({ token }, { user }) => {
    await acceptInvitation(await getDb(), actorOf(user!), token);
    redirect(WELCOME);
  },
});

/** Signed in with another address: sign out and come back to the same invitation. */
export async function signOutForInvitationAction(formData: FormData): Promise<void> {
  const token = formData.get("token");
  await signOut({ redirectTo: isLinkTokenShape(token) ? invitationPath(token) : "/sign-in" });
}
