"use client";
// Booked kW of one listing per day (or per bucket of days) by booking state, against its capacity.
import { Bar, BarChart, CartesianGrid, Legend, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { ListingOccupancy, OccupancyPoint } from "@/db/queries/miner-dashboard";
import { formatKw, formatNumber, formatUtcDate } from "@/lib/format";

// Fills from Tailwind's emerald/amber/slate; the darker outlines keep each segment at 3:1 or
// more against the white plot, and the legend and table carry the same facts without colour.
const SERIES = [
  { key: "firmKw", name: "Confirmed or active", fill: "#059669", stroke: "#065f46" },
  { key: "awaitingKw", name: "Awaiting your answer", fill: "#f59e0b", stroke: "#b45309" },
  { key: "pendingKw", name: "Held, deposit not yet paid", fill: "#94a3b8", stroke: "#475569" },
] as const;

const DAY_MS = 86_400_000;
/** Fixed: recharts draws only in the browser, and the reserved height keeps the page from jumping when it does. */
const HEIGHT = 256;
const shortDay = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
const monthYear = new Intl.DateTimeFormat("en-US", { month: "short", year: "numeric", timeZone: "UTC" });
const asDate = (day: string) => new Date(`${day}T00:00:00Z`);
const addDays = (day: string, n: number) => new Date(asDate(day).getTime() + n * DAY_MS).toISOString().slice(0, 10);

type Row = { day: string; firmKw: number; awaitingKw: number; pendingKw: number; totalKw: number };

function toRow(p: OccupancyPoint): Row {
  const firmKw = p.confirmedKw + p.activeKw;
  return { day: p.day, firmKw, awaitingKw: p.awaitingKw, pendingKw: p.pendingKw, totalKw: firmKw + p.awaitingKw + p.pendingKw };
}

/** Consecutive points with the same figures, merged into one span for the data table. */
function spans(rows: Row[], bucketDays: number, lastDay: string) {
  const out: (Row & { until: string })[] = [];
  for (const row of rows) {
    const until = [addDays(row.day, bucketDays - 1), lastDay].sort()[0]!;
    const prev = out.at(-1);
    if (prev && prev.firmKw === row.firmKw && prev.awaitingKw === row.awaitingKw && prev.pendingKw === row.pendingKw) prev.until = until;
    else out.push({ ...row, until });
  }
  return out;
}

export function OccupancyChart({ listing }: { listing: ListingOccupancy }) {
  const rows = listing.days.map(toRow);
  const peak = rows.reduce<Row | null>((best, r) => (!best || r.totalKw > best.totalKw ? r : best), null);
  const peakKw = peak?.totalKw ?? 0;
  const lastDay = addDays(listing.availableUntil, -1);
  const period = (day: string) =>
    listing.bucketDays === 1 ? formatUtcDate(asDate(day)) : `the ${listing.bucketDays} days from ${formatUtcDate(asDate(day))}`;
  const share = Math.round((peakKw / listing.capacityKw) * 100);
  const summary =
    peakKw === 0
      ? `No capacity of ${listing.title} is booked or held between ${formatUtcDate(asDate(listing.availableFrom))} and ${formatUtcDate(asDate(lastDay))}.`
      : `Peak booked or held: ${formatKw(peakKw)} of ${formatKw(listing.capacityKw)} (${share} %), on ${listing.bucketDays === 1 ? "" : "the busiest day of "}${period(peak!.day)}.`;
  const longWindow = Date.parse(listing.availableUntil) - Date.parse(listing.availableFrom) > 180 * DAY_MS;

  return (
    <figure className="space-y-2">
      <div role="img" aria-label={`Occupancy chart of ${listing.title}. ${summary}`} className="w-full" style={{ height: HEIGHT }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={rows} margin={{ top: 16, right: 8, bottom: 20, left: 8 }} barCategoryGap={1} accessibilityLayer={false}>
            <CartesianGrid stroke="#e2e8f0" vertical={false} />
            <XAxis
              dataKey="day"
              tickFormatter={(day: string) => (longWindow ? monthYear : shortDay).format(asDate(day))}
              minTickGap={24}
              tick={{ fill: "#475569", fontSize: 12 }}
              label={{ value: listing.bucketDays === 1 ? "Day (UTC)" : `Periods of ${listing.bucketDays} days (UTC), busiest day shown`, position: "insideBottom", offset: -12, fill: "#475569", fontSize: 12 }}
            />
            <YAxis
              domain={[0, "auto"]}
              tickFormatter={(kw: number) => formatNumber(kw)}
              tick={{ fill: "#475569", fontSize: 12 }}
              width={64}
              label={{ value: "Booked kW", angle: -90, position: "insideLeft", fill: "#475569", fontSize: 12 }}
            />
            <Tooltip
              formatter={(value) => `${formatNumber(Number(value))} kW`}
              labelFormatter={(day) => (typeof day === "string" ? period(day) : day)}
            />
            <Legend verticalAlign="top" height={28} itemSorter={null} formatter={(name) => <span style={{ color: "#334155", fontSize: 12 }}>{name}</span>} />
            {SERIES.map((s) => (
              <Bar key={s.key} dataKey={s.key} name={s.name} stackId="kw" fill={s.fill} stroke={s.stroke} strokeWidth={0.5} isAnimationActive={false} />
            ))}
            <ReferenceLine
              y={listing.capacityKw}
              stroke="#111a2e"
              strokeDasharray="6 4"
              ifOverflow="extendDomain"
              label={{ value: `Capacity ${formatKw(listing.capacityKw)}`, position: "insideTopRight", fill: "#111a2e", fontSize: 12 }}
            />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="text-sm text-slate-600">{summary}</figcaption>
      <details className="text-sm">
        <summary className="cursor-pointer text-slate-700 hover:text-slate-900">Show the figures as a table</summary>
        <div className="mt-2 max-h-64 overflow-y-auto">
          <table className="w-full text-left tabular-nums">
            <caption className="sr-only">Booked kW of {listing.title} by period, in UTC days</caption>
            <thead className="text-slate-600">
              <tr>
                <th scope="col" className="py-1 pr-3 font-medium">Dates</th>
                {SERIES.map((s) => (
                  <th key={s.key} scope="col" className="py-1 pr-3 text-right font-medium">
                    {s.name} (kW)
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {spans(rows, listing.bucketDays, lastDay).map((s) => (
                <tr key={s.day}>
                  <th scope="row" className="whitespace-nowrap py-1 pr-3 font-normal">
                    {s.day === s.until ? s.day : `${s.day} – ${s.until}`}
                  </th>
                  <td className="py-1 pr-3 text-right">{formatNumber(s.firmKw)}</td>
                  <td className="py-1 pr-3 text-right">{formatNumber(s.awaitingKw)}</td>
                  <td className="py-1 pr-3 text-right">{formatNumber(s.pendingKw)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {listing.bucketDays > 1 && (
            <p className="mt-1 text-xs text-slate-600">Each period shows its busiest day; merged rows share the same figures.</p>
          )}
        </div>
      </details>
    </figure>
  );
}
