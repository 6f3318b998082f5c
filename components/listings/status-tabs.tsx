import Link from "next/link";
import { cn } from "@/components/ui/cn";
import { STATUS_LABELS, type ListingStatus } from "@/lib/domain/listing-lifecycle";

export const TAB_ORDER: ListingStatus[] = ["published", "pending_review", "draft", "rejected", "paused", "archived"];

/** Status filters as links (`?status=`), so a filtered view can be bookmarked and shared. */
export function StatusTabs({ counts, current, sort }: { counts: Partial<Record<ListingStatus, number>>; current: ListingStatus | null; sort?: string }) {
  const total = Object.values(counts).reduce((sum, n) => sum + (n ?? 0), 0);
  const tabs: { status: ListingStatus | null; label: string; count: number }[] = [
    { status: null, label: "All", count: total },
    ...TAB_ORDER.map((status) => ({ status, label: STATUS_LABELS[status], count: counts[status] ?? 0 })),
  ];
  const href = (status: ListingStatus | null) => {
    const query = new URLSearchParams({ ...(status ? { status } : {}), ...(sort ? { sort } : {}) }).toString();
    return query ? `/miner/listings?${query}` : "/miner/listings";
  };
  return (
    <nav aria-label="Filter by status" className="-mx-4 overflow-x-auto px-4 sm:mx-0 sm:px-0">
      <ul className="flex min-w-max gap-1 border-b border-slate-200">
        {tabs.map((tab) => {
          const active = tab.status === current;
          return (
            <li key={tab.label}>
              <Link
                href={href(tab.status)}
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
