"use client";
// MW listed and MW booked per UTC month.
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { CapacityMonth } from "@/db/queries/market-metrics";
import { formatLongMonth, formatNumber, formatShortMonth } from "@/lib/format";
import { AXIS_LABEL, AXIS_TICK, MetricsFigure } from "./metrics-figure";

const SERIES = [
  { key: "listedMw", name: "MW listed", stroke: "#1b2640", dash: undefined },
  { key: "bookedMw", name: "MW booked", stroke: "#059669", dash: "6 3" },
] as const;

const mw = (value: number) => `${formatNumber(value)} MW`;

export function MetricsCapacityChart({ months }: { months: CapacityMonth[] }) {
  const last = months.at(-1);
  const first = months[0];
  const peakBooked = months.reduce<CapacityMonth | null>((best, m) => (!best || m.bookedMw > best.bookedMw ? m : best), null);
  const summary =
    first && last
      ? `${mw(last.listedMw)} listed and ${mw(last.bookedMw)} booked in ${formatLongMonth(last.month)}, against ${mw(first.listedMw)} listed in ${formatLongMonth(first.month)}.` +
        (peakBooked && peakBooked.bookedMw > 0 ? ` Most booked: ${mw(peakBooked.bookedMw)} in ${formatLongMonth(peakBooked.month)}.` : " Nothing booked in this period.")
      : "No months to show.";
  return (
    <MetricsFigure
      title="MW listed and booked by month"
      summary={summary}
      height={288}
      table={{ caption: "MW listed and booked by month (UTC)", columns: ["Month", "MW listed", "MW booked"], rows: months.map((m) => ({ key: m.month, cells: [formatLongMonth(m.month), formatNumber(m.listedMw), formatNumber(m.bookedMw)] })) }}
    >
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={months} margin={{ top: 8, right: 12, bottom: 20, left: 8 }} accessibilityLayer={false}>
          <CartesianGrid stroke="#e2e8f0" vertical={false} />
          <XAxis dataKey="month" tickFormatter={formatShortMonth} tick={AXIS_TICK} minTickGap={16} label={{ value: "Month (UTC)", position: "insideBottom", offset: -12, ...AXIS_LABEL }} />
          <YAxis tickFormatter={(v: number) => formatNumber(v)} tick={AXIS_TICK} width={56} label={{ value: "MW", angle: -90, position: "insideLeft", ...AXIS_LABEL }} />
          <Tooltip formatter={(value) => mw(Number(value))} labelFormatter={(month) => (typeof month === "string" ? formatLongMonth(month) : month)} />
          <Legend verticalAlign="top" height={28} itemSorter={null} formatter={(name) => <span style={{ color: "#334155", fontSize: 12 }}>{name}</span>} />
          {SERIES.map((s) => (
            <Line key={s.key} type="monotone" dataKey={s.key} name={s.name} stroke={s.stroke} strokeWidth={2} strokeDasharray={s.dash} dot={{ r: 3 }} isAnimationActive={false} />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </MetricsFigure>
  );
}
