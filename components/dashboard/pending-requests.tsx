// Booking requests whose deposit is authorized and that wait for the miner's answer.
import type { ReactNode } from "react";
import type { PendingRequest } from "@/db/queries/miner-dashboard";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { formatUtc } from "@/components/bookings/format";
import { formatCents, formatKw } from "@/lib/format";

const HOUR_MS = 3_600_000;
const relative = new Intl.RelativeTimeFormat("en", { numeric: "always" });

/** "in 2 days", "in 5 hours" or "Overdue", rounded down so a deadline never looks further off than it is. */
export function deadlineLabel(respondBy: Date, now: Date): { text: string; tone: BadgeTone } {
  const left = respondBy.getTime() - now.getTime();
  if (left <= 0) return { text: "Overdue", tone: "red" };
  if (left < HOUR_MS) return { text: relative.format(Math.max(1, Math.floor(left / 60_000)), "minute"), tone: "red" };
  if (left < 24 * HOUR_MS) return { text: relative.format(Math.floor(left / HOUR_MS), "hour"), tone: "amber" };
  return { text: relative.format(Math.floor(left / (24 * HOUR_MS)), "day"), tone: "neutral" };
}

function dayCount(start: string, end: string): string {
  const n = Math.round((Date.parse(end) - Date.parse(start)) / (24 * HOUR_MS));
  return `${n} ${n === 1 ? "day" : "days"}`;
}

/**
 * `renderActions` adds an "Answer" column: the accept and decline controls plug in there, so
 * this table never shows buttons that do nothing.
 */
export function PendingRequests({
  requests,
  now,
  renderActions,
}: {
  requests: PendingRequest[];
  now: Date;
  renderActions?: (request: PendingRequest) => ReactNode;
}) {
  if (requests.length === 0) {
    return (
      <p className="text-sm text-slate-600">
        No requests are waiting for your answer. When an AI team pays the deposit on one of your listings, the request
        appears here with the time you have left to accept or decline it.
      </p>
    );
  }
  return (
    <div className="-mx-5 overflow-x-auto">
      <table className="w-full min-w-[40rem] text-left text-sm">
        <caption className="sr-only">Booking requests awaiting your answer, nearest deadline first</caption>
        <thead className="border-b border-slate-200 text-slate-600">
          <tr>
            <th scope="col" className="px-5 py-2 font-medium">Request</th>
            <th scope="col" className="px-3 py-2 text-right font-medium">Capacity</th>
            <th scope="col" className="px-3 py-2 font-medium">Dates (UTC)</th>
            <th scope="col" className="px-3 py-2 text-right font-medium">Deposit</th>
            <th scope="col" className="px-5 py-2 font-medium">Answer by</th>
            {renderActions && <th scope="col" className="px-5 py-2 font-medium">Answer</th>}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {requests.map((r) => {
            const deadline = r.respondBy ? deadlineLabel(r.respondBy, now) : null;
            return (
              <tr key={r.id} className="align-top">
                <th scope="row" className="px-5 py-3 font-normal">
                  <span className="block font-medium text-slate-900">{r.buyerOrganizationName}</span>
                  <span className="block text-slate-600">{r.listingTitle}</span>
                </th>
                <td className="px-3 py-3 text-right tabular-nums">{formatKw(r.kw)}</td>
                <td className="px-3 py-3 tabular-nums">
                  <span className="block whitespace-nowrap">
                    {r.startDate} to {r.endDate}
                  </span>
                  <span className="block text-slate-600">{dayCount(r.startDate, r.endDate)}</span>
                </td>
                <td className="px-3 py-3 text-right tabular-nums">
                  <span className="block">{formatCents(r.depositCents)}</span>
                  <span className="block text-slate-600">of {formatCents(r.totalCents)}</span>
                </td>
                <td className="px-5 py-3">
                  {r.respondBy && deadline ? (
                    <>
                      <Badge tone={deadline.tone}>{deadline.text}</Badge>
                      <time dateTime={r.respondBy.toISOString()} className="mt-1 block whitespace-nowrap text-slate-600">
                        {formatUtc(r.respondBy)}
                      </time>
                    </>
                  ) : (
                    <span className="text-slate-600">No deadline set</span>
                  )}
                </td>
                {renderActions && <td className="px-5 py-3">{renderActions(r)}</td>}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
