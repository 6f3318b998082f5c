"use client";

import { useId, useState, type ReactNode } from "react";
import { AlertTriangle } from "lucide-react";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { GPU_FIT_SOURCES, GPU_MODELS, gpuModel, gpusThatFit } from "@/lib/domain/calculators/gpu-fit";
import { GPU_CLOUD_REFERENCE, HOURS_PER_MONTH, TRUE_COST_DEFAULTS, trueCost, type TrueCostFigures } from "@/lib/domain/calculators/true-cost";
import { formatCents, formatNumber } from "@/lib/format";
import { NumberInput } from "./number-input";

type Field = "gpuCount" | "overheadPercent" | "powerUsdPerMwh" | "utilisationPercent";

/** Blank is not zero: it surfaces as "Enter a number." */
function parse(text: string): number {
  return text.trim() === "" ? Number.NaN : Number(text.replace(/,/g, ""));
}

// A typical first cluster: as much of the listing as a megawatt of GPUs would take.
const DEFAULT_CLUSTER_KW = 1000;

/** The listing's price as an effective $/GPU-hour for a cluster the buyer can change; sized for a sidebar. */
export function TrueCost({ priceCentsPerKwMonth, pue, capacityKw }: { priceCentsPerKwMonth: number; pue: number; capacityKw: number }) {
  const id = useId();
  const [modelId, setModelId] = useState<string>(GPU_MODELS[0].id);
  const [edits, setEdits] = useState<Partial<Record<Field, string>>>({});
  const [powerSeparate, setPowerSeparate] = useState(false);
  const model = gpuModel(modelId) ?? GPU_MODELS[0];

  const overheadText = edits.overheadPercent ?? String(model.defaultOverheadPercent);
  const overhead = parse(overheadText);
  // Until the buyer types a count, it follows the model and overhead: whatever fits in the listing, up to a megawatt.
  const fitted = gpusThatFit(Math.min(capacityKw, DEFAULT_CLUSTER_KW), { model: model.id, overheadPercent: Number.isFinite(overhead) ? overhead : undefined });
  const textOf = (field: Field): string =>
    edits[field] ??
    {
      gpuCount: String(fitted || model.gpusPerServer),
      overheadPercent: overheadText,
      powerUsdPerMwh: String(TRUE_COST_DEFAULTS.powerUsdPerMwh.value),
      utilisationPercent: String(TRUE_COST_DEFAULTS.utilisationPercent.value),
    }[field];
  const edit = (field: Field) => (text: string) => setEdits((current) => ({ ...current, [field]: text }));

  const result = trueCost({
    model: model.id,
    gpuCount: parse(textOf("gpuCount")),
    overheadPercent: overhead,
    priceCentsPerKwMonth,
    pue,
    capacityKw,
    power: powerSeparate ? "separate" : "included",
    powerUsdPerMwh: parse(textOf("powerUsdPerMwh")),
    utilisationPercent: parse(textOf("utilisationPercent")),
  });
  const errors: Partial<Record<string, string>> = result.ok ? {} : result.fields;
  const listingFault = errors.priceCentsPerKwMonth ?? errors.pue;

  return (
    <Card className="p-5" role="region" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="font-semibold text-slate-900">What it costs per GPU-hour</h2>
      {listingFault ? (
        <p className="mt-2 text-sm text-slate-600">This listing has no price and PUE to work from yet.</p>
      ) : result.ok ? (
        <Figures figures={result.figures} capacityKw={capacityKw} />
      ) : (
        <p className="mt-2 rounded-md border border-dashed border-slate-300 bg-slate-50 px-3 py-4 text-sm text-slate-600">
          Check the highlighted figures below; the cost appears once they are in range.
        </p>
      )}

      <details className="mt-4 border-t border-slate-100 pt-3">
        <summary className="cursor-pointer text-sm font-medium text-slate-800 marker:text-slate-400">Change the cluster and assumptions</summary>
        <div className="mt-3 space-y-1">
          <div>
            <label htmlFor={`${id}-model`} className="block text-sm font-medium text-slate-800">GPU model</label>
            <select
              id={`${id}-model`}
              value={model.id}
              onChange={(event) => {
                setModelId(event.target.value);
                // A count and overhead typed for one model mean something else for a rack-scale system.
                setEdits((current) => {
                  const kept = { ...current };
                  delete kept.gpuCount;
                  delete kept.overheadPercent;
                  return kept;
                });
              }}
              className="mt-1.5 block h-10 w-full rounded-md border border-slate-300 bg-white px-3 text-sm text-slate-900 shadow-sm"
            >
              {GPU_MODELS.map((option) => (
                <option key={option.id} value={option.id}>{option.name}</option>
              ))}
            </select>
            <p className="min-h-5 pt-0.5 text-xs leading-4 text-slate-500">{model.source}</p>
          </div>
          <div className="grid grid-cols-2 gap-x-3">
            <NumberInput id={`${id}-count`} label="GPUs" value={textOf("gpuCount")} error={errors.gpuCount} onChange={edit("gpuCount")} />
            <NumberInput id={`${id}-overhead`} label="Overhead" unit="%" spokenUnit="percent for servers and network" value={textOf("overheadPercent")} error={errors.overheadPercent} onChange={edit("overheadPercent")} />
          </div>
          <label className="flex items-start gap-2 text-sm text-slate-800">
            <input type="checkbox" checked={powerSeparate} onChange={(event) => setPowerSeparate(event.target.checked)} className="mt-0.5 h-4 w-4 rounded border-slate-300" />
            <span>Power is billed separately <span className="block text-xs text-slate-500">As some interruptible and mining-style hosts do.</span></span>
          </label>
          {powerSeparate && (
            <div className="grid grid-cols-2 gap-x-3 pt-2">
              <NumberInput id={`${id}-mwh`} label="Power price" unit="$/MWh" spokenUnit="US dollars per megawatt-hour" value={textOf("powerUsdPerMwh")} error={errors.powerUsdPerMwh} onChange={edit("powerUsdPerMwh")} />
              <NumberInput id={`${id}-draw`} label="Average draw" unit="%" spokenUnit="percent of the cluster's peak" value={textOf("utilisationPercent")} error={errors.utilisationPercent} onChange={edit("utilisationPercent")} />
            </div>
          )}
          <ul className="space-y-1 pt-1 text-xs leading-relaxed text-slate-600">
            <li>Price is per kW of IT capacity a month, {powerSeparate ? `plus power at PUE ${pue.toFixed(2)} on the average draw` : `power and cooling included, so the PUE (${pue.toFixed(2)}) is already in it`}; a month is {HOURS_PER_MONTH} hours.</li>
            <li>{model.rackScale ? GPU_FIT_SOURCES.rackScaleOverheadPercent : GPU_FIT_SOURCES.overheadPercent}</li>
            {powerSeparate && <li>{TRUE_COST_DEFAULTS.powerUsdPerMwh.source} {TRUE_COST_DEFAULTS.utilisationPercent.source}</li>}
          </ul>
        </div>
      </details>
    </Card>
  );
}

