"use client";
// Booked revenue against deposits captured, per UTC calendar month, in US dollars.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { RevenueMonth } from "@/db/queries/miner-dashboard";
import { formatCents, formatCompactUsd, formatLongMonth, formatShortMonth } from "@/lib/format";

const SERIES = [
  { key: "booked", name: "Booked", fill: "#1b2640" },
  { key: "captured", name: "Deposits captured", fill: "#059669" },
] as const;

/** Fixed: recharts draws only in the browser, and the reserved height keeps the page from jumping when it does. */
const HEIGHT = 288;

export function RevenueChart({ months }: { months: RevenueMonth[] }) {
  // Dollars, not cents, so the axis and tooltip read in the unit people think in.
  const rows = months.map((m) => ({ month: m.month, booked: m.bookedCents / 100, captured: m.depositsCapturedCents / 100 }));
  const total = (pick: (m: RevenueMonth) => number) => months.reduce((sum, m) => sum + pick(m), 0);
  const best = months.reduce<RevenueMonth | null>((b, m) => (!b || m.bookedCents > b.bookedCents ? m : b), null);
  const first = months[0];
  const last = months.at(-1);
  const range = first && last ? `${formatLongMonth(first.month)} to ${formatLongMonth(last.month)}` : "";
  const summary =
    `From ${range}: ${formatCents(total((m) => m.bookedCents))} booked, ` +
    `${formatCents(total((m) => m.depositsCapturedCents))} in deposits captured, ` +
    `of which ${formatCents(total((m) => m.minerShareCents))} is your share.` +
    (best && best.bookedCents > 0 ? ` Best month for bookings: ${formatLongMonth(best.month)}.` : "");

  return (
    <figure className="space-y-2">
      <div role="img" aria-label={`Revenue by month. ${summary}`} className="w-full" style={{ height: HEIGHT }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 20, left: 8 }} accessibilityLayer={false}>
            <CartesianGrid stroke="#e2e8f0" vertical={false} />
            <XAxis
              dataKey="month"
              tickFormatter={formatShortMonth}
              tick={{ fill: "#475569", fontSize: 12 }}
              label={{ value: "Month (UTC)", position: "insideBottom", offset: -12, fill: "#475569", fontSize: 12 }}
            />
            <YAxis
              tickFormatter={formatCompactUsd}
              tick={{ fill: "#475569", fontSize: 12 }}
              width={64}
              label={{ value: "USD", angle: -90, position: "insideLeft", fill: "#475569", fontSize: 12 }}
            />
            <Tooltip
              formatter={(value) => formatCents(Math.round(Number(value) * 100))}
              labelFormatter={(month) => (typeof month === "string" ? formatLongMonth(month) : month)}
            />
            <Legend verticalAlign="top" height={28} itemSorter={null} formatter={(name) => <span style={{ color: "#334155", fontSize: 12 }}>{name}</span>} />
            {SERIES.map((s) => (
              <Bar key={s.key} dataKey={s.key} name={s.name} fill={s.fill} radius={[2, 2, 0, 0]} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="text-sm text-slate-600">{summary}</figcaption>
      <details className="text-sm">
        <summary className="cursor-pointer text-slate-700 hover:text-slate-900">Show the figures as a table</summary>
        <table className="mt-2 w-full text-left tabular-nums">
          <caption className="sr-only">Revenue by month, in US dollars</caption>
          <thead className="text-slate-600">
            <tr>
              <th scope="col" className="py-1 pr-3 font-medium">Month</th>
              <th scope="col" className="py-1 pr-3 text-right font-medium">Booked</th>
              <th scope="col" className="py-1 pr-3 text-right font-medium">Deposits captured</th>
              <th scope="col" className="py-1 pr-3 text-right font-medium">Your share</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {months.map((m) => (
              <tr key={m.month}>
                <th scope="row" className="py-1 pr-3 font-normal">{formatLongMonth(m.month)}</th>
                <td className="py-1 pr-3 text-right">{formatCents(m.bookedCents)}</td>
                <td className="py-1 pr-3 text-right">{formatCents(m.depositsCapturedCents)}</td>
                <td className="py-1 pr-3 text-right">{formatCents(m.minerShareCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
