import { changeRoleAction, removeMemberAction } from "@/app/(app)/settings/organization/actions";
import { ConfirmActionButton } from "@/components/forms/confirm-action-button";

type Target = { id: string; name: string; role: "owner" | "member" };

/** An owner's controls on one colleague's row: each takes a second, explicit click. */
export function MemberControls({ member }: { member: Target }) {
  const promote = member.role === "member";
  return (
    <div className="flex flex-wrap gap-2 md:justify-end">
      <ConfirmActionButton
        action={changeRoleAction}
        fields={{ userId: member.id, role: promote ? "owner" : "member" }}
        label={promote ? "Make owner" : "Make member"}
        accessibleLabel={`${promote ? "Make owner" : "Make member"}: ${member.name}`}
        confirmLabel={promote ? "Yes, make owner" : "Yes, make member"}
        pendingLabel="Saving…"
        confirmAccessibleLabel={`Confirm the new role of ${member.name}`}
        warning={promote ? "Owners can invite, remove and change roles." : "They will no longer manage the team."}
        variant="secondary"
      />
      <ConfirmActionButton
        action={removeMemberAction}
        fields={{ userId: member.id }}
        label="Remove"
        accessibleLabel={`Remove ${member.name}`}
        confirmLabel="Yes, remove"
        pendingLabel="Removing…"
        confirmAccessibleLabel={`Confirm removing ${member.name}`}
        warning="Signs them out everywhere and revokes their API tokens."
        variant="ghost"
      />
    </div>
  );
}

/** Your own row: an owner may step down while another owner remains; anyone may leave. */
export function SelfControls({ member, otherOwners }: { member: Target; otherOwners: boolean }) {
  if (member.role === "owner" && !otherOwners) {
    return <p className="text-xs text-slate-600 md:ml-auto md:max-w-56 md:text-right">You are the only owner. Make someone else an owner before you step down or leave.</p>;
  }
  return (
    <div className="flex flex-wrap gap-2 md:justify-end">
      {member.role === "owner" && (
        <ConfirmActionButton
          action={changeRoleAction}
          fields={{ userId: member.id, role: "member" }}
          label="Step down to member"
          accessibleLabel="Step down to member"
          confirmLabel="Yes, step down"
          pendingLabel="Saving…"
          confirmAccessibleLabel="Confirm stepping down to member"
          warning="You will no longer manage the team."
          variant="secondary"
        />
      )}
      <ConfirmActionButton
        action={removeMemberAction}
        fields={{ userId: member.id }}
        label="Leave organization"
        accessibleLabel="Leave organization"
        confirmLabel="Yes, leave"
        pendingLabel="Leaving…"
        confirmAccessibleLabel="Confirm leaving the organization"
        warning="You will be signed out and lose access."
        variant="ghost"
      />
    </div>
  );
}
