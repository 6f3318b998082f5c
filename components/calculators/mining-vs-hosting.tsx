"use client";

import { NumberInput } from "./number-input";
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { RotateCcw, Scale } from "lucide-react";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import {
  compareMiningVsHosting,
  HOSTING_PRICE_REFERENCES,
  MINING_VS_HOSTING_DEFAULTS,
  MINING_VS_HOSTING_LIMITS,
  type MiningAssumptions,
  type MiningVsHostingFigures,
} from "@/lib/domain/calculators/mining-vs-hosting";
import { formatCents, formatNumber } from "@/lib/format";

type Assumption = keyof MiningAssumptions;

const INPUTS: { field: Assumption; label: string; unit: string; spoken: string }[] = [
  { field: "hashpriceUsdPerPhDay", label: "Hashprice", unit: "$/PH/day", spoken: "US dollars per PH/s per day" },
  { field: "efficiencyJPerTh", label: "Fleet efficiency", unit: "J/TH", spoken: "joules per terahash" },
  { field: "powerCostUsdPerMwh", label: "Power price", unit: "$/MWh", spoken: "US dollars per megawatt-hour" },
  { field: "uptimePercent", label: "Mining uptime", unit: "%", spoken: "percent of hours, after curtailment" },
  { field: "poolFeePercent", label: "Pool fee", unit: "%", spoken: "percent" },
  { field: "hostingUtilisationPercent", label: "Tenant's draw", unit: "% of kW", spoken: "percent of the contracted kW" },
  { field: "pue", label: "PUE", unit: "×", spoken: "facility power per unit of IT power" },
];

/** Parses what the miner typed; blank is not zero, so it surfaces as "Enter a number." */
function parse(text: string): number {
  return text.trim() === "" ? Number.NaN : Number(text);
}

/** What one MW earns a month mining against hosting at `priceCentsPerKwMonth`, recomputed as the miner types. */
export function MiningVsHosting({ priceCentsPerKwMonth, pue }: { priceCentsPerKwMonth: number | null; pue?: number }) {
  const id = useId();
  // Only edited fields are kept, so an untouched PUE follows the site chosen in the listing form.
  const [edits, setEdits] = useState<Partial<Record<Assumption, string>>>({});
  const defaultText = (field: Assumption) => String(field === "pue" && pue !== undefined ? pue : MINING_VS_HOSTING_DEFAULTS[field].value);
  const textOf = (field: Assumption) => edits[field] ?? defaultText(field);

  const assumptions = Object.fromEntries(INPUTS.map(({ field }) => [field, parse(textOf(field))])) as MiningAssumptions;
  const result = compareMiningVsHosting({ ...assumptions, hostingPriceCentsPerKwMonth: priceCentsPerKwMonth ?? 0 });
  const errors = result.ok ? {} : result.fields;
  const sources = INPUTS.map(({ field, label }) => ({
    label,
    source: field === "pue" && pue !== undefined ? `This site's PUE (${pue}); ASIC efficiency is measured at the wall.` : MINING_VS_HOSTING_DEFAULTS[field].source,
  }));

  return (
    <Card className="overflow-hidden" aria-labelledby={`${id}-title`} role="region">
      <div className="border-b border-slate-200 px-5 py-4">
        <h2 id={`${id}-title`} className="font-semibold text-slate-900">Mining vs. hosting</h2>
        <p className="mt-0.5 text-sm text-slate-600">What one MW earns in a 30.4-day month mining Bitcoin, against hosting an AI tenant at this price.</p>
      </div>
      <div className="grid lg:grid-cols-[minmax(0,5fr)_minmax(0,7fr)]">
        <div className="border-b border-slate-200 p-5 lg:border-b-0 lg:border-r">
          <div className="grid grid-cols-2 gap-x-4 gap-y-1">
            {INPUTS.map(({ field, label, unit, spoken }) => (
              <NumberInput
                key={field}
                id={`${id}-${field}`}
                label={label}
                spokenUnit={spoken}
                unit={unit}
                value={textOf(field)}
                error={errors[field]}
                onChange={(text) => setEdits((current) => ({ ...current, [field]: text }))}
              />
            ))}
            <div className="flex items-start pt-7">
              <button
                type="button"
                onClick={() => setEdits({})}
                disabled={Object.keys(edits).length === 0}
                aria-label="Reset to defaults"
                className="inline-flex h-10 items-center gap-1.5 whitespace-nowrap rounded-md px-2 text-sm text-slate-700 hover:bg-slate-100 hover:text-slate-900 disabled:cursor-not-allowed disabled:text-slate-400 disabled:hover:bg-transparent"
              >
                <RotateCcw className="h-4 w-4" aria-hidden="true" /> Reset<span className="hidden sm:inline"> to defaults</span>
              </button>
            </div>
          </div>
          <div className="mt-4 border-t border-slate-100 pt-4">
            <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Defaults and their sources</h3>
            <ul className="mt-2 space-y-1 text-xs leading-relaxed text-slate-600">
              {sources.map(({ label, source }) => (
                <li key={label}>
                  <span className="font-medium text-slate-700">{label}:</span> {source}
                </li>
              ))}
            </ul>
          </div>
        </div>
        <div className="flex min-h-[34rem] flex-col p-5">
          {priceCentsPerKwMonth === null ? (
            <NoPrice mining={result.ok ? result.figures : null} />
          ) : errors.hostingPriceCentsPerKwMonth ? (
            <Centered title="This price is outside the calculator's range">
              Prices from {formatCents(MINING_VS_HOSTING_LIMITS.hostingPriceCentsPerKwMonth.min)} to{" "}
              {formatCents(MINING_VS_HOSTING_LIMITS.hostingPriceCentsPerKwMonth.max)} per kW-month, in whole cents, can be compared.
            </Centered>
          ) : result.ok ? (
            <Results figures={result.figures} chartId={`${id}-chart`} />
          ) : (
            <Centered title="Check the highlighted figures">The comparison updates as soon as every figure is in range.</Centered>
          )}
        </div>
      </div>
    </Card>
  );
}

