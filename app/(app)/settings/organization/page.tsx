import type { Metadata } from "next";
import { Mail, Users } from "lucide-react";
import { getDb } from "@/db";
import { listInvitations, listMembers } from "@/db/queries/organization-members";
import { InvitationTable } from "@/components/team/invitation-table";
import { InviteForm } from "@/components/team/invite-form";
import { MemberTable } from "@/components/team/member-table";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { requirePageUser } from "@/lib/auth/guards";
import { actorOf } from "@/lib/auth/policy";

export const metadata: Metadata = { title: "Organization" };

export default async function OrganizationSettingsPage() {
  const user = await requirePageUser("/settings/organization", "miner", "buyer");
  const db = await getDb();
  const actor = actorOf(user);
  const owner = user.memberRole === "owner";
  const [members, invitations] = await Promise.all([listMembers(db, actor), owner ? listInvitations(db, actor) : Promise.resolve([])]);
  const organizationName = user.organization?.name ?? "Your organization";
  const owners = members.filter((m) => m.role === "owner").length;

  return (
    <div className="mx-auto w-full max-w-5xl px-4 py-10 sm:px-6">
      <p className="text-sm text-slate-600">Settings</p>
      <h1 className="mt-1 text-3xl font-semibold tracking-tight break-words">{organizationName}</h1>
      <p className="mt-2 max-w-2xl text-slate-600">
        {owner
          ? "Invite colleagues, decide who else can manage the team, and remove people who have left. Removing someone signs them out everywhere and revokes their API tokens at once."
          : `You are a member of ${organizationName}. Its owners invite and remove people; ask one of them to change your role.`}
      </p>

      {owner && (
        <Card className="mt-8 p-5 sm:p-6">
          <section aria-labelledby="invite-title">
            <h2 id="invite-title" className="text-lg font-semibold">
              Invite a colleague
            </h2>
            <div className="mt-4">
              {user.emailVerified ? (
                <InviteForm organizationName={organizationName} />
              ) : (
                <Alert tone="warning" title="Confirm your email address first">
                  Invitations open once you follow the link we mailed to {user.email}.{" "}
                  <ButtonLink href="/settings#verify-email" variant="secondary" size="sm" className="mt-2 sm:mt-0 sm:ml-2">
                    Send a new link
                  </ButtonLink>
                </Alert>
              )}
            </div>
          </section>
        </Card>
      )}

      <section aria-labelledby="members-title" className="mt-10">
        <div className="flex items-baseline justify-between gap-4">
          <h2 id="members-title" className="text-lg font-semibold">
            Members
          </h2>
          <p className="text-sm text-slate-600">
            {members.length} {members.length === 1 ? "person" : "people"} · {owners} {owners === 1 ? "owner" : "owners"}
          </p>
        </div>
        <div className="mt-4">
          {members.length > 1 || !owner ? (
            <MemberTable members={members} viewerId={user.id} viewerIsOwner={owner} />
          ) : (
            <div className="space-y-4">
              <MemberTable members={members} viewerId={user.id} viewerIsOwner={owner} />
              <EmptyState icon={<Users className="h-8 w-8" />} title="Just you so far">
                Invite the colleagues who manage {user.role === "miner" ? "your sites, listings and booking requests" : "your reservations and bookings"}; they join with the link in their mail.
              </EmptyState>
            </div>
          )}
        </div>
      </section>

      {owner && (
        <section aria-labelledby="invitations-title" className="mt-10">
          <h2 id="invitations-title" className="text-lg font-semibold">
            Open invitations
          </h2>
          <div className="mt-4">
            {invitations.length ? (
              <InvitationTable invitations={invitations} />
            ) : (
              <EmptyState icon={<Mail className="h-8 w-8" />} title="No open invitations">
                Invitations you send appear here until they are accepted, so you can withdraw one sent to the wrong address.
              </EmptyState>
            )}
          </div>
        </section>
      )}
    </div>
  );
}
