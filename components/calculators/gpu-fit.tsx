"use client";

import { NumberInput } from "./number-input";
import { useId, useState, type ReactNode } from "react";
import { ArrowRight, RotateCcw, Search } from "lucide-react";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import {
  fitGpus,
  formatKwPerRack,
  GPU_FIT_DEFAULTS,
  GPU_FIT_SOURCES,
  GPU_MODELS,
  gpuModel,
  MAX_AIR_KW_PER_RACK,
  searchHrefFor,
  windowErrors,
  type Cooling,
  type CoolingNeed,
  type GpuFitFigures,
  type GpuModel,
} from "@/lib/domain/calculators/gpu-fit";
import { COOLING_LABELS, formatNumber } from "@/lib/format";

type NumberField = "gpuCount" | "overheadPercent" | "serversPerRack" | "targetKwPerRack" | "headroomPercent" | "powerKw" | "gpusPerServer";
type RackMode = "servers" | "density";

/** Blank is not zero: it surfaces as "Enter a number." */
function parse(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  return text.trim() === "" ? Number.NaN : Number(text.replace(/,/g, ""));
}

function defaultsOf(model: GpuModel): Record<NumberField, string> {
  return {
    gpuCount: "1024",
    overheadPercent: String(model.defaultOverheadPercent),
    serversPerRack: String(model.defaultServersPerRack),
    targetKwPerRack: String(MAX_AIR_KW_PER_RACK),
    headroomPercent: String(GPU_FIT_DEFAULTS.headroomPercent),
    powerKw: String(model.powerKw),
    gpusPerServer: String(model.gpusPerServer),
  };
}

const DEFAULT_MODEL = GPU_MODELS[0];