function Centered({ title, icon, children }: { title: string; icon?: ReactNode; children: ReactNode }) {
  return (
    <div className="flex flex-1 flex-col items-center justify-center rounded-lg border border-dashed border-slate-300 bg-slate-50 px-6 py-10 text-center">
      {icon && <div className="mb-3 text-slate-400" aria-hidden="true">{icon}</div>}
      <h3 className="font-semibold text-slate-900">{title}</h3>
      <div className="mt-1 max-w-sm text-sm text-slate-600">{children}</div>
    </div>
  );
}

function NoPrice({ mining }: { mining: MiningVsHostingFigures | null }) {
  return (
    <Centered title="Enter a price to compare" icon={<Scale className="h-8 w-8" />}>
      <p>Set a price per kW-month and this shows what a MW earns hosting an AI tenant against mining it.</p>
      {mining && (
        <p className="mt-3 tabular-nums">
          At these figures mining nets <strong className="text-slate-900">{formatCents(mining.mining.netCents)}</strong> per MW-month
          {mining.breakEvenPriceCentsPerKwMonth !== null && (
            <>
              ; hosting pays more above <strong className="text-slate-900">{formatCents(mining.breakEvenPriceCentsPerKwMonth, { precise: true })}</strong> per
              kW-month
            </>
          )}
          .
        </p>
      )}
      <p className="mt-3 text-xs text-slate-500">
        For reference: {HOSTING_PRICE_REFERENCES.map((reference) => reference.source).join(" ")}
      </p>
    </Centered>
  );
}

