"use client";

import { SearchX, X } from "lucide-react";
import { useSearchParams } from "next/navigation";
import { EmptyState } from "@/components/ui/empty-state";
import { COOLING_LABELS, formatKw } from "@/lib/format";
import type { SearchParams } from "@/lib/validations/search";
import { FILTER_KEYS, searchHref } from "./filter-values";
import { formatDay, formatPrice } from "./format";
import { SearchLink } from "./search-navigation";

type Relaxation = { label: string; remove: string[] };

/** Each filter the search used as a chip that removes it, those that narrow the most first. */
function relaxations(p: SearchParams, countryNames: Record<string, string>): Relaxation[] {
  const out: Relaxation[] = [];
  if (p.from && p.to) out.push({ label: `Dates ${formatDay(p.from)} – ${formatDay(p.to)}`, remove: ["from", "to"] });
  if (p.minKw !== undefined) out.push({ label: `At least ${formatKw(p.minKw)}`, remove: ["minKw"] });
  if (p.maxPrice !== undefined) out.push({ label: `Up to ${formatPrice(p.maxPrice)}/kW-mo`, remove: ["maxPrice"] });
  if (p.cooling?.length) out.push({ label: p.cooling.map((c) => COOLING_LABELS[c]).join(" or "), remove: ["cooling"] });
  if (p.renewableMin !== undefined) out.push({ label: `${p.renewableMin}\u00a0% renewable or more`, remove: ["renewableMin"] });
  if (p.minDensity !== undefined) out.push({ label: `${p.minDensity} kW/rack or more`, remove: ["minDensity"] });
  if (p.country) out.push({ label: countryNames[p.country] ?? p.country, remove: ["country"] });
  if (p.q) out.push({ label: `“${p.q}”`, remove: ["q"] });
  if (p.interruptible !== undefined) out.push({ label: p.interruptible ? "Interruptible only" : "Firm only", remove: ["interruptible"] });
  if (p.redundancy) out.push({ label: `${p.redundancy} or better`, remove: ["redundancy"] });
  if (p.verified) out.push({ label: "Verified sites only", remove: ["verified"] });
  return out;
}

function without(params: URLSearchParams, keys: string[]): string {
  const next = new URLSearchParams(params);
  for (const key of [...keys, "page"]) next.delete(key);
  return searchHref(next);
}

export function EmptyResults({ filters, countryNames }: { filters: SearchParams; countryNames: Record<string, string> }) {
  const params = useSearchParams();
  const chips = relaxations(filters, countryNames);
  return (
    <EmptyState
      icon={<SearchX className="h-8 w-8" />}
      title="No listings match all of these filters"
      action={
        chips.length > 0 && (
          <SearchLink href={without(params, [...FILTER_KEYS])} className="text-sm font-medium underline underline-offset-2">
            Clear all filters
          </SearchLink>
        )
      }
    >
      {chips.length === 0 ? (
        <p>No capacity is published right now. Check back soon.</p>
      ) : (
        <>
          <p>
            {filters.from ? "Dates narrow the most: a listing must offer the whole window and have the kW free on its busiest day. " : ""}
            Remove one filter to widen the search:
          </p>
          <ul className="mt-4 flex flex-wrap justify-center gap-2">
            {chips.map((chip) => (
              <li key={chip.label}>
                <SearchLink
                  href={without(params, chip.remove)}
                  aria-label={`Remove the filter ${chip.label}`}
                  className="inline-flex items-center gap-1 rounded-full border border-slate-300 bg-white px-3 py-1 text-sm text-slate-800 hover:bg-slate-100"
                >
                  {chip.label}
                  <X className="h-3.5 w-3.5" aria-hidden="true" />
                </SearchLink>
              </li>
            ))}
          </ul>
        </>
      )}
    </EmptyState>
  );
}

export function PastTheEnd({ page, lastPage }: { page: number; lastPage: number }) {
  const params = useSearchParams();
  const last = new URLSearchParams(params);
  if (lastPage > 1) last.set("page", String(lastPage));
  else last.delete("page");
  return (
    <EmptyState
      icon={<SearchX className="h-8 w-8" />}
      title={`There is no page ${page}`}
      action={
        <SearchLink href={searchHref(last)} scroll className="text-sm font-medium underline underline-offset-2">
          {lastPage === 1 ? "See them all" : `Go to the last page (${lastPage})`}
        </SearchLink>
      }
    >
      The matches fit on {lastPage === 1 ? "one page" : `${lastPage} pages`}.
    </EmptyState>
  );
}
