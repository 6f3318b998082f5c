"use client";

import { useSearchParams } from "next/navigation";
import { useOptimistic } from "react";
import { controlClass } from "@/components/ui/field";
import { cn } from "@/components/ui/cn";
import { SORTS, type Sort } from "@/lib/validations/search";
import { searchHref } from "./filter-values";
import { useSearchNavigation } from "./search-navigation";

function sortLabels(hasWindow: boolean): Record<Sort, string> {
  return {
    relevance: "Best match",
    newest: "Newest",
    price: "Price: low to high",
    "-price": "Price: high to low",
    "-capacity": hasWindow ? "Most free kW" : "Most capacity",
    capacity: hasWindow ? "Least free kW" : "Least capacity",
    rating: "Best rated miners",
  };
}

/** The order of the results, kept in the URL's `sort` (absent when it is the default). */
export function SortSelect({ hasQuery, hasWindow }: { hasQuery: boolean; hasWindow: boolean }) {
  const searchParams = useSearchParams();
  const { navigate } = useSearchNavigation();
  const fallback: Sort = hasQuery ? "relevance" : "newest";
  const inUrl = searchParams.get("sort");
  const current = SORTS.find((s) => s === inUrl) ?? fallback;
  // The new choice shows at once and stays while its results load.
  const [shown, setShown] = useOptimistic(current);
  const labels = sortLabels(hasWindow);
  const options = SORTS.filter((s) => s !== "relevance" || hasQuery || current === "relevance");

  function change(sort: Sort) {
    const next = new URLSearchParams(searchParams);
    next.delete("page");
    if (sort === fallback) next.delete("sort");
    else next.set("sort", sort);
    navigate(searchHref(next), { during: () => setShown(sort) });
  }

  return (
    <div className="flex items-center gap-2">
      <label htmlFor="search-sort" className="text-sm font-medium whitespace-nowrap text-slate-800">
        Sort by
      </label>
      <select id="search-sort" value={shown} onChange={(e) => change(e.target.value as Sort)} className={cn(controlClass(), "h-9 w-auto pr-8")}>
        {options.map((sort) => (
          <option key={sort} value={sort}>
            {labels[sort]}
          </option>
        ))}
      </select>
    </div>
  );
}
