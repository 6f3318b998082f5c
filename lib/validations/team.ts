// Organization members and invitations: the same schemas check the forms in the browser and
// the requests on the server.
import { z } from "zod";
import { PASSWORD_MAX_LENGTH } from "@/lib/auth/password-policy";
import { emailSchema, newPasswordSchema } from "./auth";

export const MEMBER_ROLES = ["owner", "member"] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export const memberRoleSchema = z.enum(MEMBER_ROLES, { error: "Choose owner or member." });

export const inviteMemberSchema = z.strictObject({
  email: emailSchema,
  role: memberRoleSchema,
});
export type InviteMemberInput = z.infer<typeof inviteMemberSchema>;

const memberId = z.uuid({ error: "That member was not found." });

export const changeRoleSchema = z.strictObject({ userId: memberId, role: memberRoleSchema });
export type ChangeRoleInput = z.infer<typeof changeRoleSchema>;

export const removeMemberSchema = z.strictObject({ userId: memberId });

export const invitationIdSchema = z.strictObject({ id: z.uuid({ error: "That invitation was not found." }) });

/** The invitation link's token travels in a hidden field; its shape is checked where it is claimed. */
const invitationToken = z.string({ error: "This invitation link is not valid." }).max(200, "This invitation link is not valid.");

export const acceptInvitationSchema = z.strictObject({ token: invitationToken });

/** A visitor without an account joins from the invitation page: the email is the invited one. */
export const joinWithNewAccountSchema = z.strictObject({
  token: invitationToken,
  name: z.string({ error: "Enter your name." }).trim().min(2, "Enter your name.").max(100, "Use at most 100 characters."),
  password: newPasswordSchema,
});
export type JoinWithNewAccountInput = z.infer<typeof joinWithNewAccountSchema>;

/** A removed account, invited again, comes back with its own password. */
export const rejoinSchema = z.strictObject({
  token: invitationToken,
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(PASSWORD_MAX_LENGTH, "That password is too long."),
});
