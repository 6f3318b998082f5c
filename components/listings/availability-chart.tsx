import type { Span } from "@/lib/domain/availability";
import { daysBetween } from "@/lib/domain/days";
import { formatKw } from "@/lib/format";
import { formatDay } from "./format";

const W = 640;
const H = 180;
const PAD = { left: 56, right: 8, top: 12, bottom: 28 };

/**
 * Free kW across the window as a step chart (server-rendered SVG: no script, no layout
 * jump). The table below it carries the same numbers as text.
 */
export function AvailabilityChart({ spans, capacityKw }: { spans: Span[]; capacityKw: number }) {
  if (spans.length === 0) return null;
  const start = spans[0]!.from;
  const end = spans.at(-1)!.to;
  const totalDays = Math.max(1, daysBetween(start, end));
  const x = (day: string) => PAD.left + (daysBetween(start, day) / totalDays) * (W - PAD.left - PAD.right);
  const y = (kw: number) => PAD.top + (1 - kw / capacityKw) * (H - PAD.top - PAD.bottom);
  const path = spans.map((s, i) => `${i === 0 ? "M" : "L"}${x(s.from).toFixed(1)},${y(s.freeKw).toFixed(1)} L${x(s.to).toFixed(1)},${y(s.freeKw).toFixed(1)}`).join(" ");
  const area = `${path} L${x(end).toFixed(1)},${y(0).toFixed(1)} L${x(start).toFixed(1)},${y(0).toFixed(1)} Z`;
  const least = spans.reduce((min, s) => (s.freeKw < min.freeKw ? s : min), spans[0]!);
  const summary = `Free capacity from ${formatDay(start)} to ${formatDay(end)}: at least ${formatKw(least.freeKw)} of ${formatKw(capacityKw)} on every day; the least is free from ${formatDay(least.from)}.`;
  const ticks = [0, 0.5, 1].map((f) => Math.round(capacityKw * f));
  return (
    <figure className="mb-4">
      <svg viewBox={`0 0 ${W} ${H}`} className="h-auto w-full" role="img" aria-label={summary}>
        {ticks.map((kw) => (
          <g key={kw}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(kw)} y2={y(kw)} className="stroke-slate-200" />
            <text x={PAD.left - 6} y={y(kw) + 4} textAnchor="end" className="fill-slate-600 text-[11px]">
              {formatKw(kw)}
            </text>
          </g>
        ))}
        <path d={area} className="fill-emerald-100" />
        <path d={path} fill="none" className="stroke-emerald-700" strokeWidth={2} />
        <text x={PAD.left} y={H - 8} className="fill-slate-600 text-[11px]">
          {formatDay(start)}
        </text>
        <text x={W - PAD.right} y={H - 8} textAnchor="end" className="fill-slate-600 text-[11px]">
          {formatDay(end)}
        </text>
        <text x={12} y={PAD.top + (H - PAD.top - PAD.bottom) / 2} transform={`rotate(-90 12 ${PAD.top + (H - PAD.top - PAD.bottom) / 2})`} textAnchor="middle" className="fill-slate-600 text-[11px]">
          Free kW
        </text>
      </svg>
      <figcaption className="mt-1 text-xs text-slate-600">{summary}</figcaption>
    </figure>
  );
}
