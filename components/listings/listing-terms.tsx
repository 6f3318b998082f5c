import { COOLING_LABELS, formatKw } from "@/lib/format";
import { formatMonths, formatPrice, formatWindow } from "./format";

export type TermsOfListing = {
  capacityKw: number;
  cooling: keyof typeof COOLING_LABELS;
  maxKwPerRack: number;
  rackCount: number;
  priceCentsPerKwMonth: number;
  minTermMonths: number;
  availableFrom: string;
  availableUntil: string;
  depositPercent: number;
  interruptible: boolean;
};

/** A listing's commercial and technical terms, as owners and buyers both read them. */
export function ListingTerms({ listing, curtailmentHoursPerYear }: { listing: TermsOfListing; curtailmentHoursPerYear?: number }) {
  const terms: [string, React.ReactNode][] = [
    ["Capacity", formatKw(listing.capacityKw)],
    ["Price", <>{formatPrice(listing.priceCentsPerKwMonth)} <span className="font-normal text-slate-600">per kW-month</span></>],
    ["Minimum term", formatMonths(listing.minTermMonths)],
    ["Available", formatWindow(listing.availableFrom, listing.availableUntil)],
    ["Deposit", `${listing.depositPercent} % of the first month`],
    ["Cooling", COOLING_LABELS[listing.cooling]],
    ["Density", `Up to ${listing.maxKwPerRack} kW per rack`],
    ["Racks", listing.rackCount.toLocaleString("en-US")],
  ];
  return (
    <div className="@container">
      <dl className="grid grid-cols-2 gap-x-6 gap-y-4 @xl:grid-cols-3 @3xl:grid-cols-4">
        {terms.map(([label, value]) => (
          <div key={label}>
            <dt className="text-xs text-slate-600">{label}</dt>
            <dd className="mt-0.5 font-semibold tabular-nums text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-4 rounded-lg bg-slate-50 px-4 py-3 text-sm text-slate-700">
        {listing.interruptible ? (
          <>
            <strong className="text-slate-900">Interruptible.</strong> The miner may curtail this capacity in grid emergencies
            {curtailmentHoursPerYear ? <> — the site expects about {curtailmentHoursPerYear.toLocaleString("en-US")} hours a year</> : null}. Suits
            jobs that checkpoint.
          </>
        ) : (
          <>
            <strong className="text-slate-900">Firm.</strong> Not curtailed for grid events.
          </>
        )}
      </p>
    </div>
  );
}
