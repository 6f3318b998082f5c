import { isUuid } from "@/lib/ids";
import type { Metadata } from "next";
import { ScrollText } from "lucide-react";
import { getDb } from "@/db";
import { organizationNames } from "@/db/queries/admin-organizations";
import { listAudit } from "@/db/queries/audit";
import { AUDIT_TARGET_TYPES, AuditFilters, type AuditFilterValues } from "@/components/admin/audit-filters";
import { AuditTable } from "@/components/admin/audit-table";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { requireAdminPageUser } from "@/lib/auth/admin-mfa";
import { actorOf } from "@/lib/auth/policy";
import { addDays } from "@/lib/domain/days";

export const metadata: Metadata = { title: "Audit log" };

const PAGE_SIZE = 50;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

const text = (value: string | string[] | undefined) => (typeof value === "string" ? value.trim() : "");
const validDay = (value: string) => (DAY.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) ? value : "");

/** The filters the URL holds, with anything malformed dropped rather than failing the page. */
function filtersOf(query: Record<string, string | string[] | undefined>): AuditFilterValues {
  const action = text(query.action).toLowerCase();
  const targetType = text(query.targetType);
  const organizationId = text(query.organizationId);
  return {
    action: /^[a-z_.]{1,60}$/.test(action) ? action : "",
    targetType: targetType in AUDIT_TARGET_TYPES ? (targetType as AuditFilterValues["targetType"]) : "",
    organizationId: isUuid(organizationId) ? organizationId : "",
    from: validDay(text(query.from)),
    to: validDay(text(query.to)),
  };
}

function pageHref(values: AuditFilterValues, before?: number): string {
  const params = new URLSearchParams(Object.entries(values).filter(([, v]) => v) as [string, string][]);
  if (before) params.set("before", String(before));
  const query = params.toString();
  return query ? `/admin/audit?${query}` : "/admin/audit";
}

export default async function AuditPage({ searchParams }: PageProps<"/admin/audit">) {
  const user = await requireAdminPageUser("/admin/audit");
  const actor = actorOf(user);
  const query = await searchParams;
  const values = filtersOf(query);
  const before = Number.parseInt(text(query.before), 10);
  const db = await getDb();
  const [rows, organizations] = await Promise.all([
    listAudit(db, actor, {
      action: values.action || undefined,
      targetType: values.targetType || undefined,
      organizationId: values.organizationId || undefined,
      from: values.from || undefined,
      // The form's "to" day is inclusive; the query's bound is exclusive.
      to: values.to ? addDays(values.to, 1) : undefined,
      before: before > 0 ? before : undefined,
      limit: PAGE_SIZE + 1,
    }),
    organizationNames(db, actor),
  ]);
  const page = rows.slice(0, PAGE_SIZE);
  const older = rows.length > PAGE_SIZE ? page.at(-1)!.id : undefined;
  const names = new Map(organizations.map((o) => [o.id, o.name]));
  const filtered = Object.values(values).some(Boolean);

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-3xl font-semibold tracking-tight">Audit log</h1>
        <p className="mt-1 max-w-2xl text-slate-600">Every admin action and every money movement, newest first. Entries can only be added: the database refuses to change or delete them.</p>
      </div>

      <AuditFilters values={values} organizations={organizations} />

      {page.length === 0 ? (
        <EmptyState icon={<ScrollText className="h-8 w-8" />} title={before > 0 ? "No older entries" : filtered ? "No entries match" : "Nothing recorded yet"}>
          {before > 0 ? "You have reached the first entry." : filtered ? "Widen the date range or clear a filter." : "Admin actions and deposits are recorded here as they happen."}
        </EmptyState>
      ) : (
        <AuditTable rows={page} organizationNames={names} />
      )}

      <nav aria-label="Audit log pages" className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-600">
          {page.length > 0 && (
            <>
              Showing {page.length} {page.length === 1 ? "entry" : "entries"}
              {before > 0 ? " older than the newest page" : ""}.
            </>
          )}
        </p>
        <div className="flex gap-2">
          {before > 0 && (
            <ButtonLink href={pageHref(values)} variant="ghost">
              Newest
            </ButtonLink>
          )}
          {older && (
            <ButtonLink href={pageHref(values, older)} variant="secondary" rel="next">
              Older
            </ButtonLink>
          )}
        </div>
      </nav>
    </div>
  );
}
