import type { Metadata } from "next";
import { Users } from "lucide-react";
import { getDb } from "@/db";
import { listOrganizations } from "@/db/queries/admin-organizations";
import { OrganizationFilters, type OrganizationFilterValues } from "@/components/admin/organization-filters";
import { OrganizationRow } from "@/components/admin/organization-row";
import { EmptyState } from "@/components/ui/empty-state";
import { requireAdminPageUser } from "@/lib/auth/admin-mfa";
import { actorOf } from "@/lib/auth/policy";

export const metadata: Metadata = { title: "Organizations" };

const text = (value: string | string[] | undefined) => (typeof value === "string" ? value.trim().slice(0, 100) : "");

export default async function AdminOrganizationsPage({ searchParams }: PageProps<"/admin/organizations">) {
  const user = await requireAdminPageUser("/admin/organizations");
  const query = await searchParams;
  const values: OrganizationFilterValues = {
    q: text(query.q),
    kind: query.kind === "miner" || query.kind === "buyer" ? query.kind : "",
    status: query.status === "active" || query.status === "suspended" ? query.status : "",
  };
  const id = text(query.id);
  const { organizations, more } = await listOrganizations(await getDb(), actorOf(user), {
    q: values.q || undefined,
    kind: values.kind || undefined,
    status: values.status || undefined,
    id: id || undefined,
  });
  const filtered = Boolean(values.q || values.kind || values.status || id);

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-3xl font-semibold tracking-tight">Organizations</h1>
        <p className="mt-1 max-w-2xl text-slate-600">
          Mining companies and AI teams. Suspending one takes effect at once: its listings leave search, its users and API tokens are refused, and its open holds and requests are released with their deposits.
        </p>
      </div>

      <OrganizationFilters values={values} />

      {organizations.length > 0 && (
        <p className="text-sm text-slate-600">
          {organizations.length}
          {more ? "+" : ""} {organizations.length === 1 && !more ? "organization" : "organizations"}
          {filtered ? (organizations.length === 1 && !more ? " matches" : " match") : ""}, sorted by name.
        </p>
      )}

      {organizations.length === 0 ? (
        <EmptyState icon={<Users className="h-8 w-8" />} title={filtered ? "No organization matches" : "No organizations yet"}>
          {filtered ? "Try another name or clear the filters." : "Organizations appear here as miners and AI teams sign up."}
        </EmptyState>
      ) : (
        <ul className="space-y-3" aria-label="Organizations">
          {organizations.map((organization) => (
            <li key={organization.id}>
              <OrganizationRow organization={organization} />
            </li>
          ))}
        </ul>
      )}
      {more && <p className="text-sm text-slate-600">Showing the first {organizations.length}. Filter by name, kind or status to find others.</p>}
    </div>
  );
}
