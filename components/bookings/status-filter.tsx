import { statusLabel } from "@/components/dashboard/status-list";
import { CountTabs, type CountTab } from "@/components/ui/count-tabs";
import type { BookingStatus } from "@/lib/domain/booking-lifecycle";
import { BOOKING_ORDER } from "./booking-status";

/** `?status=` as one of the booking statuses, or null for all. */
export function parseStatus(value: unknown): BookingStatus | null {
  return BOOKING_ORDER.find((status) => status === value) ?? null;
}

/** Status filters as links (`?status=`); statuses with no bookings are left out. */
export function StatusFilter({ basePath, counts, current }: { basePath: string; counts: Partial<Record<BookingStatus, number>>; current: BookingStatus | null }) {
  const total = Object.values(counts).reduce((sum, n) => sum + (n ?? 0), 0);
  const shown = BOOKING_ORDER.filter((status) => (counts[status] ?? 0) > 0 || status === current);
  const tabs: CountTab[] = [
    { key: "all", label: "All", count: total, href: basePath, active: current === null },
    ...shown.map((status) => ({ key: status, label: statusLabel(status), count: counts[status] ?? 0, href: `${basePath}?status=${status}`, active: status === current })),
  ];
  return <CountTabs tabs={tabs} label="Filter by status" />;
}
