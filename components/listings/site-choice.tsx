// A site as the listing form knows it, and the facts the form shows about it.
import { COOLING_LABELS, formatKw } from "@/lib/format";
import { formatDay } from "./format";

export type SiteChoice = {
  id: string;
  name: string;
  region: string;
  country: string;
  /** Named on the server: Node and browsers name some countries differently (hydration). */
  countryName: string;
  coolingTypes: string[];
  energizedKw: number;
  plannedKw: number;
  plannedEnergizationDate: string | null;
  pue: number;
};

export const coolingList = (types: readonly string[]) =>
  types.map((type) => COOLING_LABELS[type as keyof typeof COOLING_LABELS]?.toLowerCase() ?? type).join(", ");

/** What the site allows for the capacity typed so far. */
export function capacityHint(site: SiteChoice | undefined, capacityKw: number): string {
  if (!site) return "Choose a site to see how much it has energized.";
  const planned =
    site.plannedKw > 0 && site.plannedEnergizationDate
      ? ` ${formatKw(site.plannedKw)} more from ${formatDay(site.plannedEnergizationDate)}, for windows starting then.`
      : "";
  const offered = capacityKw > 0 && Number.isFinite(capacityKw) ? ` You offer ${formatKw(capacityKw)}.` : "";
  return `${site.name} has ${formatKw(site.energizedKw)} energized.${planned}${offered}`;
}

export function SiteSummary({ site }: { site: SiteChoice | undefined }) {
  if (!site) return <p className="text-sm text-slate-600">The site decides how much capacity and which cooling you can offer.</p>;
  const facts = [
    ["Energized", formatKw(site.energizedKw)],
    ["Planned", site.plannedKw > 0 && site.plannedEnergizationDate ? `${formatKw(site.plannedKw)} from ${formatDay(site.plannedEnergizationDate)}` : "None"],
    ["Cooling", coolingList(site.coolingTypes)],
    ["PUE", site.pue.toFixed(2)],
  ];
  return (
    <dl className="grid grid-cols-2 gap-3 rounded-lg bg-slate-50 px-4 py-3 text-sm sm:grid-cols-4">
      {facts.map(([label, text]) => (
        <div key={label}>
          <dt className="text-xs text-slate-600">{label}</dt>
          <dd className="font-medium text-slate-900 first-letter:uppercase">{text}</dd>
        </div>
      ))}
    </dl>
  );
}
