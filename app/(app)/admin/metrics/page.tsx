import type { Metadata } from "next";
import { getDb } from "@/db";
import { getMarketMetrics, metricsCountries } from "@/db/queries/market-metrics";
import { MetricsBarListChart } from "@/components/admin/metrics-bar-list-chart";
import { MetricsCapacityChart } from "@/components/admin/metrics-capacity-chart";
import { MetricsCountryFilter } from "@/components/admin/metrics-country-filter";
import { MetricsMoneyChart } from "@/components/admin/metrics-money-chart";
import { MetricsReviewChart } from "@/components/admin/metrics-review-chart";
import { Stat } from "@/components/dashboard/stat";
import { statusLabel } from "@/components/dashboard/status-list";
import { Card } from "@/components/ui/card";
import { requireAdminPageUser } from "@/lib/auth/admin-mfa";
import { actorOf } from "@/lib/auth/policy";
import { COOLING_LABELS, countryName, formatCents, formatNumber } from "@/lib/format";

export const metadata: Metadata = { title: "Market metrics" };

const plural = (n: number, one: string, many = `${one}s`) => `${formatNumber(n)} ${n === 1 ? one : many}`;

export default async function MetricsPage({ searchParams }: PageProps<"/admin/metrics">) {
  const user = await requireAdminPageUser("/admin/metrics");
  const actor = actorOf(user);
  const query = await searchParams;
  const db = await getDb();
  const countries = await metricsCountries(db, actor);
  const country = typeof query.country === "string" && countries.includes(query.country) ? query.country : undefined;
  const m = await getMarketMetrics(db, actor, { country });

  const now = m.capacity.at(-1);
  const captured = m.money.reduce((sum, x) => sum + x.depositsCapturedCents, 0);
  const fees = m.money.reduce((sum, x) => sum + x.platformFeeCents, 0);
  const pending = m.listings.find((l) => l.status === "pending_review")?.count ?? 0;
  const bookingTotal = m.bookings.reduce((sum, b) => sum + b.count, 0);
  const listingTotal = m.listings.reduce((sum, l) => sum + l.count, 0);
  const busiest = [...m.bookings].sort((a, b) => b.count - a.count)[0];
  const cheapestCountry = [...m.prices.byCountry].sort((a, b) => a.medianCents - b.medianCents)[0];
  const pricedCooling = m.prices.byCooling.filter((c) => c.listings > 0);
  const where = country ? ` in ${countryName(country)}` : "";

  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-semibold tracking-tight">Market metrics</h1>
          <p className="mt-1 max-w-2xl text-slate-600">Capacity, bookings, money and review speed{where}, over the last 12 calendar months (UTC).</p>
        </div>
        <MetricsCountryFilter countries={countries.map((code) => ({ code, name: countryName(code) }))} value={country ?? ""} />
      </div>

      <dl className="grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-4">
        <Stat label="MW listed now" value={formatNumber(now?.listedMw ?? 0)} hint="Published and not archived" />
        <Stat label="MW booked this month" value={formatNumber(now?.bookedMw ?? 0)} hint="Confirmed, active or completed" />
        <Stat label="Deposits captured, 12 months" value={formatCents(captured)} hint={`${formatCents(fees)} in platform fees`} />
        <Stat label="Listings awaiting review" value={pending} />
      </dl>

      <Card className="p-5">
        <h2 className="font-semibold">MW listed and booked</h2>
        <p className="mt-1 text-sm text-slate-600">Listed: capacity of listings published by the end of each month and not archived by then. Booked: kW of bookings covering any day of the month.</p>
        <div className="mt-4">
          <MetricsCapacityChart months={m.capacity} />
        </div>
      </Card>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card className="p-5">
          <h2 className="font-semibold">Deposits and platform fees</h2>
          <p className="mt-1 text-sm text-slate-600">From the ledger, by the month the money moved.</p>
          <div className="mt-4">
            <MetricsMoneyChart months={m.money} />
          </div>
        </Card>
        <Card className="p-5">
          <h2 className="font-semibold">Time to review</h2>
          <p className="mt-1 text-sm text-slate-600">Median hours from a listing&apos;s submission to an admin&apos;s decision.</p>
          <div className="mt-4">
            <MetricsReviewChart months={m.reviewTime} />
          </div>
        </Card>
        <Card className="p-5">
          <h2 className="font-semibold">Bookings by state</h2>
          <div className="mt-4">
            <MetricsBarListChart
              title="Bookings by state"
              summary={bookingTotal === 0 ? `No bookings${where} yet.` : `${plural(bookingTotal, "booking")}${where}; the most are ${statusLabel(busiest!.status).toLowerCase()} (${formatNumber(busiest!.count)}).`}
              rows={m.bookings.map((b) => ({ key: b.status, label: statusLabel(b.status), value: b.count, note: `${formatNumber(b.kw)} kW` }))}
              categoryColumn="State"
              axisLabel="Bookings"
              noteColumn="Total kW"
              kind="count"
              fill="#059669"
            />
          </div>
        </Card>
        <Card className="p-5">
          <h2 className="font-semibold">Listings by status</h2>
          <div className="mt-4">
            <MetricsBarListChart
              title="Listings by status"
              summary={listingTotal === 0 ? `No listings${where} yet.` : `${plural(listingTotal, "listing")}${where}: ${formatNumber(m.listings.find((l) => l.status === "published")?.count ?? 0)} published, ${formatNumber(pending)} awaiting review.`}
              rows={m.listings.map((l) => ({ key: l.status, label: statusLabel(l.status), value: l.count }))}
              categoryColumn="Status"
              axisLabel="Listings"
              kind="count"
            />
          </div>
        </Card>
        <Card className="p-5">
          <h2 className="font-semibold">Median price by country</h2>
          <p className="mt-1 text-sm text-slate-600">Published listings buyers can see now, in USD per kW-month.</p>
          <div className="mt-4">
            <MetricsBarListChart
              title="Median price per kW-month by country"
              summary={cheapestCountry ? `Lowest median: ${countryName(cheapestCountry.key)} at ${formatCents(cheapestCountry.medianCents)} per kW-month (${plural(cheapestCountry.listings, "listing")}).` : "No published listings."}
              rows={m.prices.byCountry.map((p) => ({ key: p.key, label: countryName(p.key), value: p.medianCents, note: plural(p.listings, "listing") }))}
              categoryColumn="Country"
              axisLabel="USD per kW-month (median)"
              noteColumn="Listings"
              kind="cents"
            />
          </div>
        </Card>
        <Card className="p-5">
          <h2 className="font-semibold">Median price by cooling</h2>
          <p className="mt-1 text-sm text-slate-600">Published listings buyers can see now, in USD per kW-month.</p>
          <div className="mt-4">
            <MetricsBarListChart
              title="Median price per kW-month by cooling"
              summary={
                pricedCooling.length === 0
                  ? "No published listings."
                  : pricedCooling.map((c) => `${COOLING_LABELS[c.key]} ${formatCents(c.medianCents)}`).join(", ") + " per kW-month (medians)."
              }
              rows={m.prices.byCooling.map((p) => ({ key: p.key, label: COOLING_LABELS[p.key], value: p.medianCents, note: plural(p.listings, "listing") }))}
              categoryColumn="Cooling"
              axisLabel="USD per kW-month (median)"
              noteColumn="Listings"
              kind="cents"
              fill="#0369a1"
            />
          </div>
        </Card>
      </div>
    </div>
  );
}
