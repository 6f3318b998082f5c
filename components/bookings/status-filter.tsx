import Link from "next/link";
import { statusLabel } from "@/components/dashboard/status-list";
import { cn } from "@/components/ui/cn";
import type { BookingStatus } from "@/lib/domain/booking-lifecycle";
import { BOOKING_ORDER } from "./booking-status";

/** `?status=` as one of the booking statuses, or null for all. */
export function parseStatus(value: unknown): BookingStatus | null {
  return BOOKING_ORDER.find((status) => status === value) ?? null;
}

/** Status filters as links (`?status=`), so a filtered view can be bookmarked; statuses with no bookings are left out. */
export function StatusFilter({ basePath, counts, current }: { basePath: string; counts: Partial<Record<BookingStatus, number>>; current: BookingStatus | null }) {
  const total = Object.values(counts).reduce((sum, n) => sum + (n ?? 0), 0);
  const tabs = [
    { status: null, label: "All", count: total },
    ...BOOKING_ORDER.filter((status) => (counts[status] ?? 0) > 0 || status === current).map((status) => ({ status, label: statusLabel(status), count: counts[status] ?? 0 })),
  ];
  return (
    <nav aria-label="Filter by status" className="-mx-4 overflow-x-auto px-4 sm:mx-0 sm:px-0">
      <ul className="flex min-w-max gap-1 border-b border-slate-200">
        {tabs.map((tab) => {
          const active = tab.status === current;
          return (
            <li key={tab.label}>
              <Link
                href={tab.status ? `${basePath}?status=${tab.status}` : basePath}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "-mb-px inline-flex items-center gap-1.5 border-b-2 px-3 py-2 text-sm",
                  active ? "border-ink-900 font-medium text-slate-900" : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900",
                )}
              >
                {tab.label}
                <span className={cn("rounded-full px-1.5 text-xs tabular-nums", active ? "bg-ink-900 text-white" : "bg-slate-100 text-slate-600")}>{tab.count}</span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
