import Link from "next/link";
import type { listOrganizations } from "@/db/queries/admin-organizations";
import { Badge } from "@/components/ui/badge";
import { formatUtcDate } from "@/lib/format";
import { OrganizationActions } from "./organization-actions";

export type AdminOrganization = Awaited<ReturnType<typeof listOrganizations>>["organizations"][number];

/** One organization: who it is, what it does on the marketplace, and the suspension switch. */
export function OrganizationRow({ organization: o }: { organization: AdminOrganization }) {
  const headingId = `org-${o.id}-name`;
  const facts: [string, string][] = [
    ["Users", String(o.users)],
    ["Listings", o.kind === "miner" ? `${o.publishedListings} of ${o.listings} published` : "—"],
    ["Open reservations", String(o.openBookings)],
  ];
  return (
    <article aria-labelledby={headingId} className="grid gap-4 rounded-xl border border-slate-200 bg-white p-4 shadow-sm md:grid-cols-[minmax(0,1fr)_22rem] md:items-start">
      <div className="min-w-0 space-y-3">
        <div>
          <div className="flex flex-wrap items-center gap-2">
            <h2 id={headingId} className="font-semibold text-slate-900">
              {o.name}
            </h2>
            <Badge tone={o.kind === "miner" ? "blue" : "violet"}>{o.kind === "miner" ? "Miner" : "AI team"}</Badge>
            {o.status === "suspended" ? <Badge tone="red">Suspended</Badge> : <Badge tone="green">Active</Badge>}
          </div>
          <p className="mt-0.5 text-sm text-slate-600">
            Joined {formatUtcDate(o.createdAt)} ·{" "}
            <Link href={`/admin/audit?organizationId=${o.id}`} className="underline underline-offset-2 hover:text-slate-900">
              Audit log
            </Link>{" "}
            ·{" "}
            <Link href={`/admin/organizations/${o.id}/messages`} className="underline underline-offset-2 hover:text-slate-900">
              Conversations
            </Link>
          </p>
        </div>
        {o.status === "suspended" && (
          <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-900">
            Suspended {o.suspendedAt ? formatUtcDate(o.suspendedAt) : ""}: {o.suspendedReason}
          </p>
        )}
        <dl className="grid grid-cols-3 gap-3 text-sm">
          {facts.map(([label, value]) => (
            <div key={label}>
              <dt className="text-slate-600">{label}</dt>
              <dd className="font-medium tabular-nums text-slate-900">{value}</dd>
            </div>
          ))}
        </dl>
      </div>
      <div className="md:text-right">
        <OrganizationActions organization={{ id: o.id, name: o.name, kind: o.kind, status: o.status, users: o.users, publishedListings: o.publishedListings, openBookings: o.openBookings }} />
      </div>
    </article>
  );
}
