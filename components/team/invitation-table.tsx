import { revokeInvitationAction } from "@/app/(app)/settings/organization/actions";
import { ConfirmActionButton } from "@/components/forms/confirm-action-button";
import { Badge } from "@/components/ui/badge";
import { When } from "./when";

type InvitationRow = { id: string; email: string; role: "owner" | "member"; invitedByName: string | null; createdAt: Date; expiresAt: Date; expired: boolean };

/** Open invitations: pending ones and expired ones (inviting the address again renews them). */
export function InvitationTable({ invitations }: { invitations: InvitationRow[] }) {
  return (
    <ul className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white shadow-sm">
      {invitations.map((invitation) => (
        <li key={invitation.id} className="flex flex-col gap-3 px-4 py-3 text-sm sm:flex-row sm:items-center sm:justify-between">
          <div className="min-w-0">
            <p className="flex flex-wrap items-center gap-2">
              <span className="font-medium text-slate-900 [overflow-wrap:anywhere]">{invitation.email}</span>
              <Badge tone={invitation.role === "owner" ? "violet" : "neutral"}>{invitation.role === "owner" ? "Owner" : "Member"}</Badge>
              {invitation.expired ? <Badge tone="amber">Expired</Badge> : <Badge tone="blue">Pending</Badge>}
            </p>
            <p className="mt-0.5 text-xs text-slate-600">
              {invitation.invitedByName ? `Invited by ${invitation.invitedByName}` : "Invited"} on <When at={invitation.createdAt} /> ·{" "}
              {invitation.expired ? (
                <>expired <When at={invitation.expiresAt} />; invite the address again to send a new link</>
              ) : (
                <>link works until <When at={invitation.expiresAt} withTime /></>
              )}
            </p>
          </div>
          <div className="sm:shrink-0">
            <ConfirmActionButton
              action={revokeInvitationAction}
              fields={{ id: invitation.id }}
              label="Withdraw"
              accessibleLabel={`Withdraw the invitation for ${invitation.email}`}
              confirmLabel="Yes, withdraw"
              pendingLabel="Withdrawing…"
              confirmAccessibleLabel={`Confirm withdrawing the invitation for ${invitation.email}`}
              warning="The link stops working."
              variant="secondary"
            />
          </div>
        </li>
      ))}
    </ul>
  );
}