function Figures({ figures, capacityKw }: { figures: TrueCostFigures; capacityKw: number }) {
  const { cluster } = figures;
  return (
    <>
      <p className="mt-2 tabular-nums" aria-live="polite" aria-atomic="true">
        <span className="text-3xl font-semibold tracking-tight text-slate-900">{formatCents(figures.centsPerGpuHour, { precise: true })}</span>
        <span className="text-sm text-slate-600"> per GPU-hour</span>
      </p>
      <p className="mt-1 text-sm tabular-nums text-slate-600">
        {formatNumber(cluster.gpuCount)} × {cluster.model.shortName}, {formatNumber(figures.reservedKw)} kW reserved:{" "}
        <span className="font-medium text-slate-800">{formatCents(figures.monthlyCents)}</span> a month
        {figures.powerCents > 0 && <> incl. {formatCents(figures.powerCents)} power</>}.
      </p>
      {figures.exceedsCapacity && (
        <p className="mt-3 flex gap-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          <AlertTriangle className="mt-0.5 h-4 w-4 shrink-0" aria-hidden="true" />
          <span>This cluster needs {formatNumber(figures.reservedKw)} kW; the listing offers {formatNumber(capacityKw)} kW.</span>
        </p>
      )}
      <CloudComparison figures={figures} />
      <p className="mt-3 text-xs leading-relaxed text-slate-600">
        <strong className="font-medium text-slate-800">Power, cooling and space only, not the GPUs.</strong> A cloud GPU-hour also pays for the
        GPU, its server and network.
      </p>
      <p className="mt-1 text-xs text-slate-500">{GPU_CLOUD_REFERENCE.source}</p>
    </>
  );
}

