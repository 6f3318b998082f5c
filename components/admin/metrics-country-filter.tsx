import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";

/** Narrows every figure to one country's sites; a GET form, so the view is a URL. */
export function MetricsCountryFilter({ countries, value }: { countries: { code: string; name: string }[]; value: string }) {
  return (
    <form method="get" action="/admin/metrics" aria-label="Filter metrics by country" className="flex items-end gap-2">
      <SelectField id="metrics-country" label="Country" name="country" defaultValue={value} className="w-56">
        <option value="">All countries</option>
        {countries.map((c) => (
          <option key={c.code} value={c.code}>
            {c.name}
          </option>
        ))}
      </SelectField>
      <Button type="submit" variant="secondary">
        Show
      </Button>
    </form>
  );
}