/** GPU model and count → IT kW, racks, rack density, cooling and a search for listings that fit, recomputed as the buyer types. */
export function GpuFit() {
  const id = useId();
  const [modelId, setModelId] = useState<string>(DEFAULT_MODEL.id);
  const [edits, setEdits] = useState<Partial<Record<NumberField, string>>>({});
  const [rackMode, setRackMode] = useState<RackMode>("servers");
  const [dates, setDates] = useState({ from: "", to: "" });
  const model = gpuModel(modelId) ?? DEFAULT_MODEL;
  const textOf = (field: NumberField) => edits[field] ?? defaultsOf(model)[field];
  const edit = (field: NumberField) => (text: string) => setEdits((current) => ({ ...current, [field]: text }));

  function chooseModel(nextId: string) {
    const next = gpuModel(nextId) ?? DEFAULT_MODEL;
    // The GPU's own figures follow the new model; an overhead typed for a server means nothing for a whole rack.
    setEdits((current) => {
      const kept = { ...current };
      delete kept.powerKw;
      delete kept.gpusPerServer;
      delete kept.serversPerRack;
      if (next.rackScale !== model.rackScale) delete kept.overheadPercent;
      return kept;
    });
    setModelId(next.id);
  }

  const result = fitGpus({
    model: model.id,
    gpuCount: parse(textOf("gpuCount"))!,
    powerKw: parse(textOf("powerKw")),
    gpusPerServer: parse(textOf("gpusPerServer")),
    overheadPercent: parse(textOf("overheadPercent")),
    headroomPercent: parse(textOf("headroomPercent")),
    ...(rackMode === "density" ? { targetKwPerRack: parse(textOf("targetKwPerRack")) } : { serversPerRack: parse(textOf("serversPerRack")) }),
  });
  const errors: Partial<Record<string, string>> = result.ok ? {} : result.fields;
  const dateErrors = windowErrors({ from: dates.from || undefined, to: dates.to || undefined });
  const edited = Object.keys(edits).length > 0 || rackMode !== "servers" || modelId !== DEFAULT_MODEL.id;

  const input = (field: NumberField, label: string, unit: string, spoken: string) => (
    <NumberInput id={`${id}-${field}`} label={label} unit={unit} spokenUnit={spoken} value={textOf(field)} error={errors[field]} onChange={edit(field)} />
  );

  return (
    <Card className="overflow-hidden" aria-labelledby={`${id}-title`} role="region">
      <div className="border-b border-slate-200 px-5 py-4">
        <h2 id={`${id}-title`} className="font-semibold text-slate-900">Your cluster</h2>
        <p className="mt-0.5 text-sm text-slate-600">Pick the GPUs and how you rack them; the power, racks and cooling follow as you type.</p>
      </div>
      {/* Phones read inputs, then results, then the assumptions behind them; wide screens put the results beside both. */}
      <div className="grid lg:grid-cols-[minmax(0,5fr)_minmax(0,7fr)] lg:grid-rows-[auto_1fr]">
        <div className="space-y-5 border-b border-slate-200 p-5 lg:col-start-1 lg:row-start-1 lg:border-b-0 lg:border-r lg:pb-0">
          <div>
            <label htmlFor={`${id}-model`} className="block text-sm font-medium text-slate-800">GPU model</label>
            <select
              id={`${id}-model`}
              value={model.id}
              onChange={(event) => chooseModel(event.target.value)}
              className="mt-1.5 block h-10 w-full rounded-md border border-slate-300 bg-white px-3 text-sm text-slate-900 shadow-sm"
            >
              {GPU_MODELS.map((option) => (
                <option key={option.id} value={option.id}>
                  {option.name} · {option.powerUnit === "system" ? `${option.powerKw} kW a rack` : `${option.powerKw} kW a GPU`}
                </option>
              ))}
            </select>
          </div>
          <div className="grid grid-cols-2 gap-x-4">
            {input("gpuCount", "Number of GPUs", "GPUs", "GPUs")}
            {input("overheadPercent", model.rackScale ? "Extra overhead" : "Server + network", "%", "percent added to the GPUs' power")}
          </div>

          <fieldset>
            <legend className="text-sm font-medium text-slate-800">Racks</legend>
            {model.rackScale ? (
              <p className="mt-1.5 rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-600">
                A {model.name} is a rack of its own: {model.gpusPerServer} GPUs in one liquid-cooled system.
              </p>
            ) : (
              <>
                <div className="mt-1.5 inline-flex rounded-md border border-slate-300 p-0.5 text-sm">
                  {(["servers", "density"] as const).map((mode) => (
                    <label key={mode} className="relative">
                      <input
                        type="radio"
                        name={`${id}-rack-mode`}
                        value={mode}
                        checked={rackMode === mode}
                        onChange={() => setRackMode(mode)}
                        className="peer sr-only"
                      />
                      <span className="block cursor-pointer rounded px-3 py-1.5 text-slate-700 peer-checked:bg-ink-900 peer-checked:text-white peer-not-checked:hover:bg-slate-100 peer-not-checked:hover:text-slate-900 peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-sky-600">
                        {mode === "servers" ? "By server count" : "By rack density"}
                      </span>
                    </label>
                  ))}
                </div>
                <div className="mt-3 grid grid-cols-2 gap-x-4">
                  {rackMode === "servers"
                    ? input("serversPerRack", "Servers per rack", "servers", "servers of GPUs in each rack")
                    : input("targetKwPerRack", "Max kW per rack", "kW", "kilowatts a rack at most")}
                  {result.ok && (
                    <p className="self-center pb-5 text-xs tabular-nums text-slate-600">
                      {rackMode === "servers" ? "That is" : `${plural(result.figures.serversPerRack, "server")} fit:`}{" "}
                      {formatNumber(result.figures.serversPerRack * result.figures.gpusPerServer)} GPUs and {formatKwPerRack(result.figures.serversPerRack * result.figures.kwPerServer)} a full rack.
                    </p>
                  )}
                </div>
              </>
            )}
          </fieldset>

          <fieldset>
            <legend className="text-sm font-medium text-slate-800">
              When <span className="font-normal text-slate-500">(optional)</span>
            </legend>
            <div className="mt-1.5 grid grid-cols-2 gap-x-4">
              <DateInput id={`${id}-from`} label="From" value={dates.from} error={dateErrors.from} onChange={(from) => setDates((d) => ({ ...d, from }))} />
              <DateInput id={`${id}-to`} label="Until" value={dates.to} error={dateErrors.to} onChange={(to) => setDates((d) => ({ ...d, to }))} />
            </div>
          </fieldset>
        </div>

        <div className="flex flex-col border-b border-slate-200 p-5 lg:col-start-2 lg:row-span-2 lg:row-start-1 lg:border-b-0">
          {result.ok ? (
            <Results figures={result.figures} href={searchHrefFor(result.figures, dates)} dates={dates} windowInvalid={Object.keys(dateErrors).length > 0} />
          ) : (
            <div className="flex flex-1 flex-col items-center justify-center rounded-lg border border-dashed border-slate-300 bg-slate-50 px-6 py-16 text-center">
              <h3 className="font-semibold text-slate-900">Check the highlighted figures</h3>
              <p className="mt-1 max-w-sm text-sm text-slate-600">The power, racks and cooling appear as soon as every figure is in range.</p>
            </div>
          )}
        </div>

        <div className="p-5 lg:col-start-1 lg:row-start-2 lg:border-r lg:border-slate-200 lg:pt-0">
          <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500 lg:border-t lg:border-slate-100 lg:pt-4">Assumptions and sources</h3>
          <div className="mt-2 grid grid-cols-2 gap-x-4">
            {model.rackScale
              ? input("powerKw", "Rack draw", "kW", "kilowatts for the whole rack")
              : input("powerKw", "Power per GPU", "kW", "kilowatts of board power per GPU")}
            {!model.rackScale && input("gpusPerServer", "GPUs per server", "GPUs", "GPUs in each server")}
            {input("headroomPercent", "Headroom", "%", "percent more capacity than the cluster draws")}
            <div className={cn("flex items-start", !model.rackScale && "pt-7")}>
              <button
                type="button"
                onClick={() => {
                  setEdits({});
                  setRackMode("servers");
                  setModelId(DEFAULT_MODEL.id);
                }}
                disabled={!edited}
                className="inline-flex h-10 items-center gap-1.5 rounded-md px-2 text-sm text-slate-700 hover:bg-slate-100 hover:text-slate-900 disabled:cursor-not-allowed disabled:text-slate-400 disabled:hover:bg-transparent"
              >
                <RotateCcw className="h-4 w-4" aria-hidden="true" /> Reset<span className="hidden sm:inline"> to defaults</span>
              </button>
            </div>
          </div>
          <ul className="mt-1 space-y-1 text-xs leading-relaxed text-slate-600">
            <li><span className="font-medium text-slate-700">{model.rackScale ? "Rack draw" : "Power per GPU"}:</span> {model.source}</li>
            <li><span className="font-medium text-slate-700">Overhead:</span> {model.rackScale ? GPU_FIT_SOURCES.rackScaleOverheadPercent : GPU_FIT_SOURCES.overheadPercent}</li>
            {!model.rackScale && <li><span className="font-medium text-slate-700">Servers per rack:</span> {GPU_FIT_SOURCES.serversPerRack}</li>}
            <li><span className="font-medium text-slate-700">Headroom:</span> {GPU_FIT_SOURCES.headroomPercent}</li>
            <li><span className="font-medium text-slate-700">Cooling:</span> {GPU_FIT_SOURCES.cooling}</li>
          </ul>
        </div>
      </div>
    </Card>
  );
}

