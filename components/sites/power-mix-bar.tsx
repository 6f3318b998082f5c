import { POWER_SOURCE_KEYS, type PowerSource } from "@/lib/validations/site";

const SOURCES: Record<PowerSource, { label: string; color: string }> = {
  hydro: { label: "Hydro", color: "bg-sky-600" },
  wind: { label: "Wind", color: "bg-teal-500" },
  solar: { label: "Solar", color: "bg-volt-400" },
  nuclear: { label: "Nuclear", color: "bg-violet-600" },
  gas: { label: "Natural gas", color: "bg-orange-600" },
  flareGas: { label: "Flare gas", color: "bg-red-700" },
  grid: { label: "Grid (mixed)", color: "bg-slate-500" },
};

/** The site's power sources as one stacked bar with a legend that carries the numbers. */
export function PowerMixBar({ mix }: { mix: Record<PowerSource, number> }) {
  const parts = POWER_SOURCE_KEYS.filter((k) => mix[k] > 0);
  return (
    <figure>
      <div className="flex h-3 overflow-hidden rounded-full bg-slate-100" role="img" aria-label={parts.map((k) => `${SOURCES[k].label} ${mix[k]} %`).join(", ")}>
        {parts.map((k) => (
          <div key={k} className={SOURCES[k].color} style={{ width: `${mix[k]}%` }} />
        ))}
      </div>
      <figcaption className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700">
        {parts.map((k) => (
          <span key={k} className="inline-flex items-center gap-1.5">
            <span className={`h-2.5 w-2.5 rounded-sm ${SOURCES[k].color}`} aria-hidden="true" />
            {SOURCES[k].label} <span className="font-medium tabular-nums">{mix[k]} %</span>
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
