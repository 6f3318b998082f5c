import type { SiteView } from "@/db/queries/sites";
import { COOLING_LABELS, formatKw, formatNumber } from "@/lib/format";
import { PowerMixBar } from "./power-mix-bar";

const INTERCONNECTION: Record<string, string> = {
  energized: "Energized",
  under_construction: "Under construction",
  approved: "Approved",
  in_study: "In study",
  applied: "Applied",
};

/** Every fact of a site, grouped as a buyer reads them: power first. */
export function SiteFacts({ site }: { site: SiteView }) {
  const power: [string, string][] = [
    ["Energized today", formatKw(site.energizedMw * 1000)],
    ["Planned", site.plannedMw > 0 ? `${formatKw(site.plannedMw * 1000)} by ${site.plannedEnergizationDate}` : "—"],
    ["Interconnection", `${INTERCONNECTION[site.interconnectionStatus]}${site.interconnectionVoltageKv ? ` · ${site.interconnectionVoltageKv} kV` : ""}`],
    ["Expected curtailment", `${formatNumber(site.curtailmentHoursPerYear)} h/year`],
    ["Renewable share", `${site.renewableShare} %`],
  ];
  const facility: [string, string][] = [
    ["Cooling", site.coolingTypes.map((c) => COOLING_LABELS[c]).join(", ")],
    ["PUE", site.pue.toFixed(2)],
    ["Redundancy", site.redundancy],
    ["Floor loading", site.floorLoadingKgPerM2 ? `${formatNumber(site.floorLoadingKgPerM2)} kg/m²` : "—"],
    ["Water", site.waterAvailability[0]!.toUpperCase() + site.waterAvailability.slice(1)],
  ];
  const network: [string, string][] = [
    ["Uplink", site.uplinkGbps ? `${formatNumber(site.uplinkGbps)} Gbps` : "—"],
    ["Fiber carriers", String(site.fiberCarriers)],
    ["Certifications", site.certifications.length ? site.certifications.join(", ") : "—"],
    ["Security", site.security || "—"],
  ];
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <FactGroup title="Power" facts={power}>
        <div className="mt-4">
          <PowerMixBar mix={site.powerMix} />
        </div>
      </FactGroup>
      <FactGroup title="Cooling and facility" facts={facility} />
      <FactGroup title="Network and security" facts={network} />
    </div>
  );
}

function FactGroup({ title, facts, children }: { title: string; facts: [string, string][]; children?: React.ReactNode }) {
  return (
    <section className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm" aria-label={title}>
      <h3 className="font-semibold">{title}</h3>
      <dl className="mt-3 space-y-2 text-sm">
        {facts.map(([label, value]) => (
          <div key={label} className="flex justify-between gap-4">
            <dt className="text-slate-600">{label}</dt>
            <dd className="text-right font-medium text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
      {children}
    </section>
  );
}
