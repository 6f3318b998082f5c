"use client";
// Horizontal bars for a handful of named categories (states, statuses, countries, cooling types).
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatCents, formatNumber } from "@/lib/format";
import { AXIS_LABEL, AXIS_TICK, MetricsFigure } from "./metrics-figure";

/** `value` is a count, or cents when the chart's kind is "cents" (drawn in dollars). */
export type BarListRow = { key: string; label: string; value: number; /** Shown in the table after the value, e.g. "3 listings". */ note?: string };

// Plain data, not a formatter function: the page is a server component and functions do not cross to the client.
const FORMATS = {
  count: { table: (v: number) => formatNumber(v), axis: (v: number) => formatNumber(v), scale: 1 },
  cents: { table: (v: number) => formatCents(v), axis: (usd: number) => `$${formatNumber(usd)}`, scale: 100 },
} as const;

type Props = {
  title: string;
  summary: string;
  rows: BarListRow[];
  /** The categories' name in the table's first column, e.g. "State". */
  categoryColumn: string;
  /** The value axis' label with its unit, e.g. "Bookings" or "USD per kW-month". */
  axisLabel: string;
  kind: keyof typeof FORMATS;
  noteColumn?: string;
  fill?: string;
};

export function MetricsBarListChart({ title, summary, rows, categoryColumn, axisLabel, kind, noteColumn, fill = "#1b2640" }: Props) {
  const format = FORMATS[kind];
  const height = Math.max(160, rows.length * 30 + 56);
  const data = rows.map((r) => ({ label: r.label, value: r.value / format.scale }));
  return (
    <MetricsFigure
      title={title}
      summary={summary}
      height={height}
      table={{
        caption: `${title} (${axisLabel})`,
        columns: noteColumn ? [categoryColumn, axisLabel, noteColumn] : [categoryColumn, axisLabel],
        rows: rows.map((r) => ({ key: r.key, cells: noteColumn ? [r.label, format.table(r.value), r.note ?? ""] : [r.label, format.table(r.value)] })),
      }}
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 24, left: 8 }} accessibilityLayer={false}>
          <CartesianGrid stroke="#e2e8f0" horizontal={false} />
          <XAxis type="number" tickFormatter={format.axis} tick={AXIS_TICK} allowDecimals={false} label={{ value: axisLabel, position: "insideBottom", offset: -14, ...AXIS_LABEL }} />
          <YAxis type="category" dataKey="label" tick={AXIS_TICK} width={128} interval={0} />
          <Tooltip formatter={(value) => format.table(Number(value) * format.scale)} cursor={{ fill: "#f1f5f9" }} />
          <Bar dataKey="value" name={axisLabel} fill={fill} radius={[0, 2, 2, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </MetricsFigure>
  );
}
