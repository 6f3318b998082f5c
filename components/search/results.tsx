"use client";

import { LoaderCircle } from "lucide-react";
import { useMemo, useRef, useState } from "react";
import type { SearchItem } from "@/db/queries/search";
import type { SearchParams } from "@/lib/validations/search";
import { cn } from "@/components/ui/cn";
import { EmptyResults, PastTheEnd } from "./empty-results";
import { countText, formatDay, type SearchNeed } from "./format";
import { Pagination } from "./pagination";
import { unpackPins, type PackedPin } from "./pins";
import { ResultCard } from "./result-card";
import { ResultsMap } from "./results-map";
import { useSearchNavigation } from "./search-navigation";
import { SortSelect } from "./sort-select";

type SearchResultsProps = {
  items: SearchItem[];
  /** A pin per matching site (packPins). */
  pins: PackedPin[];
  total: number;
  page: number;
  pageSize: number;
  /** The filters the results were found with (valid ones only). */
  filters: SearchParams;
  /** Country names by code, as the server words them. */
  countryNames: Record<string, string>;
};

/** The list of this page's matches beside a map of all of them; hover or select links the two. */
export function SearchResults({ items, pins: packedPins, total, page, pageSize, filters, countryNames }: SearchResultsProps) {
  const pins = useMemo(() => unpackPins(packedPins), [packedPins]);
  const { isPending } = useSearchNavigation();
  const [highlightedId, setHighlightedId] = useState<string | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const need: SearchNeed = { minKw: filters.minKw, from: filters.from, to: filters.to };
  const hasWindow = Boolean(need.from && need.to);
  const first = (page - 1) * pageSize + 1;

  function select(siteId: string) {
    const next = siteId === selectedId ? null : siteId;
    setSelectedId(next);
    const card = next ? listRef.current?.querySelector<HTMLElement>(`[data-site-id="${CSS.escape(next)}"]`) : null;
    const reduceMotion = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    card?.scrollIntoView({ block: "nearest", behavior: reduceMotion ? "auto" : "smooth" });
  }

  return (
    <section aria-labelledby="results-count" aria-busy={isPending} className="min-w-0">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div role="status">
          <h2 id="results-count" className="flex items-center gap-2 text-lg font-semibold tracking-tight">
            {countText(total)}
            {isPending && (
              <span className="inline-flex items-center gap-1 text-sm font-normal text-slate-600">
                <LoaderCircle className="h-4 w-4 animate-spin motion-reduce:animate-none" aria-hidden="true" />
                Updating…
              </span>
            )}
          </h2>
          {items.length > 0 && (
            <p className="text-sm text-slate-600">
              {total > items.length ? `Showing ${first}–${first + items.length - 1}` : "Showing all"}
              {hasWindow && `, with free kW from ${formatDay(need.from!)} to ${formatDay(need.to!)}`}
            </p>
          )}
        </div>
        <SortSelect hasQuery={Boolean(filters.q)} hasWindow={hasWindow} />
      </div>

      <div className={cn("mt-4 transition-opacity", isPending && "opacity-60")}>
        {total === 0 ? (
          <EmptyResults filters={filters} countryNames={countryNames} />
        ) : items.length === 0 ? (
          <PastTheEnd page={page} lastPage={Math.ceil(total / pageSize)} />
        ) : (
          <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_minmax(0,26rem)]">
            <div className="min-w-0">
              <ol ref={listRef} aria-label="Matching listings" className="space-y-3">
                {items.map((item) => (
                  <ResultCard key={item.id} item={item} need={need} countryName={countryNames[item.country] ?? item.country} highlighted={item.siteId === highlightedId || item.siteId === selectedId} onHighlight={setHighlightedId} />
                ))}
              </ol>
              <Pagination page={page} pageSize={pageSize} total={total} />
            </div>
            {/* After the list in reading order (Tab reaches the results first), above it on small screens. */}
            <div className="order-first xl:order-none">
              <div className="xl:sticky xl:top-20">
                <ResultsMap pins={pins} countryNames={countryNames} items={items} hasWindow={hasWindow} highlightedId={highlightedId} selectedId={selectedId} onHighlight={setHighlightedId} onSelect={select} />
              </div>
            </div>
          </div>
        )}
      </div>
    </section>
  );
}