const COOLING_BADGE: Record<CoolingNeed["needs"], { label: string; tone: BadgeTone }> = {
  any: { label: "Air is enough", tone: "green" },
  liquid: { label: "Liquid cooling", tone: "blue" },
  air: { label: "Air", tone: "green" },
  hydro: { label: "Hydro cooling", tone: "blue" },
  immersion: { label: "Immersion", tone: "violet" },
  direct_liquid: { label: "Direct liquid", tone: "violet" },
};

function Results({ figures, href, dates, windowInvalid }: { figures: GpuFitFigures; href: string; dates: { from: string; to: string }; windowInvalid: boolean }) {
  const gpusPerRack = figures.serversPerRack * figures.gpusPerServer;
  // Whole servers (or NVL72 racks) can hold more GPUs than asked for.
  const roomFor = figures.servers * figures.gpusPerServer;
  const badge = COOLING_BADGE[figures.cooling.needs];
  const gpuKw = figures.model.rackScale ? figures.servers * figures.powerKw : figures.servers * figures.gpusPerServer * figures.powerKw;
  const summary = `${formatNumber(figures.gpuCount)} ${figures.model.name} GPUs draw ${formatPower(figures.itKw)} in ${plural(figures.racks, "rack")} of ${formatKwPerRack(figures.kwPerRack)}. ${badge.label}.`;

  return (
    <div className="flex flex-1 flex-col gap-5">
      <p className="sr-only" aria-live="polite" aria-atomic="true">{summary}</p>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3">
        <Stat label="IT power" value={formatPower(figures.itKw)} detail={`${plural(figures.servers, figures.model.rackScale ? "system" : "server")} × ${formatKwPrecise(figures.kwPerServer)}`} />
        <Stat label="Racks" value={formatNumber(figures.racks)} detail={`${figures.model.rackScale ? "" : `${plural(figures.serversPerRack, "server")}, `}${gpusPerRack} GPUs each${roomFor > figures.gpuCount ? `; room for ${formatNumber(roomFor)}` : ""}`} />
        <Stat label="Rack density" value={formatKwPerRack(figures.kwPerRack)} detail="in the fullest rack" className="col-span-2 sm:col-span-1" />
      </dl>

      <div className="rounded-lg border border-slate-200 p-4">
        <div className="flex flex-wrap items-center gap-2">
          <h3 className="text-sm font-medium text-slate-700">Cooling it needs</h3>
          <Badge tone={badge.tone}>{badge.label}</Badge>
        </div>
        <p className="mt-1.5 text-sm text-slate-700">{figures.cooling.why}</p>
        <DensityScale kwPerRack={figures.kwPerRack} needs={figures.cooling.needs} />
      </div>

      <div className="rounded-lg bg-ink-900 p-4 text-white">
        <h3 className="text-sm font-medium text-slate-300">The search this runs</h3>
        <ul className="mt-2 flex flex-wrap gap-1.5 text-xs" aria-label="Search filters">
          <Chip>At least {formatNumber(figures.filters.minKw)} kW{!windowInvalid && dates.from && dates.to ? " free throughout" : ""}</Chip>
          <Chip>At least {figures.filters.minDensity} kW a rack</Chip>
          <Chip>{coolingText(figures.cooling.accepts)}</Chip>
          <Chip>{!windowInvalid && dates.from && dates.to ? `${dates.from} to ${dates.to}` : "Any dates"}</Chip>
        </ul>
        {windowInvalid ? (
          <p className="mt-3 text-sm text-volt-200">Fix the dates to search with them.</p>
        ) : (
          <ButtonLink href={href} variant="accent" size="lg" className="mt-4 w-full sm:w-auto">
            <Search className="h-4 w-4" aria-hidden="true" /> Search listings that fit <ArrowRight className="h-4 w-4" aria-hidden="true" />
          </ButtonLink>
        )}
      </div>
      <div className="rounded-lg bg-slate-50 px-4 py-3 text-sm">
        <h3 className="font-medium text-slate-700">Where the kW come from</h3>
        <table className="mt-2 w-full tabular-nums">
          <caption className="sr-only">Power build-up, kW</caption>
          <tbody className="[&_td]:py-0.5 [&_td:last-child]:whitespace-nowrap [&_td:last-child]:pl-3 [&_td:last-child]:text-right [&_th]:py-0.5 [&_th]:text-left [&_th]:font-normal [&_th]:text-slate-600">
            <tr><th scope="row">{figures.model.rackScale ? "Racks at the vendor's figure" : "GPU board power"}</th><td>{formatPower(gpuKw)}</td></tr>
            <tr><th scope="row">{figures.model.rackScale ? "Extra" : "Server and network"} overhead, {formatNumber(figures.overheadPercent)} %</th><td>+ {formatPower(figures.itKw - gpuKw)}</td></tr>
            <tr className="border-t border-slate-200 font-medium"><th scope="row" className="!text-slate-900">IT power</th><td>{formatPower(figures.itKw)}</td></tr>
            <tr><th scope="row">Headroom, {formatNumber(figures.headroomPercent)} %, rounded up to 100 kW</th><td>{formatPower(figures.filters.minKw)}</td></tr>
          </tbody>
        </table>
      </div>

    </div>
  );
}

