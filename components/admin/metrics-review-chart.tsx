"use client";
// Median hours from a listing's submission to the admin's decision, per UTC month of the decision.
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { ReviewMonth } from "@/db/queries/market-metrics";
import { formatLongMonth, formatNumber, formatShortMonth } from "@/lib/format";
import { AXIS_LABEL, AXIS_TICK, MetricsFigure } from "./metrics-figure";

const hours = (h: number) => `${formatNumber(h)} h`;

export function MetricsReviewChart({ months }: { months: ReviewMonth[] }) {
  const reviewed = months.filter((m) => m.medianHours !== null);
  const total = months.reduce((sum, m) => sum + m.reviewed, 0);
  const last = reviewed.at(-1);
  const slowest = reviewed.reduce<ReviewMonth | null>((s, m) => (!s || m.medianHours! > s.medianHours! ? m : s), null);
  const summary =
    total === 0
      ? "No listings were reviewed in these months."
      : `${total} listings reviewed. Latest median: ${hours(last!.medianHours!)} in ${formatLongMonth(last!.month)}; slowest month: ${formatLongMonth(slowest!.month)} (${hours(slowest!.medianHours!)}).`;
  return (
    <MetricsFigure
      title="Median time to review by month"
      summary={summary}
      height={256}
      table={{
        caption: "Median hours from submission to review, by month of the review (UTC)",
        columns: ["Month", "Median hours", "Reviewed"],
        rows: months.map((m) => ({ key: m.month, cells: [formatLongMonth(m.month), m.medianHours === null ? "—" : formatNumber(m.medianHours), m.reviewed] })),
      }}
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={months} margin={{ top: 8, right: 8, bottom: 20, left: 8 }} accessibilityLayer={false}>
          <CartesianGrid stroke="#e2e8f0" vertical={false} />
          <XAxis dataKey="month" tickFormatter={formatShortMonth} tick={AXIS_TICK} minTickGap={16} label={{ value: "Month of review (UTC)", position: "insideBottom", offset: -12, ...AXIS_LABEL }} />
          <YAxis tickFormatter={(v: number) => formatNumber(v)} tick={AXIS_TICK} width={56} label={{ value: "Hours (median)", angle: -90, position: "insideLeft", ...AXIS_LABEL }} />
          <Tooltip
            formatter={(value, _name, item) => [`${hours(Number(value))} (${(item.payload as ReviewMonth).reviewed} reviewed)`, "Median"]}
            labelFormatter={(month) => (typeof month === "string" ? formatLongMonth(month) : month)}
          />
          <Bar dataKey="medianHours" name="Median hours" fill="#b45309" radius={[2, 2, 0, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </MetricsFigure>
  );
}
