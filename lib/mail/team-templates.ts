// The mail of organization membership: an invitation (its link valid for 7 days) and the
// notice that an owner removed someone.
import type { Mail } from "./index";

const SIGN_OFF = ["", "— The Substation team"];

export function invitationMail(input: {
  to: string;
  inviterName: string;
  organizationName: string;
  kind: "miner" | "buyer";
  role: "owner" | "member";
  url: string;
  expiresAt: Date;
}): Mail {
  const what =
    input.kind === "miner"
      ? "manage its sites and listings and answer booking requests from AI teams"
      : "search and reserve data-center capacity and manage its bookings";
  const role = input.role === "owner" ? "an owner (who can also invite and remove people)" : "a member";
  return {
    to: input.to,
    template: "invitation",
    subject: `${input.inviterName} invited you to ${input.organizationName} on Substation`,
    text: [
      "Hi,",
      "",
      `${input.inviterName} invited you to join ${input.organizationName} on Substation as ${role}, to ${what}.`,
      "",
      "Accept the invitation here:",
      "",
      input.url,
      "",
      `The link works once, until ${input.expiresAt.toUTCString()}. If you do not know ${input.inviterName} or did not expect this, ignore this mail: nothing happens unless you follow the link.`,
      ...SIGN_OFF,
    ].join("\n"),
  };
}

export function removedFromOrganizationMail(input: { to: string; name: string; organizationName: string; removerName: string }): Mail {
  return {
    to: input.to,
    template: "member_removed",
    subject: `You were removed from ${input.organizationName} on Substation`,
    text: [
      `Hi ${input.name},`,
      "",
      `${input.removerName} removed you from ${input.organizationName} on Substation. You have been signed out everywhere and your API tokens no longer work.`,
      "",
      `If you think this is a mistake, ask an owner of ${input.organizationName} to invite you again.`,
      ...SIGN_OFF,
    ].join("\n"),
  };
}