function Results({ figures, chartId }: { figures: MiningVsHostingFigures; chartId: string }) {
  const advantage = figures.hostingAdvantageCents;
  const verdict =
    advantage === 0
      ? "Mining and hosting earn the same per MW-month."
      : `${advantage > 0 ? "Hosting" : "Mining"} earns ${formatCents(Math.abs(advantage))} more per MW-month.`;
  return (
    <div className="flex flex-1 flex-col gap-4">
      <div className="grid gap-3 sm:grid-cols-2">
        <OptionFigure
          name="Mining"
          swatch="bg-volt-500 ring-volt-700"
          detail={`${formatNumber(figures.hashratePhPerS)} PH/s per MW`}
          option={figures.mining}
        />
        <OptionFigure
          name="Hosting"
          swatch="bg-ink-900 ring-ink-900"
          detail={`${formatCents(figures.input.hostingPriceCentsPerKwMonth, { precise: true })} per kW-month`}
          option={figures.hosting}
        />
      </div>
      <p
        aria-live="polite"
        aria-atomic="true"
        className={cn(
          "rounded-lg px-4 py-3 text-sm font-semibold tabular-nums",
          advantage >= 0 ? "bg-emerald-50 text-emerald-900" : "bg-volt-50 text-volt-700",
        )}
      >
        {verdict}
      </p>
      <dl className="grid gap-3 sm:grid-cols-2">
        <BreakEven
          label="Break-even hashprice"
          value={figures.breakEvenHashpriceCentsPerPhDay === null ? "None" : `${formatCents(figures.breakEvenHashpriceCentsPerPhDay, { precise: true })}/PH/day`}
          note={figures.breakEvenHashpriceCentsPerPhDay === null ? "Mining earns more at any hashprice." : "Mining pays more above this hashprice."}
        />
        <BreakEven
          label="Break-even hosting price"
          value={figures.breakEvenPriceCentsPerKwMonth === null ? "None" : `${formatCents(figures.breakEvenPriceCentsPerKwMonth, { precise: true })}/kW-mo`}
          note={figures.breakEvenPriceCentsPerKwMonth === null ? "Hosting earns more at any price." : "Hosting pays more above this price."}
        />
      </dl>
      <ComparisonChart figures={figures} id={chartId} />
    </div>
  );
}

function OptionFigure({ name, swatch, detail, option }: { name: string; swatch: string; detail: string; option: MiningVsHostingFigures["mining"] }) {
  return (
    <div className="rounded-lg border border-slate-200 p-4">
      <p className="flex items-center gap-2 text-sm font-medium text-slate-700">
        <span aria-hidden="true" className={cn("h-2.5 w-2.5 rounded-sm ring-1", swatch)} />
        {name}, net per MW-month
      </p>
      <p className={cn("mt-1 text-2xl font-semibold tabular-nums", option.netCents < 0 ? "text-red-700" : "text-slate-900")}>{formatCents(option.netCents)}</p>
      <p className="mt-1 text-xs tabular-nums text-slate-600">
        {formatCents(option.grossCents)} revenue − {formatCents(option.powerCents)} power
      </p>
      <p className="text-xs tabular-nums text-slate-500">{detail}</p>
    </div>
  );
}

function BreakEven({ label, value, note }: { label: string; value: string; note: string }) {
  return (
    <div className="rounded-lg bg-slate-50 px-4 py-3">
      <dt className="text-xs text-slate-600">{label}</dt>
      <dd className="mt-0.5 text-lg font-semibold tabular-nums text-slate-900">{value}</dd>
      <dd className="text-xs text-slate-600">{note}</dd>
    </div>
  );
}

// Formatted by hand: compact Intl notation differs between Node and Chromium ("$0" vs
// "$0.0"), and a mismatch breaks hydration of the whole form around the chart.
const compactUsd = {
  format(dollars: number): string {
    const sign = dollars < 0 ? "-" : "";
    const abs = Math.abs(dollars);
    const [value, unit] = abs >= 1e6 ? [abs / 1e6, "M"] : abs >= 1e3 ? [abs / 1e3, "K"] : [abs, ""];
    const rounded = Math.round(value * 10) / 10;
    return `${sign}$${Number.isInteger(rounded) ? rounded.toFixed(0) : rounded.toFixed(1)}${unit}`;
  },
};
const HEIGHT = 240;
const PLOT = { left: 58, right: 4, top: 22, bottom: 28 };

