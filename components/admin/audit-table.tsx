import { isUuid } from "@/lib/ids";
import Link from "next/link";
import type { listAudit } from "@/db/queries/audit";
import { AuditData } from "./audit-data";
import { AUDIT_TARGET_TYPES } from "./audit-filters";

export type AuditRow = Awaited<ReturnType<typeof listAudit>>[number];

const utc = (at: Date) => at.toISOString().replace("T", " ").slice(0, 19);
const str = (value: unknown) => (typeof value === "string" && isUuid(value) ? value : null);

/** Where a target can be looked at, if it has a page. */
function targetHref(row: AuditRow): string | null {
  switch (row.targetType) {
    case "listing":
      return `/listings/${row.targetId}`;
    case "site":
      return `/admin/sites?site=${row.targetId}`;
    case "organization":
      return `/admin/organizations?id=${row.targetId}`;
    case "payment": {
      const bookingId = str(row.data?.bookingId);
      return bookingId && `/bookings/${bookingId}`;
    }
    case "report": {
      const listingId = str(row.data?.listingId);
      return listingId && `/listings/${listingId}`;
    }
    default:
      return null;
  }
}

function targetLabel(row: AuditRow, organizationNames: Map<string, string>): string {
  const type = AUDIT_TARGET_TYPES[row.targetType as keyof typeof AUDIT_TARGET_TYPES] ?? row.targetType;
  if (row.targetType === "organization" && organizationNames.has(row.targetId)) return `${type}: ${organizationNames.get(row.targetId)}`;
  if (row.targetType === "payment" && str(row.data?.bookingId)) return `Deposit of booking ${String(row.data.bookingId).slice(0, 8)}`;
  // Some entries record the target's name or title at the time; it reads better than an id.
  const name = row.data?.name ?? row.data?.title;
  if (typeof name === "string" && name) return `${type}: ${name.length > 60 ? `${name.slice(0, 59)}…` : name}`;
  return `${type} ${row.targetId.slice(0, 8)}`;
}

/** The log, newest first: when (UTC), who, what, on what, and the details recorded with it. */
export function AuditTable({ rows, organizationNames }: { rows: AuditRow[]; organizationNames: Map<string, string> }) {
  return (
    <div role="region" aria-label="Audit log entries" tabIndex={0} className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm focus:outline-2 focus:outline-offset-2 focus:outline-ink-800">
      <table className="w-full min-w-[60rem] text-left text-sm">
        <caption className="sr-only">Audit log, newest first. Times are UTC.</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-slate-600">
          <tr>
            <th scope="col" className="px-4 py-2 font-medium">Time (UTC)</th>
            <th scope="col" className="px-4 py-2 font-medium">Actor</th>
            <th scope="col" className="px-4 py-2 font-medium">Action</th>
            <th scope="col" className="px-4 py-2 font-medium">Target</th>
            <th scope="col" className="px-4 py-2 font-medium">Details</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 align-top">
          {rows.map((row) => {
            const href = targetHref(row);
            const label = targetLabel(row, organizationNames);
            const organization = row.organizationId ? organizationNames.get(row.organizationId) : undefined;
            return (
              <tr key={row.id}>
                <td className="whitespace-nowrap px-4 py-3 tabular-nums text-slate-700">
                  <time dateTime={row.createdAt.toISOString()}>{utc(row.createdAt)}</time>
                </td>
                <td className="min-w-[11rem] max-w-[14rem] px-4 py-3">
                  {row.actorUserId ? (
                    <>
                      <span className="block text-slate-900">{row.actorName ?? "Deleted user"}</span>
                      {row.actorEmail && <span className="block break-all text-xs text-slate-600">{row.actorEmail}</span>}
                    </>
                  ) : (
                    <span className="text-slate-600">System</span>
                  )}
                </td>
                <td className="px-4 py-3">
                  <code className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-900">{row.action}</code>
                </td>
                <td className="px-4 py-3">
                  {href ? (
                    <Link href={href} className="text-slate-900 underline underline-offset-2 hover:text-ink-800">
                      {label}
                    </Link>
                  ) : (
                    <span className="text-slate-900">{label}</span>
                  )}
                  {organization && row.targetType !== "organization" && (
                    <Link href={`/admin/audit?organizationId=${row.organizationId}`} className="mt-0.5 block text-xs text-slate-600 hover:text-slate-900 hover:underline">
                      {organization}
                    </Link>
                  )}
                </td>
                <td className="w-[22rem] min-w-[16rem] px-4 py-3">
                  <AuditData data={row.data} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
