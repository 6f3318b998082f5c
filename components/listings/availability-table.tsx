import type { Span } from "@/lib/domain/availability";
import { formatKw } from "@/lib/format";
import { AvailabilityChart } from "./availability-chart";
import { formatDay } from "./format";

/**
 * Free kW over the listing's window, one row per span of constant bookings, with a bar for
 * the free share. The numbers are in the text; the bar only repeats them for the eye.
 */
export function AvailabilityTable({ spans: all, capacityKw, today }: { spans: Span[]; capacityKw: number; today: string }) {
  const spans = upcoming(all, today);
  if (spans.length === 0) return <p className="text-sm text-slate-600">The window has ended; no days are left to book.</p>;
  const allFree = spans.every((span) => span.bookedKw === 0);
  return (
    <div>
      <AvailabilityChart spans={spans} capacityKw={capacityKw} />
      {allFree && <p className="mb-3 text-sm text-slate-700">Nothing is booked yet: all {formatKw(capacityKw)} are free over the whole window.</p>}
      <div>
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Free and booked capacity by period</caption>
          <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-600">
            <tr>
              <th scope="col" className="py-2 pr-4 font-medium">Period</th>
              <th scope="col" className="py-2 pr-4 text-right font-medium">Free</th>
              <th scope="col" className="py-2 pr-4 text-right font-medium">Booked</th>
              <th scope="col" className="hidden w-2/5 py-2 font-medium sm:table-cell">
                <span className="sr-only">Free share</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {spans.map((span) => {
              const freeShare = capacityKw > 0 ? (span.freeKw / capacityKw) * 100 : 0;
              return (
                <tr key={span.from}>
                  <td className="py-2 pr-4 tabular-nums sm:whitespace-nowrap">
                    {formatDay(span.from)} – {formatDay(span.to)}
                    <FreeBar share={freeShare} className="mt-1.5 sm:hidden" />
                  </td>
                  <td className="whitespace-nowrap py-2 pr-4 text-right font-medium tabular-nums">{formatKw(span.freeKw)}</td>
                  <td className="whitespace-nowrap py-2 pr-4 text-right tabular-nums text-slate-600">{formatKw(span.bookedKw)}</td>
                  <td className="hidden py-2 sm:table-cell">
                    <FreeBar share={freeShare} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="mt-2 flex items-center gap-4 text-xs text-slate-600" aria-hidden="true">
        <span className="flex items-center gap-1.5"><span className="h-2.5 w-2.5 rounded-sm bg-emerald-500" /> Free</span>
        <span className="flex items-center gap-1.5"><span className="h-2.5 w-2.5 rounded-sm bg-slate-200" /> Booked</span>
      </p>
    </div>
  );
}

/** Days before today cannot be booked, so the table starts today. */
export function upcoming(spans: Span[], today: string): Span[] {
  return spans.filter((span) => span.to > today).map((span) => (span.from < today ? { ...span, from: today } : span));
}

function FreeBar({ share, className }: { share: number; className?: string }) {
  return (
    <div aria-hidden="true" className={`flex h-2.5 min-w-24 overflow-hidden rounded-full bg-slate-200 ${className ?? ""}`}>
      <div className="h-full bg-emerald-500" style={{ width: `${share}%` }} />
    </div>
  );
}
