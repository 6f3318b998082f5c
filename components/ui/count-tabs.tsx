import Link from "next/link";
import { cn } from "./cn";

/** `count` left out: a tab whose count is not worth a query (the admin queue counts only what waits). */
export type CountTab = { key: string; label: string; count?: number; href: string; active: boolean };

/** Filters as links, most with counts (e.g. `?status=`), so a filtered view can be bookmarked and shared, and Back works. */
export function CountTabs({ tabs, label }: { tabs: CountTab[]; label: string }) {
  return (
    <nav aria-label={label} className="-mx-4 overflow-x-auto px-4 sm:mx-0 sm:px-0">
      <ul className="flex min-w-max gap-1 border-b border-slate-200">
        {tabs.map((tab) => (
          <li key={tab.key}>
            <Link
              href={tab.href}
              aria-current={tab.active ? "page" : undefined}
              className={cn(
                "-mb-px inline-flex items-center gap-1.5 border-b-2 px-3 py-2 text-sm",
                tab.active ? "border-ink-900 font-medium text-slate-900" : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900",
              )}
            >
              {tab.label}
              {tab.count !== undefined && (
                <span className={cn("rounded-full px-1.5 text-xs tabular-nums", tab.active ? "bg-ink-900 text-white" : "bg-slate-100 text-slate-600")}>{tab.count}</span>
              )}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
