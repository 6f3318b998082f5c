"use client";

import { useMemo } from "react";
import type { SearchItem, SitePin } from "@/db/queries/search";
import { WorldMap, type MapPin } from "@/components/maps/world-map";
import { formatKw } from "@/lib/format";
import { formatPrice } from "./format";

type ResultsMapProps = {
  pins: SitePin[];
  countryNames: Record<string, string>;
  items: SearchItem[];
  hasWindow: boolean;
  highlightedId: string | null;
  selectedId: string | null;
  onHighlight: (siteId: string | null) => void;
  onSelect: (siteId: string) => void;
};

function pinLabel(pin: SitePin, country: string, hasWindow: boolean): string {
  const listings = pin.listings === 1 ? "1 listing" : `${pin.listings} listings`;
  return `${pin.siteName}, ${pin.region}, ${country}: ${listings}, ${formatKw(pin.freeKw)} ${hasWindow ? "free" : "offered"}, from ${formatPrice(pin.minPriceCents)}/kW-mo`;
}

/**
 * Pins of every match, not only this page. The page's sites are focusable and come first, in
 * list order, so Tab moves from pin to pin in the order the results read; the others are dots
 * the pointer can still highlight and select (the list and its pages are the keyboard's way to
 * them). The radius grows with the square root of the free kW, so a pin's area, not its width,
 * is proportional to the capacity.
 */
export function mapPins(pins: SitePin[], items: SearchItem[], countryNames: Record<string, string>, hasWindow: boolean): MapPin[] {
  const rank = new Map<string, number>();
  items.forEach((item, index) => {
    if (!rank.has(item.siteId)) rank.set(item.siteId, index);
  });
  const maxKw = Math.max(1, ...pins.map((p) => p.freeKw));
  return [...pins]
    .sort((a, b) => (rank.get(a.siteId) ?? Infinity) - (rank.get(b.siteId) ?? Infinity) || b.freeKw - a.freeKw)
    .map((pin) => ({
      id: pin.siteId,
      lat: pin.latitude,
      lon: pin.longitude,
      label: pinLabel(pin, countryNames[pin.country] ?? pin.country, hasWindow),
      size: Math.sqrt(pin.freeKw / maxKw),
      tone: pin.freeKw > 0 ? "default" : "muted",
      focusable: rank.has(pin.siteId),
    }));
}

export function ResultsMap({ pins, countryNames, items, hasWindow, highlightedId, selectedId, onHighlight, onSelect }: ResultsMapProps) {
  // Hovering re-renders the map: its thousands of labels and positions are worked out once per result.
  const mapped = useMemo(() => mapPins(pins, items, countryNames, hasWindow), [pins, items, countryNames, hasWindow]);
  const selected = selectedId ? pins.find((p) => p.siteId === selectedId) : undefined;
  const onPage = selected ? items.filter((i) => i.siteId === selected.siteId).length : 0;
  return (
    <div className="rounded-xl border border-slate-200 bg-ink-950 p-2 shadow-sm" data-highlighted-site={highlightedId ?? undefined} data-selected-site={selectedId ?? undefined}>
      <WorldMap
        pins={mapped}
        highlightedId={highlightedId}
        selectedId={selectedId}
        onPinHover={onHighlight}
        onPinSelect={onSelect}
        ariaLabel={`Map of the ${pins.length === 1 ? "site" : `${pins.length} sites`} with matching listings`}
      />
      <div className="px-2 pb-1 pt-2 text-xs text-slate-300">
        <p>
          One pin per site, sized by the kW {hasWindow ? "free over your dates" : "offered"}
          {hasWindow && "; grey where nothing is free"}. Select a pin to find its listings.
        </p>
        <p aria-live="polite" className={selected ? "mt-1 text-slate-100" : "sr-only"}>
          {selected && (
            <>
              <span className="font-medium">{selected.siteName}</span>: {selected.listings === 1 ? "1 matching listing" : `${selected.listings} matching listings`},{" "}
              {formatKw(selected.freeKw)} {hasWindow ? "free" : "offered"}.{" "}
              {onPage === 0 ? "None on this page." : onPage === selected.listings ? "All on this page." : `${onPage} on this page.`}
            </>
          )}
        </p>
      </div>
    </div>
  );
}
