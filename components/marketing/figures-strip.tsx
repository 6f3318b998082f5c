import type { MarketplaceFigures } from "@/db/queries/marketplace";
import { formatCents, formatNumber } from "@/lib/format";

export function FiguresStrip({ figures }: { figures: MarketplaceFigures }) {
  const items = [
    { label: "MW listed", value: formatNumber(figures.mwListed), testId: "figure-mw" },
    { label: "Sites", value: String(figures.sites), testId: "figure-sites" },
    { label: "Countries", value: String(figures.countries), testId: "figure-countries" },
    {
      label: "Median price per kW-month",
      value: figures.medianPriceCents === null ? "—" : formatCents(figures.medianPriceCents),
      testId: "figure-price",
    },
    {
      label: "Renewable share (by kW)",
      value: figures.renewableSharePercent === null ? "—" : `${figures.renewableSharePercent} %`,
      testId: "figure-renewable",
    },
  ];
  return (
    <dl aria-label="Marketplace figures" className="mt-14 grid grid-cols-2 gap-px overflow-hidden rounded-xl border border-white/10 bg-white/10 sm:grid-cols-3 lg:grid-cols-5">
      {items.map((item) => (
        <div key={item.label} className="bg-ink-950 px-5 py-4">
          <dt className="text-xs text-slate-400">{item.label}</dt>
          <dd data-testid={item.testId} className="mt-1 text-2xl font-semibold tabular-nums text-white">
            {item.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
