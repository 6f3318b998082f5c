import { Search } from "lucide-react";
import { Button, ButtonLink } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";

export type OrganizationFilterValues = { q: string; kind: "" | "miner" | "buyer"; status: "" | "active" | "suspended" };

/** Filters as a plain GET form: the URL holds them, so a view can be shared and Back works. */
export function OrganizationFilters({ values }: { values: OrganizationFilterValues }) {
  const filtered = Boolean(values.q || values.kind || values.status);
  return (
    <form method="get" action="/admin/organizations" role="search" aria-label="Filter organizations" className="grid gap-3 sm:grid-cols-[minmax(0,1fr)_10rem_10rem_auto] sm:items-end">
      <Field id="org-q" label="Name" name="q" type="search" defaultValue={values.q} placeholder="e.g. Hashfield" />
      <SelectField id="org-kind" label="Kind" name="kind" defaultValue={values.kind}>
        <option value="">Any kind</option>
        <option value="miner">Miners</option>
        <option value="buyer">AI teams</option>
      </SelectField>
      <SelectField id="org-status" label="Status" name="status" defaultValue={values.status}>
        <option value="">Any status</option>
        <option value="active">Active</option>
        <option value="suspended">Suspended</option>
      </SelectField>
      <div className="flex gap-2">
        <Button type="submit" variant="secondary">
          <Search className="h-4 w-4" aria-hidden="true" /> Filter
        </Button>
        {filtered && (
          <ButtonLink href="/admin/organizations" variant="ghost">
            Clear
          </ButtonLink>
        )}
      </div>
    </form>
  );
}
