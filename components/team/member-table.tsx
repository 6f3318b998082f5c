import { Badge } from "@/components/ui/badge";
import { MemberControls, SelfControls } from "./member-actions";
import { When } from "./when";

type MemberRow = { id: string; name: string; email: string; role: "owner" | "member"; joinedAt: Date; lastSignInAt: Date | null };

/**
 * The organization's members. Owners get controls on every row; everyone gets "Leave" on
 * their own. Below the `md` width the dates move under the name, so the table fits a phone.
 */
export function MemberTable({ members, viewerId, viewerIsOwner }: { members: MemberRow[]; viewerId: string; viewerIsOwner: boolean }) {
  const owners = members.filter((m) => m.role === "owner").length;
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Members of the organization</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="px-4 py-3 font-medium">Name</th>
            <th scope="col" className="px-4 py-3 font-medium">Role</th>
            <th scope="col" className="hidden px-4 py-3 font-medium md:table-cell">Joined</th>
            <th scope="col" className="hidden px-4 py-3 font-medium md:table-cell">Last sign-in</th>
            <th scope="col" className="px-4 py-3 font-medium">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {members.map((member) => {
            const self = member.id === viewerId;
            return (
              <tr key={member.id} className="align-top">
                <th scope="row" className="px-4 py-3 font-normal">
                  <span className="block font-medium text-slate-900">
                    {member.name}
                    {self && <span className="font-normal text-slate-500"> (you)</span>}
                  </span>
                  <span className="block break-all text-slate-600">{member.email}</span>
                  <span className="mt-1 block text-xs text-slate-500 md:hidden">
                    Joined <When at={member.joinedAt} /> · {member.lastSignInAt ? <>Last sign-in <When at={member.lastSignInAt} /></> : "Never signed in"}
                  </span>
                </th>
                <td className="whitespace-nowrap px-4 py-3">
                  <Badge tone={member.role === "owner" ? "violet" : "neutral"}>{member.role === "owner" ? "Owner" : "Member"}</Badge>
                </td>
                <td className="hidden whitespace-nowrap px-4 py-3 text-slate-700 md:table-cell">
                  <When at={member.joinedAt} />
                </td>
                <td className="hidden whitespace-nowrap px-4 py-3 text-slate-700 md:table-cell">
                  {member.lastSignInAt ? <When at={member.lastSignInAt} withTime /> : "Never"}
                </td>
                <td className="px-4 py-3 text-right">
                  {self ? (
                    <SelfControls member={member} otherOwners={owners > 1} />
                  ) : (
                    viewerIsOwner && <MemberControls member={member} />
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
