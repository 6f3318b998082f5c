// A list of bookings for one side: the buyer's own, or those on the miner's listings. A table
// on wide screens, cards on a phone; each row leads to the booking page.
import Link from "next/link";
import { formatCents, formatKw } from "@/lib/format";
import type { BookingStatus } from "@/lib/domain/booking-lifecycle";
import { BookingStatusBadge, shownStatus } from "./booking-status";
import { bookingDeadline, Deadline } from "./deadline";
import { formatStay } from "./format";

export type BookingRow = {
  id: string;
  listingTitle: string;
  buyerOrganizationName: string;
  kw: number;
  startDate: string;
  endDate: string;
  status: BookingStatus;
  depositCents: number;
  totalCents: number;
  expiresAt: Date;
  respondBy: Date | null;
  /** Where the buyer pays an unpaid hold, when there is one. */
  payUrl?: string | null;
};

type Side = "buyer" | "miner";

export function BookingTable({ rows, side, now }: { rows: BookingRow[]; side: Side; now: Date }) {
  return (
    <>
      <div className="hidden overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm md:block">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{side === "buyer" ? "Your organization's bookings, newest first" : "Bookings on your listings, newest first"}</caption>
          <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
            <tr>
              <th scope="col" className="px-4 py-3 font-medium">{side === "buyer" ? "Listing" : "Request"}</th>
              <th scope="col" className="px-4 py-3 text-right font-medium">Capacity</th>
              <th scope="col" className="px-4 py-3 font-medium">Dates (UTC)</th>
              <th scope="col" className="px-4 py-3 font-medium">Status</th>
              <th scope="col" className="px-4 py-3 text-right font-medium">Deposit</th>
              <th scope="col" className="px-4 py-3 text-right font-medium">Total</th>
              <th scope="col" className="px-4 py-3 font-medium">Deadline</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((row) => {
              const stay = formatStay(row.startDate, row.endDate);
              return (
                <tr key={row.id} className="align-top">
                  <th scope="row" className="max-w-72 px-4 py-3 font-medium">
                    <Link href={`/bookings/${row.id}`} className="underline-offset-2 hover:underline">
                      {row.listingTitle}
                    </Link>
                    {side === "miner" && <span className="block font-normal text-slate-600">{row.buyerOrganizationName}</span>}
                  </th>
                  <td className="whitespace-nowrap px-4 py-3 text-right tabular-nums">{formatKw(row.kw)}</td>
                  <td className="px-4 py-3 tabular-nums">
                    <span className="block whitespace-nowrap">{stay.range}</span>
                    <span className="block text-slate-600">{stay.length}</span>
                  </td>
                  <td className="whitespace-nowrap px-4 py-3">
                    <BookingStatusBadge status={shownStatus(row, now)} />
                  </td>
                  <td className="whitespace-nowrap px-4 py-3 text-right tabular-nums">{formatCents(row.depositCents)}</td>
                  <td className="whitespace-nowrap px-4 py-3 text-right tabular-nums">{formatCents(row.totalCents)}</td>
                  <td className="px-4 py-3">
                    <DeadlineCell row={row} side={side} now={now} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <ul className="space-y-3 md:hidden">
        {rows.map((row) => {
          const stay = formatStay(row.startDate, row.endDate);
          return (
            <li key={row.id} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
              <div className="flex items-start justify-between gap-3">
                <Link href={`/bookings/${row.id}`} className="font-medium leading-snug text-slate-900 underline-offset-2 hover:underline">
                  {row.listingTitle}
                </Link>
                <BookingStatusBadge status={shownStatus(row, now)} className="shrink-0" />
              </div>
              {side === "miner" && <p className="mt-0.5 text-sm text-slate-600">{row.buyerOrganizationName}</p>}
              <dl className="mt-3 grid grid-cols-2 gap-x-4 gap-y-2 text-sm tabular-nums">
                <div>
                  <dt className="text-xs text-slate-500">Capacity</dt>
                  <dd>{formatKw(row.kw)}</dd>
                </div>
                <div>
                  <dt className="text-xs text-slate-500">Deposit · total</dt>
                  <dd>
                    {formatCents(row.depositCents)} · {formatCents(row.totalCents)}
                  </dd>
                </div>
                <div className="col-span-2">
                  <dt className="text-xs text-slate-500">Dates (UTC)</dt>
                  <dd>
                    {stay.range} · {stay.length}
                  </dd>
                </div>
              </dl>
              <DeadlineCell row={row} side={side} now={now} className="mt-3 block text-sm" />
            </li>
          );
        })}
      </ul>
    </>
  );
}

const DEADLINE_LABELS: Record<Side, Record<"hold" | "answer", string>> = {
  buyer: { hold: "Pay the deposit by", answer: "The miner answers by" },
  miner: { hold: "Hold ends", answer: "Answer by" },
};

function DeadlineCell({ row, side, now, className }: { row: BookingRow; side: Side; now: Date; className?: string }) {
  const deadline = bookingDeadline(row, now);
  if (!deadline) return <span className={className ? `${className} text-slate-500` : "text-slate-500"}>—</span>;
  return (
    <span className={className}>
      <span className="block text-xs text-slate-600">{DEADLINE_LABELS[side][deadline.kind]}</span>
      <Deadline at={deadline.at} now={now} className="mt-1 block" />
      {side === "buyer" && deadline.kind === "hold" && row.payUrl && (
        <a href={row.payUrl} className="mt-2 inline-block font-medium text-slate-900 underline underline-offset-2">
          Pay now
        </a>
      )}
    </span>
  );
}
