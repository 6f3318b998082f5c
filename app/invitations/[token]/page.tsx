import type { Metadata } from "next";
import { connection } from "next/server";
import { Link2Off, Users } from "lucide-react";
import { getDb } from "@/db";
import { describeInvitation, invitationPath, type InvitationState } from "@/db/queries/organization-members";
import { AcceptForm, JoinForm, RejoinForm } from "@/components/team/invitation-forms";
import { Alert } from "@/components/ui/alert";
import { Button, ButtonLink } from "@/components/ui/button";
import { currentUser } from "@/lib/auth/guards";
import { signOutForInvitationAction } from "./actions";

// The token is in the path: keep it out of search engines and out of Referer headers.
export const metadata: Metadata = { title: "Invitation", robots: { index: false }, referrer: "no-referrer" };

const PROBLEMS: Record<Exclude<InvitationState, "valid">, { title: string; body: (org?: string, inviter?: string | null) => string }> = {
  unknown: {
    title: "This invitation link is not valid",
    body: () => "It may be cut short or mistyped, or a newer invitation replaced it. Copy the whole link from the newest mail, or ask for a new invitation.",
  },
  expired: {
    title: "This invitation has expired",
    body: (org, inviter) => `Invitations work for 7 days. Ask ${inviter ?? "an owner"} at ${org} to invite you again.`,
  },
  used: {
    title: "This invitation was already accepted",
    body: (org) => `Each invitation works once. If you joined ${org}, sign in to continue.`,
  },
  revoked: {
    title: "This invitation was withdrawn",
    body: (org) => `An owner of ${org} withdrew it. Ask them for a new one if you still need it.`,
  },
};

function Shell({ children }: { children: React.ReactNode }) {
  return (
    <div className="flex flex-1 items-start justify-center bg-[radial-gradient(ellipse_at_top,_#fff3c4_0%,_transparent_55%)] px-4 py-12 sm:py-16">
      <div className="w-full max-w-lg rounded-2xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">{children}</div>
    </div>
  );
}

/**
 * An invitation link. Looking changes nothing; a bad, old, used or withdrawn link gets an
 * explanation. Signed out, the page offers both "Sign in to accept" and a new account, so it
 * does not say whether the address has one (a removed account is asked for its password).
 */
export default async function InvitationPage({ params }: PageProps<"/invitations/[token]">) {
  await connection();
  const { token } = await params;
  const [invitation, user] = await Promise.all([describeInvitation(await getDb(), token), currentUser()]);

  if (invitation.state !== "valid") {
    const problem = PROBLEMS[invitation.state];
    const known = invitation.state === "unknown" ? undefined : invitation;
    return (
      <Shell>
        <div className="text-center">
          <Link2Off className="mx-auto h-10 w-10 text-slate-500" aria-hidden="true" />
          <h1 className="mt-3 text-2xl font-semibold tracking-tight">{problem.title}</h1>
          <p className="mt-2 text-sm text-slate-600">{problem.body(known?.organizationName, known?.inviterName)}</p>
          <ButtonLink href={user ? "/dashboard" : "/sign-in"} className="mt-6">
            {user ? "Go to your dashboard" : "Sign in"}
          </ButtonLink>
        </div>
      </Shell>
    );
  }

  const path = invitationPath(token);
  const signInHref = `/sign-in?callbackUrl=${encodeURIComponent(path)}`;
  const role = invitation.role === "owner" ? "an owner" : "a member";
  const what = invitation.organizationKind === "miner" ? "its sites, listings and booking requests" : "its capacity searches, reservations and bookings";
  const forms = { token, email: invitation.email, organizationName: invitation.organizationName, signInHref };

  return (
    <Shell>
      <Users className="h-9 w-9 text-volt-700" aria-hidden="true" />
      <h1 className="mt-3 text-2xl font-semibold tracking-tight">Join {invitation.organizationName}</h1>
      <p className="mt-2 text-sm text-slate-600">
        {invitation.inviterName ?? "An owner"} invited <span className="break-all font-medium text-slate-900">{invitation.email}</span> to join{" "}
        {invitation.organizationName} on Substation as {role}, to work on {what}.
      </p>

      <div className="mt-6">
        {user ? (
          user.email.toLowerCase() !== invitation.email ? (
            <div className="space-y-4">
              <Alert tone="warning" title="This invitation is for another address">
                You are signed in as <span className="break-all">{user.email}</span>. Sign out, then sign in or join with {invitation.email} to accept it.
              </Alert>
              <form action={signOutForInvitationAction}>
                <input type="hidden" name="token" value={token} />
                <Button type="submit" variant="secondary" className="w-full">
                  Sign out and use {invitation.email}
                </Button>
              </form>
            </div>
          ) : user.role === "admin" ? (
            <Alert tone="info">Staff accounts belong to no organization and cannot accept invitations.</Alert>
          ) : (
            <div className="space-y-4">
              {user.organization && (
                <p className="text-sm text-slate-700">
                  {user.organization.name === invitation.organizationName
                    ? `You are signed in as ${user.email}.`
                    : `You will leave ${user.organization.name} and move to ${invitation.organizationName}. Your API tokens will be revoked, since they act for ${user.organization.name}.`}
                </p>
              )}
              <AcceptForm token={token} organizationName={invitation.organizationName} />
            </div>
          )
        ) : invitation.rejoin ? (
          <RejoinForm {...forms} />
        ) : (
          <div className="space-y-6">
            <div className="rounded-lg border border-slate-200 bg-slate-50 p-4">
              <p className="text-sm text-slate-700">Already have a Substation account with {invitation.email}?</p>
              <ButtonLink href={signInHref} variant="secondary" className="mt-3 w-full">
                Sign in to accept
              </ButtonLink>
            </div>
            <div>
              <h2 className="text-base font-semibold">New to Substation? Create your account</h2>
              <div className="mt-3">
                <JoinForm {...forms} />
              </div>
            </div>
          </div>
        )}
      </div>
    </Shell>
  );
}
