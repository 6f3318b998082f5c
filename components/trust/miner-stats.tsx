import type { MinerStats } from "@/db/queries/public-profiles";
import { RatingSummary, type Rating } from "@/components/reviews/stars";

function hours(value: number): string {
  if (value < 1) return `${Math.max(1, Math.round(value * 60))} min`;
  if (value < 48) return `${Math.round(value)} h`;
  return `${Math.round(value / 24)} days`;
}

/** What a buyer weighs before reserving with a miner: delivered capacity and how it answers. */
export function MinerStatsList({ stats, memberSince, rating }: { stats: MinerStats; memberSince: string; rating: Rating }) {
  const items = [
    { label: "On Substation since", value: memberSince },
    { label: "Hosted", value: stats.hostedMwMonths > 0 ? `${stats.hostedMwMonths.toLocaleString("en-US")} MW-months` : "None yet", hint: "Capacity delivered on active and completed bookings" },
    {
      label: "Answer rate",
      value: stats.answerRate === null ? "No requests yet" : `${Math.round(stats.answerRate * 100)} %`,
      hint: stats.requests ? `${stats.answered} of ${stats.requests} paid booking requests accepted or declined` : undefined,
    },
    { label: "Median answer time", value: stats.medianAnswerHours === null ? "—" : hours(stats.medianAnswerHours), hint: "From a paid request to the miner's answer" },
    {
      label: "Rating",
      value: rating.count ? <RatingSummary rating={rating} className="text-lg" /> : "No reviews yet",
      hint: rating.count ? "From AI teams after their bookings" : "Reviews appear after completed bookings",
    },
  ];
  return (
    <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
      {items.map((item) => (
        <div key={item.label} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
          <dt className="text-xs font-medium text-slate-600">{item.label}</dt>
          <dd className="mt-1 text-lg font-semibold text-slate-900">{item.value}</dd>
          {item.hint && <dd className="mt-0.5 text-xs text-slate-600">{item.hint}</dd>}
        </div>
      ))}
    </dl>
  );
}
