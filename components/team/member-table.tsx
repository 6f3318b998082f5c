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
    <div className="rounded-xl border border-slate-200 bg-white shadow-sm">
      {/* Explicit roles: below `md` the rows are stacked blocks, and CSS display alone would drop the table semantics. */}
      <table role="table" className="block w-full text-left text-sm md:table">
        <caption className="sr-only">Members of the organization</caption>
        <thead role="rowgroup" className="sr-only border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-600 md:not-sr-only md:table-header-group">
          <tr role="row">
            <th scope="col" role="columnheader" className="px-4 py-3 font-medium">Name</th>
            <th scope="col" role="columnheader" className="px-4 py-3 font-medium">Role</th>
            <th scope="col" role="columnheader" className="hidden px-4 py-3 font-medium md:table-cell">Joined</th>
            <th scope="col" role="columnheader" className="hidden px-4 py-3 font-medium md:table-cell">Last sign-in</th>
            <th scope="col" role="columnheader" className="px-4 py-3 font-medium">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody role="rowgroup" className="block divide-y divide-slate-100 md:table-row-group">
          {members.map((member) => {
            const self = member.id === viewerId;
            return (
              <tr key={member.id} role="row" className="block px-4 py-3 align-top md:table-row md:p-0">
                <th scope="row" role="rowheader" className="block font-normal md:table-cell md:px-4 md:py-3">
                  <span className="block font-medium text-slate-900">
                    {member.name}
                    {self && <span className="font-normal text-slate-500"> (you)</span>}
                  </span>
                  <span className="block text-slate-600 [overflow-wrap:anywhere]">{member.email}</span>
                  <span className="mt-1 block text-xs text-slate-500 md:hidden">
                    Joined <When at={member.joinedAt} /> · {member.lastSignInAt ? <>Last sign-in <When at={member.lastSignInAt} /></> : "Never signed in"}
                  </span>
                </th>
                <td role="cell" className="mt-2 block whitespace-nowrap md:mt-0 md:table-cell md:px-4 md:py-3">
                  <span className="sr-only md:hidden">Role: </span>
                  <Badge tone={member.role === "owner" ? "violet" : "neutral"}>{member.role === "owner" ? "Owner" : "Member"}</Badge>
                </td>
                <td role="cell" className="hidden whitespace-nowrap px-4 py-3 text-slate-700 md:table-cell">
                  <When at={member.joinedAt} />
                </td>
                <td role="cell" className="hidden whitespace-nowrap px-4 py-3 text-slate-700 md:table-cell">
                  {member.lastSignInAt ? <When at={member.lastSignInAt} withTime /> : "Never"}
                </td>
                <td role="cell" className="mt-3 block empty:hidden md:mt-0 md:table-cell md:px-4 md:py-3 md:text-right">
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
