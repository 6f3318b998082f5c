"use client";

import { ChevronLeft, ChevronRight } from "lucide-react";
import { useSearchParams } from "next/navigation";
import { cn } from "@/components/ui/cn";
import { searchHref } from "./filter-values";
import { SearchLink } from "./search-navigation";

/** Page numbers to show: all of a few, or the ends and the neighbours of the current one. */
export function pageWindow(page: number, last: number): (number | "gap")[] {
  if (last <= 7) return Array.from({ length: last }, (_, i) => i + 1);
  const middle = [page - 1, page, page + 1].filter((p) => p > 1 && p < last);
  const pages: (number | "gap")[] = [1];
  if (middle[0]! > 2) pages.push("gap");
  pages.push(...middle);
  if (middle.at(-1)! < last - 1) pages.push("gap");
  pages.push(last);
  return pages;
}

const itemClass = "inline-flex h-9 min-w-9 items-center justify-center gap-1 rounded-md px-2.5 text-sm font-medium tabular-nums";

/** Numbered pages; every link keeps the other parameters of the search. */
export function Pagination({ page, pageSize, total }: { page: number; pageSize: number; total: number }) {
  const searchParams = useSearchParams();
  const last = Math.max(1, Math.ceil(total / pageSize));
  if (last === 1) return null;

  const href = (target: number) => {
    const query = new URLSearchParams(searchParams);
    if (target === 1) query.delete("page");
    else query.set("page", String(target));
    return searchHref(query);
  };
  const edge = (direction: "prev" | "next") => {
    const target = direction === "prev" ? page - 1 : page + 1;
    const content = (
      <>
        {direction === "prev" && <ChevronLeft className="h-4 w-4" aria-hidden="true" />}
        {direction === "prev" ? "Previous" : "Next"}
        {direction === "next" && <ChevronRight className="h-4 w-4" aria-hidden="true" />}
      </>
    );
    return target >= 1 && target <= last ? (
      <SearchLink href={href(target)} scroll rel={direction} className={cn(itemClass, "text-slate-700 hover:bg-slate-100")}>
        {content}
      </SearchLink>
    ) : (
      <span aria-disabled="true" className={cn(itemClass, "cursor-not-allowed text-slate-400")}>
        {content}
      </span>
    );
  };

  return (
    <nav aria-label="Pagination" className="mt-6 flex flex-wrap items-center justify-between gap-2 border-t border-slate-200 pt-4">
      {edge("prev")}
      <ul className="flex flex-wrap items-center gap-1">
        {pageWindow(page, last).map((p, i) =>
          p === "gap" ? (
            <li key={`gap-${i}`} aria-hidden="true" className="px-1 text-slate-500">
              …
            </li>
          ) : (
            <li key={p}>
              <SearchLink
                href={href(p)}
                scroll
                aria-label={`Page ${p}`}
                aria-current={p === page ? "page" : undefined}
                className={cn(itemClass, p === page ? "bg-ink-900 text-white" : "text-slate-700 hover:bg-slate-100")}
              >
                {p}
              </SearchLink>
            </li>
          ),
        )}
      </ul>
      {edge("next")}
    </nav>
  );
}
