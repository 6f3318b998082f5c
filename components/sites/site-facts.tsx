import type { SiteView } from "@/db/queries/sites";
import { COOLING_LABELS, formatKw } from "@/lib/format";
import { formatDay } from "@/components/listings/format";
import { PowerMixBar } from "./power-mix-bar";

const INTERCONNECTION: Record<SiteView["interconnectionStatus"], string> = {
  energized: "Energized",
  under_construction: "Under construction",
  approved: "Approved",
  in_study: "In study",
  applied: "Applied for",
};

const WATER: Record<SiteView["waterAvailability"], string> = { none: "None", limited: "Limited", ample: "Ample" };

/** The facts an AI team asks about first: power, then cooling and facility, then network and security. */
export function SiteFacts({ site }: { site: SiteView }) {
  const power: [string, React.ReactNode][] = [
    ["Energized today", formatKw(site.energizedMw * 1000)],
    ["Planned", site.plannedMw > 0 ? `${formatKw(site.plannedMw * 1000)}${site.plannedEnergizationDate ? ` from ${formatDay(site.plannedEnergizationDate)}` : ""}` : "None"],
    ["Interconnection", `${INTERCONNECTION[site.interconnectionStatus]}${site.interconnectionVoltageKv ? `, ${site.interconnectionVoltageKv} kV` : ""}`],
    ["Renewable share", `${site.renewableShare} %`],
    ["Curtailment", site.curtailmentHoursPerYear ? `About ${site.curtailmentHoursPerYear.toLocaleString("en-US")} h a year` : "None expected"],
  ];
  const facility: [string, React.ReactNode][] = [
    ["Cooling", site.coolingTypes.map((type) => COOLING_LABELS[type]).join(", ")],
    ["PUE", site.pue.toFixed(2)],
    ["Redundancy", site.redundancy],
    ["Floor loading", site.floorLoadingKgPerM2 ? `${site.floorLoadingKgPerM2.toLocaleString("en-US")} kg/m²` : "Not stated"],
    ["Water", WATER[site.waterAvailability]],
    ["Uplink", site.uplinkGbps ? `${site.uplinkGbps.toLocaleString("en-US")} Gbps` : "Not stated"],
    ["Fiber carriers", site.fiberCarriers ? String(site.fiberCarriers) : "Not stated"],
    ["Certifications", site.certifications.length ? site.certifications.join(", ") : "None listed"],
  ];
  return (
    <div className="space-y-6">
      <div>
        <h3 className="text-sm font-semibold text-slate-900">Power</h3>
        <div className="mt-3">
          <PowerMixBar mix={site.powerMix} />
        </div>
        <FactList facts={power} />
      </div>
      <div>
        <h3 className="text-sm font-semibold text-slate-900">Facility and network</h3>
        <FactList facts={facility} />
      </div>
      {site.security && (
        <div>
          <h3 className="text-sm font-semibold text-slate-900">Security</h3>
          <p className="mt-1 text-sm text-slate-700">{site.security}</p>
        </div>
      )}
    </div>
  );
}

function FactList({ facts }: { facts: [string, React.ReactNode][] }) {
  return (
    <dl className="mt-3 grid grid-cols-2 gap-x-6 gap-y-3 sm:grid-cols-3">
      {facts.map(([label, value]) => (
        <div key={label}>
          <dt className="text-xs text-slate-600">{label}</dt>
          <dd className="mt-0.5 text-sm font-medium text-slate-900">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
