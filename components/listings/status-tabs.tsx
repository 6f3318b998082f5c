import { CountTabs, type CountTab } from "@/components/ui/count-tabs";
import { STATUS_LABELS, type ListingStatus } from "@/lib/domain/listing-lifecycle";

export const TAB_ORDER: ListingStatus[] = ["published", "pending_review", "draft", "rejected", "paused", "archived"];

/** Status filters as links (`?status=`), keeping the chosen sort. */
export function StatusTabs({ counts, current, sort }: { counts: Partial<Record<ListingStatus, number>>; current: ListingStatus | null; sort?: string }) {
  const total = Object.values(counts).reduce((sum, n) => sum + (n ?? 0), 0);
  const href = (status: ListingStatus | null) => {
    const query = new URLSearchParams({ ...(status ? { status } : {}), ...(sort ? { sort } : {}) }).toString();
    return query ? `/miner/listings?${query}` : "/miner/listings";
  };
  const tabs: CountTab[] = [
    { key: "all", label: "All", count: total, href: href(null), active: current === null },
    ...TAB_ORDER.map((status) => ({ key: status, label: STATUS_LABELS[status], count: counts[status] ?? 0, href: href(status), active: status === current })),
  ];
  return <CountTabs tabs={tabs} label="Filter by status" />;
}
