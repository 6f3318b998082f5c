// The bookings page of either side: status filters with counts, the table, and what to do
// when there is nothing to show.
import Link from "next/link";
import { CalendarRange } from "lucide-react";
import { getDb } from "@/db";
import { listBookings } from "@/db/queries/bookings";
import { statusLabel } from "@/components/dashboard/status-list";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import type { Actor } from "@/lib/auth/policy";
import type { BookingStatus } from "@/lib/domain/booking-lifecycle";
import { shownStatus } from "./booking-status";
import { BookingTable, type BookingRow } from "./booking-table";
import { StatusFilter } from "./status-filter";

export async function BookingList({ actor, side, status, basePath, now = new Date() }: { actor: Actor; side: "buyer" | "miner"; status: BookingStatus | null; basePath: string; now?: Date }) {
  const db = await getDb();
  // One organization's bookings are a few hundred at most; counting them here keeps every filter's number exact.
  const all = await listBookings(db, actor);
  const counts: Partial<Record<BookingStatus, number>> = {};
  for (const booking of all) {
    const shown = shownStatus(booking, now);
    counts[shown] = (counts[shown] ?? 0) + 1;
  }
  const rows: BookingRow[] = all
    .filter((booking) => !status || shownStatus(booking, now) === status)
    .map(({ paymentStatus, checkoutUrl, ...booking }) => ({
      ...booking,
      // Only the buyer pays, and only a hold whose deposit is still unpaid.
      payUrl: side === "buyer" && shownStatus(booking, now) === "pending_deposit" && paymentStatus === "requires_payment" ? checkoutUrl : null,
    }));

  if (all.length === 0) {
    return side === "buyer" ? (
      <EmptyState icon={<CalendarRange className="h-8 w-8" />} title="No bookings yet" action={<ButtonLink href="/search">Search capacity</ButtonLink>}>
        Find a listing with the kW, cooling and dates your cluster needs, then reserve it with a deposit. Your reservations and their status appear here.
      </EmptyState>
    ) : (
      <EmptyState icon={<CalendarRange className="h-8 w-8" />} title="No bookings yet" action={<ButtonLink href="/miner/listings">Your listings</ButtonLink>}>
        When an AI team reserves capacity on one of your published listings, the request appears here with the time you have to answer it.
      </EmptyState>
    );
  }
  return (
    <div className="space-y-4">
      <StatusFilter basePath={basePath} counts={counts} current={status} />
      {rows.length ? (
        <BookingTable rows={rows} side={side} now={now} />
      ) : (
        <div className="rounded-xl border border-dashed border-slate-300 bg-white px-6 py-10 text-center text-sm text-slate-600">
          No bookings with the status “{statusLabel(status!)}”.{" "}
          <Link href={basePath} className="font-medium text-slate-900 underline underline-offset-2">
            Show all bookings
          </Link>
        </div>
      )}
    </div>
  );
}
