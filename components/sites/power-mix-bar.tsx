import type { SiteView } from "@/db/queries/sites";

const SOURCES: { key: keyof SiteView["powerMix"]; label: string; color: string }[] = [
  { key: "hydro", label: "Hydro", color: "bg-sky-500" },
  { key: "wind", label: "Wind", color: "bg-teal-500" },
  { key: "solar", label: "Solar", color: "bg-volt-400" },
  { key: "nuclear", label: "Nuclear", color: "bg-violet-500" },
  { key: "gas", label: "Gas", color: "bg-orange-600" },
  { key: "flareGas", label: "Flare gas", color: "bg-red-700" },
  { key: "grid", label: "Grid", color: "bg-slate-400" },
];

/** The site's power sources as one stacked bar with a legend; the legend carries the numbers. */
export function PowerMixBar({ mix }: { mix: SiteView["powerMix"] }) {
  const present = SOURCES.filter((source) => mix[source.key] > 0);
  return (
    <figure>
      <figcaption className="sr-only">Power mix</figcaption>
      <div aria-hidden="true" className="flex h-3 w-full overflow-hidden rounded-full bg-slate-100">
        {present.map((source) => (
          <div key={source.key} className={`${source.color} h-full border-r border-white last:border-r-0`} style={{ width: `${mix[source.key]}%` }} />
        ))}
      </div>
      <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-700">
        {present.map((source) => (
          <li key={source.key} className="flex items-center gap-1.5">
            <span aria-hidden="true" className={`h-2.5 w-2.5 rounded-sm ${source.color}`} />
            {source.label} <span className="tabular-nums text-slate-500">{mix[source.key]} %</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
