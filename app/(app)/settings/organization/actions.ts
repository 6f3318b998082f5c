"use server";

// The organization page's forms. Who may do what is decided in db/queries/organization-members.ts.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { changeRole, inviteMember, removeMember, revokeInvitation } from "@/db/queries/organization-members";
import { createAction } from "@/lib/action";
import { appUrl } from "@/lib/api/app-url";
import { actorOf } from "@/lib/auth/policy";
import { deliverSoon } from "@/lib/mail";
import { changeRoleSchema, invitationIdSchema, inviteMemberSchema, removeMemberSchema } from "@/lib/validations/team";

const PAGE = "/settings/organization";

// createAction has already refused anyone signed out or not a miner or buyer, so `user` is set.

export const inviteMemberAction = createAction({
  schema: inviteMemberSchema,
  access: ["miner", "buyer"],
  handler: async (input, { user }) => {
    const db = await getDb();
    const invitation = await inviteMember(db, actorOf(user!), input, await appUrl());
    deliverSoon(db);
    revalidatePath(PAGE);
    const verb = invitation.renewed ? "A new invitation link was sent to" : "Invitation sent to";
    return { ok: true, data: { email: invitation.email }, message: `${verb} ${invitation.email}. The link works for 7 days.` };
  },
});

export const revokeInvitationAction = createAction({
  schema: invitationIdSchema,
  access: ["miner", "buyer"],
  handler: async ({ id }, { user }) => {
    await revokeInvitation(await getDb(), actorOf(user!), id);
    revalidatePath(PAGE);
    return { ok: true, data: undefined, message: "Invitation withdrawn. Its link no longer works." };
  },
});

export const changeRoleAction = createAction({
  schema: changeRoleSchema,
  access: ["miner", "buyer"],
  handler: async (input, { user }) => {
    await changeRole(await getDb(), actorOf(user!), input);
    revalidatePath(PAGE);
    return { ok: true, data: undefined, message: input.role === "owner" ? "They are now an owner." : "They are now a member." };
  },
});

export const removeMemberAction = createAction({
  schema: removeMemberSchema,
  access: ["miner", "buyer"],
  handler: async ({ userId }, { user }) => {
    const db = await getDb();
    const { self } = await removeMember(db, actorOf(user!), userId);
    deliverSoon(db);
    // Leaving ended this very session too: the next page is a signed-out one.
    if (self) redirect("/sign-in?left=1");
    revalidatePath(PAGE);
    return { ok: true, data: undefined, message: "Removed. Their sessions and API tokens stopped working." };
  },
});
