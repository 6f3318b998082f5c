"use client";
// Deposits captured and the platform's fees per UTC month, in US dollars.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { MoneyMonth } from "@/db/queries/market-metrics";
import { formatCents, formatCompactUsd, formatLongMonth, formatShortMonth } from "@/lib/format";
import { AXIS_LABEL, AXIS_TICK, MetricsFigure } from "./metrics-figure";

const SERIES = [
  { key: "captured", name: "Deposits captured", fill: "#1b2640" },
  { key: "fees", name: "Platform fees", fill: "#059669" },
] as const;

export function MetricsMoneyChart({ months }: { months: MoneyMonth[] }) {
  // Dollars, not cents, so the axis and tooltip read in the unit people think in.
  const rows = months.map((m) => ({ month: m.month, captured: m.depositsCapturedCents / 100, fees: m.platformFeeCents / 100 }));
  const captured = months.reduce((sum, m) => sum + m.depositsCapturedCents, 0);
  const fees = months.reduce((sum, m) => sum + m.platformFeeCents, 0);
  const best = months.reduce<MoneyMonth | null>((b, m) => (!b || m.depositsCapturedCents > b.depositsCapturedCents ? m : b), null);
  const summary =
    captured === 0
      ? "No deposits were captured in these months."
      : `${formatCents(captured)} in deposits captured and ${formatCents(fees)} in platform fees over ${months.length} months. Best month: ${formatLongMonth(best!.month)} (${formatCents(best!.depositsCapturedCents)}).`;
  return (
    <MetricsFigure
      title="Deposits captured and platform fees by month"
      summary={summary}
      height={288}
      table={{
        caption: "Deposits captured and platform fees by month (UTC), in US dollars",
        columns: ["Month", "Deposits captured", "Platform fees"],
        rows: months.map((m) => ({ key: m.month, cells: [formatLongMonth(m.month), formatCents(m.depositsCapturedCents, { precise: true }), formatCents(m.platformFeeCents, { precise: true })] })),
      }}
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 20, left: 8 }} accessibilityLayer={false}>
          <CartesianGrid stroke="#e2e8f0" vertical={false} />
          <XAxis dataKey="month" tickFormatter={formatShortMonth} tick={AXIS_TICK} minTickGap={16} label={{ value: "Month (UTC)", position: "insideBottom", offset: -12, ...AXIS_LABEL }} />
          <YAxis tickFormatter={formatCompactUsd} tick={AXIS_TICK} width={64} label={{ value: "USD", angle: -90, position: "insideLeft", ...AXIS_LABEL }} />
          <Tooltip formatter={(value) => formatCents(Math.round(Number(value) * 100), { precise: true })} labelFormatter={(month) => (typeof month === "string" ? formatLongMonth(month) : month)} />
          <Legend verticalAlign="top" height={28} itemSorter={null} formatter={(name) => <span style={{ color: "#334155", fontSize: 12 }}>{name}</span>} />
          {SERIES.map((s) => (
            <Bar key={s.key} dataKey={s.key} name={s.name} fill={s.fill} radius={[2, 2, 0, 0]} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </MetricsFigure>
  );
}