/** Follows an element's width, so the chart draws at 1:1 and its text stays legible on a phone. */
function useWidth(fallback: number) {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => entry && setWidth(Math.round(entry.contentRect.width)));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width] as const;
}

/** A grouped bar chart in plain SVG with a fixed height, so the layout stays still as the numbers move. */
function ComparisonChart({ figures, id }: { figures: MiningVsHostingFigures; id: string }) {
  const [ref, width] = useWidth(560);
  const groups = [
    { label: "Revenue", mining: figures.mining.grossCents, hosting: figures.hosting.grossCents },
    { label: "Power cost", mining: figures.mining.powerCents, hosting: figures.hosting.powerCents },
    { label: "Net", mining: figures.mining.netCents, hosting: figures.hosting.netCents },
  ];
  const values = groups.flatMap((group) => [group.mining, group.hosting]);
  const { ticks, low, high } = niceScale(Math.min(0, ...values), Math.max(0, ...values));
  const plotHeight = HEIGHT - PLOT.top - PLOT.bottom;
  const y = (cents: number) => PLOT.top + ((high - cents) / (high - low)) * plotHeight;
  const groupWidth = (width - PLOT.left - PLOT.right) / groups.length;
  const barWidth = Math.max(8, Math.min(48, (groupWidth - 16) / 2));
  const labelSize = width < 420 ? "text-[10px]" : "text-[11px]";
  const summary = `Per MW-month. Mining: revenue ${formatCents(figures.mining.grossCents)}, power ${formatCents(figures.mining.powerCents)}, net ${formatCents(figures.mining.netCents)}. Hosting: revenue ${formatCents(figures.hosting.grossCents)}, power ${formatCents(figures.hosting.powerCents)}, net ${formatCents(figures.hosting.netCents)}.`;

  return (
    <figure className="mt-auto">
      <figcaption className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 text-xs text-slate-600">
        <span className="font-medium text-slate-700">Revenue, power cost and net, USD per MW-month</span>
        <span className="flex gap-3" aria-hidden="true">
          <span className="flex items-center gap-1.5"><span className="h-2.5 w-2.5 rounded-sm bg-volt-500 ring-1 ring-volt-700" /> Mining</span>
          <span className="flex items-center gap-1.5"><span className="h-2.5 w-2.5 rounded-sm bg-ink-900" /> Hosting</span>
        </span>
      </figcaption>
      <div ref={ref} className="mt-2" style={{ height: HEIGHT }}>
        <svg width="100%" height={HEIGHT} viewBox={`0 0 ${width} ${HEIGHT}`} role="img" aria-labelledby={`${id}-title`} aria-describedby={`${id}-summary`} className="block">
          <title id={`${id}-title`}>Bar chart of mining against hosting, USD per MW-month</title>
          <desc id={`${id}-summary`}>{summary}</desc>
          <text transform={`translate(10 ${PLOT.top + plotHeight / 2}) rotate(-90)`} textAnchor="middle" className="fill-slate-500 text-[11px]">
            USD per MW-month
          </text>
          {ticks.map((tick) => (
            <g key={tick}>
              <line x1={PLOT.left} x2={width - PLOT.right} y1={y(tick)} y2={y(tick)} className={tick === 0 ? "stroke-slate-400" : "stroke-slate-200"} />
              <text x={PLOT.left - 6} y={y(tick)} dy="0.32em" textAnchor="end" className="fill-slate-500 text-[11px] tabular-nums">
                {compactUsd.format(tick / 100)}
              </text>
            </g>
          ))}
          {groups.map((group, index) => {
            const center = PLOT.left + groupWidth * (index + 0.5);
            return (
              <g key={group.label}>
                <Bar x={center - barWidth - 3} width={barWidth} cents={group.mining} y={y} labelSize={labelSize} className="fill-volt-500 stroke-volt-700" />
                <Bar x={center + 3} width={barWidth} cents={group.hosting} y={y} labelSize={labelSize} className="fill-ink-900 stroke-ink-900" />
                <text x={center} y={HEIGHT - 8} textAnchor="middle" className="fill-slate-700 text-[12px] font-medium">
                  {group.label}
                </text>
              </g>
            );
          })}
        </svg>
      </div>
    </figure>
  );
}