function coolingText(accepts: Cooling[]): string {
  if (accepts.length === 4) return "Any cooling";
  return accepts.map((cooling) => COOLING_LABELS[cooling]).join(", ");
}

function Chip({ children }: { children: ReactNode }) {
  return <li className="rounded-full bg-white/10 px-2.5 py-1 ring-1 ring-inset ring-white/20">{children}</li>;
}

function Stat({ label, value, detail, className }: { label: string; value: string; detail: string; className?: string }) {
  return (
    <div className={cn("rounded-lg border border-slate-200 p-3", className)}>
      <dt className="text-xs font-medium text-slate-600">{label}</dt>
      <dd className="mt-0.5 text-xl font-semibold tabular-nums tracking-tight text-slate-900">{value}</dd>
      <dd className="text-xs tabular-nums text-slate-500">{detail}</dd>
    </div>
  );
}

/** Where the rack lands against what air can carry: a scale in plain HTML, so it reflows with its card. */
function DensityScale({ kwPerRack, needs }: { kwPerRack: number; needs: CoolingNeed["needs"] }) {
  const top = Math.max(140, Math.ceil((kwPerRack * 1.1) / 20) * 20);
  const at = (kw: number) => `${(kw / top) * 100}%`;
  const ticks = Array.from({ length: Math.floor(top / 20) + 1 }, (_, index) => index * 20).filter((tick) => tick !== 0 && tick % (top > 200 ? 40 : 20) === 0);
  const label = `Rack density ${formatKwPerRack(kwPerRack)} on a scale from 0 to ${top} kW; air carries up to about ${MAX_AIR_KW_PER_RACK} kW, liquid cooling beyond.`;
  return (
    <figure className="mt-4">
      <figcaption className="sr-only">{label}</figcaption>
      <div aria-hidden="true">
        <div className="relative h-5">
          <span
            className={cn("absolute -translate-x-1/2 whitespace-nowrap text-xs font-semibold tabular-nums text-slate-900", kwPerRack / top > 0.85 && "-translate-x-full", kwPerRack / top < 0.1 && "translate-x-0")}
            style={{ left: at(kwPerRack) }}
          >
            {formatKwPerRack(kwPerRack)}
          </span>
        </div>
        <div className="relative flex h-6 overflow-hidden rounded text-[11px] font-medium">
          <div className="flex items-center bg-sky-100 pl-2 text-sky-900" style={{ width: at(MAX_AIR_KW_PER_RACK) }}>Air</div>
          <div className={cn("flex flex-1 items-center pl-2", needs === "any" ? "bg-slate-100 text-slate-600" : "bg-violet-100 text-violet-900")}>
            Liquid
          </div>
          <div className="absolute inset-y-0 w-0.5 -translate-x-1/2 bg-ink-900" style={{ left: at(kwPerRack) }} />
        </div>
        <div className="relative mt-1 h-4 text-[11px] tabular-nums text-slate-500">
          <span className="absolute left-0">0</span>
          {ticks.map((tick) => (
            <span key={tick} className={cn("absolute", tick === top ? "right-0" : "-translate-x-1/2")} style={tick === top ? undefined : { left: at(tick) }}>
              {tick}
            </span>
          ))}
        </div>
        <p className="text-right text-[11px] text-slate-500">kW per rack</p>
      </div>
    </figure>
  );
}

function DateInput(props: { id: string; label: string; value: string; error?: string; onChange: (day: string) => void }) {
  const errorId = `${props.id}-error`;
  return (
    <div>
      <label htmlFor={props.id} className="block text-sm text-slate-700">{props.label}</label>
      <input
        id={props.id}
        type="date"
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? errorId : undefined}
        className={cn("mt-1 block h-10 w-full rounded-md border bg-white px-3 text-sm text-slate-900 shadow-sm", props.error ? "border-red-600" : "border-slate-300")}
      />
      <p id={errorId} className="min-h-5 pt-0.5 text-xs leading-4 text-red-700">{props.error}</p>
    </div>
  );
}

function formatKwPrecise(kw: number): string {
  return `${kw.toLocaleString("en-US", { maximumFractionDigits: 2 })} kW`;
}

function formatPower(kw: number): string {
  return kw >= 10_000 ? `${formatNumber(kw / 1000)} MW` : `${formatNumber(kw)} kW`;
}

function plural(count: number, noun: string): string {
  return `${formatNumber(count)} ${noun}${count === 1 ? "" : "s"}`;
}