/** "5–10 %" of the cloud price, or "1.3–2.5×" it; whole percents unless the share is tiny. */
function shareRange(low: number, high: number): string {
  if (high >= 1) return `${formatNumber(low)}–${formatNumber(high)}×`;
  const percent = (share: number) => (share >= 0.01 ? formatNumber(Math.round(share * 100)) : formatNumber(share * 100));
  return `${percent(low)}–${percent(high)} %`;
}

/** Two bars on one dollar scale: this listing's GPU-hour against the cloud's range. */
function CloudComparison({ figures }: { figures: TrueCostFigures }) {
  const { lowCentsPerGpuHour: low, highCentsPerGpuHour: high, model } = GPU_CLOUD_REFERENCE;
  const top = Math.max(high, figures.centsPerGpuHour) * 1.05;
  const at = (cents: number) => `${(cents / top) * 100}%`;
  const cheaper = figures.shareOfCloud.low < 1;
  // The share of the dearer cloud price is the smaller one: it leads the range.
  const range = shareRange(figures.shareOfCloud.high, figures.shareOfCloud.low);
  const text = cheaper ? `About ${range} of a cloud ${model}-hour.` : `As much as a cloud ${model}-hour or more: ${range} of it.`;
  return (
    <figure className="mt-4">
      <figcaption className={cn("text-sm font-medium", cheaper ? "text-emerald-800" : "text-amber-900")}>
        {text}
        <span className="sr-only">
          {" "}Here {formatCents(figures.centsPerGpuHour, { precise: true })}, a cloud {model} {formatCents(low)} to {formatCents(high)} per GPU-hour.
        </span>
      </figcaption>
      <div className="mt-2 space-y-1.5 text-xs text-slate-600" aria-hidden="true">
        <Bar label="Here" value={formatCents(figures.centsPerGpuHour, { precise: true })}>
          <span className="absolute inset-y-0 left-0 rounded-sm bg-ink-900" style={{ width: `max(2px, ${at(figures.centsPerGpuHour)})` }} />
        </Bar>
        <Bar label={`Cloud ${model}`} value={`${formatCents(low)}–${formatCents(high)}`}>
          <span className="absolute inset-y-0 left-0 rounded-l-sm bg-slate-300" style={{ width: at(low) }} />
          <span className="absolute inset-y-0 rounded-r-sm bg-[repeating-linear-gradient(135deg,var(--color-slate-300)_0_3px,transparent_3px_6px)]" style={{ left: at(low), width: `calc(${at(high)} - ${at(low)})` }} />
        </Bar>
      </div>
    </figure>
  );
}

function Bar({ label, value, children }: { label: string; value: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[4.5rem_minmax(0,1fr)_3.75rem] items-center gap-2">
      <span className="truncate">{label}</span>
      <span className="relative h-3 rounded-sm bg-slate-100">{children}</span>
      <span className="text-right tabular-nums text-slate-800">{value}</span>
    </div>
  );
}