type BarProps = { x: number; width: number; cents: number; y: (cents: number) => number; labelSize: string; className: string };

function Bar({ x, width, cents, y, labelSize, className }: BarProps) {
  const top = Math.min(y(cents), y(0));
  const height = Math.abs(y(cents) - y(0));
  const labelY = cents >= 0 ? top - 5 : top + height + 13;
  return (
    <>
      <rect x={x} y={top} width={width} height={Math.max(height, 1)} rx={2} className={className} />
      <text x={x + width / 2} y={labelY} textAnchor="middle" className={cn("fill-slate-700 tabular-nums", labelSize)}>
        {compactUsd.format(cents / 100)}
      </text>
    </>
  );
}

/** Round tick steps (1, 2 or 5 × 10ⁿ) covering [low, high], always through zero. */
function niceScale(low: number, high: number): { ticks: number[]; low: number; high: number } {
  const span = high - low || 100;
  const raw = span / 4;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((factor) => factor * magnitude).find((candidate) => candidate >= raw) ?? raw;
  const from = Math.floor(low / step) * step;
  const to = Math.max(Math.ceil(high / step) * step, from + step);
  const ticks: number[] = [];
  for (let tick = from; tick <= to + step / 2; tick += step) ticks.push(Math.round(tick));
  return { ticks, low: from, high: to };
}

/** The calculator with a price field of its own, for the public page where there is no listing yet. */
export function MiningVsHostingExplorer({ initialPriceUsd = "135" }: { initialPriceUsd?: string }) {
  const id = useId();
  const [priceText, setPriceText] = useState(initialPriceUsd);
  const limit = MINING_VS_HOSTING_LIMITS.hostingPriceCentsPerKwMonth;
  const cents = priceText.trim() === "" ? null : Math.round(Number(priceText) * 100);
  const invalid = cents !== null && !(Number.isFinite(cents) && cents >= limit.min && cents <= limit.max);
  const error = invalid ? `Enter a price from ${formatCents(limit.min)} to ${formatCents(limit.max)} per kW-month.` : undefined;

  return (
    <div className="space-y-6">
      <Card className="flex flex-col gap-4 p-5 sm:flex-row sm:items-start">
        <div className="sm:w-64">
          <NumberInput
            id={`${id}-price`}
            label="Hosting price"
            spokenUnit="US dollars per kW per month, all-in"
            unit="$/kW-mo"
            value={priceText}
            error={error}
            onChange={setPriceText}
          />
        </div>
        <div className="sm:pt-7">
          <p className="text-sm text-slate-600">Or try a market price:</p>
          <ul className="mt-2 flex flex-wrap gap-2">
            {HOSTING_PRICE_REFERENCES.map((reference) => {
              const text = String(reference.centsPerKwMonth / 100);
              return (
                <li key={reference.label}>
                  <button
                    type="button"
                    title={reference.source}
                    aria-pressed={priceText === text}
                    onClick={() => setPriceText(text)}
                    className="rounded-full border border-slate-300 bg-white px-3 py-1 text-sm text-slate-700 hover:border-slate-400 hover:text-slate-900 aria-pressed:border-ink-900 aria-pressed:bg-ink-900 aria-pressed:text-white"
                  >
                    {reference.label} · {formatCents(reference.centsPerKwMonth, { precise: reference.centsPerKwMonth % 100 !== 0 })}
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
      </Card>
      <MiningVsHosting priceCentsPerKwMonth={invalid ? null : cents} />
    </div>
  );
}
