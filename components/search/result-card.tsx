import Link from "next/link";
import { BadgeCheck, MapPin } from "lucide-react";
import type { SearchItem } from "@/db/queries/search";
import { RatingSummary, ratingFrom } from "@/components/reviews/stars";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { COOLING_LABELS, formatKw } from "@/lib/format";
import { formatDay, formatPrice, listingHref, type SearchNeed } from "./format";

type ResultCardProps = {
  item: SearchItem;
  need: SearchNeed;
  countryName: string;
  highlighted: boolean;
  onHighlight: (siteId: string | null) => void;
};

/** One listing in the results, linked with its site's pin: hover or focus lights both. */
export function ResultCard({ item, need, countryName, highlighted, onHighlight }: ResultCardProps) {
  const hasWindow = item.freeKw !== undefined && need.from && need.to;
  const full = hasWindow && item.freeKw === 0;
  return (
    <li
      data-listing-id={item.id}
      data-site-id={item.siteId}
      data-highlighted={highlighted ? "true" : undefined}
      onMouseEnter={() => onHighlight(item.siteId)}
      onMouseLeave={() => onHighlight(null)}
      onFocus={() => onHighlight(item.siteId)}
      onBlur={() => onHighlight(null)}
      className={cn(
        "relative scroll-mt-24 rounded-xl border bg-white p-4 shadow-sm transition-shadow sm:p-5",
        highlighted ? "border-volt-500 ring-2 ring-volt-400" : "border-slate-200 hover:border-slate-300",
      )}
    >
      <div className="flex items-start justify-between gap-3">
        <h3 className="font-semibold leading-snug">
          {/* The whole card is the link's target area; the title stays the link's name. */}
          <Link href={listingHref(item, need)} className="after:absolute after:inset-0 after:rounded-xl hover:underline">
            {item.title}
          </Link>
        </h3>
        {item.verified && (
          <Badge tone="green" className="shrink-0 gap-1">
            <BadgeCheck className="h-3.5 w-3.5" aria-hidden="true" />
            Verified
          </Badge>
        )}
      </div>
      <p className="mt-1 flex items-center gap-1 text-sm text-slate-600">
        <MapPin className="h-3.5 w-3.5 shrink-0" aria-hidden="true" />
        <span>
          {/* Above the card's link overlay, so the site and the miner open their own pages. */}
          <Link href={`/sites/${item.siteId}`} className="relative z-10 hover:text-slate-900 hover:underline">
            {item.siteName}
          </Link>{" "}
          · {item.region}, {countryName} ·{" "}
          <Link href={`/miners/${item.organizationId}`} className="relative z-10 hover:text-slate-900 hover:underline">
            {item.organizationName}
          </Link>
        </span>
      </p>
      <RatingSummary rating={ratingFrom(item)} className="mt-1" />
      <div className="mt-3 flex flex-wrap gap-1.5">
        <Badge tone="blue">{COOLING_LABELS[item.cooling]}</Badge>
        <Badge>up to {item.maxKwPerRack} kW/rack</Badge>
        <Badge tone="green">{item.renewableShare}&nbsp;% renewable</Badge>
        <Badge>PUE {item.pue.toFixed(2)}</Badge>
        <Badge>{item.redundancy} redundancy</Badge>
        {item.interruptible ? <Badge tone="amber">Interruptible</Badge> : <Badge tone="violet">Firm</Badge>}
      </div>
      <dl className="mt-4 grid grid-cols-2 gap-3 border-t border-slate-100 pt-3 text-sm">
        <div>
          {hasWindow ? (
            <>
              <dt className="text-slate-600">Free over your dates</dt>
              <dd className={cn("text-base font-semibold tabular-nums", full ? "text-slate-500" : "text-slate-900")}>
                {formatKw(item.freeKw!)} free <span className="text-sm font-normal whitespace-nowrap text-slate-600">of {formatKw(item.capacityKw)}</span>
              </dd>
              <dd className="text-xs text-slate-600">
                {formatDay(need.from!)} – {formatDay(need.to!)}
              </dd>
            </>
          ) : (
            <>
              <dt className="text-slate-600">Capacity</dt>
              <dd className="text-base font-semibold tabular-nums">{formatKw(item.capacityKw)}</dd>
              <dd className="text-xs text-slate-600">
                {formatDay(item.availableFrom)} – {formatDay(item.availableUntil)}
              </dd>
            </>
          )}
        </div>
        <div>
          <dt className="text-slate-600">Price</dt>
          <dd className="text-base font-semibold tabular-nums">
            {formatPrice(item.priceCentsPerKwMonth)}
            <span className="text-sm font-normal text-slate-600"> /kW-mo</span>
          </dd>
          <dd className="text-xs text-slate-600">
            {item.minTermMonths}-month minimum · {item.depositPercent}&nbsp;% deposit
          </dd>
        </div>
      </dl>
    </li>
  );
}
