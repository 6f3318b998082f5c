import { Filter } from "lucide-react";
import { Button, ButtonLink } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";

export const AUDIT_TARGET_TYPES = { listing: "Listing", site: "Site", organization: "Organization", payment: "Payment", report: "Report" } as const;
export type AuditTargetType = keyof typeof AUDIT_TARGET_TYPES;

const ACTION_PREFIXES = [
  ["listing.", "Listings: approvals, rejections, unpublishing"],
  ["deposit.", "Money: deposits authorized, captured, released, refunded"],
  ["organization.", "Suspensions and reinstatements"],
  ["site.", "Site verification"],
  ["report.", "Reports resolved or dismissed"],
] as const;

export type AuditFilterValues = { action: string; targetType: "" | AuditTargetType; organizationId: string; from: string; to: string };

/** The log's filters as a GET form, so a filtered view is a URL to share. Paging restarts on a new filter. */
export function AuditFilters({ values, organizations }: { values: AuditFilterValues; organizations: { id: string; name: string }[] }) {
  const filtered = Object.values(values).some(Boolean);
  return (
    <form method="get" action="/admin/audit" aria-label="Filter the audit log" className="grid gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-5 lg:items-end">
      <Field id="audit-action" label="Action starts with" name="action" defaultValue={values.action} list="audit-action-prefixes" placeholder="e.g. deposit." autoComplete="off" spellCheck={false} />
      <datalist id="audit-action-prefixes">
        {ACTION_PREFIXES.map(([prefix, label]) => (
          <option key={prefix} value={prefix} label={label} />
        ))}
      </datalist>
      <SelectField id="audit-target" label="Target" name="targetType" defaultValue={values.targetType}>
        <option value="">Any target</option>
        {Object.entries(AUDIT_TARGET_TYPES).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </SelectField>
      <SelectField id="audit-organization" label="Organization" name="organizationId" defaultValue={values.organizationId}>
        <option value="">Any organization</option>
        {organizations.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </SelectField>
      <Field id="audit-from" label="From (UTC)" name="from" type="date" defaultValue={values.from} />
      <Field id="audit-to" label="To (UTC, inclusive)" name="to" type="date" defaultValue={values.to} />
      <div className="flex gap-2 sm:col-span-2 lg:col-span-5">
        <Button type="submit" variant="secondary">
          <Filter className="h-4 w-4" aria-hidden="true" /> Apply filters
        </Button>
        {filtered && (
          <ButtonLink href="/admin/audit" variant="ghost">
            Clear
          </ButtonLink>
        )}
      </div>
    </form>
  );
}
