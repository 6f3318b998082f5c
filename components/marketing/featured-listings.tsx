import Link from "next/link";
import { BadgeCheck, MapPin, PlugZap } from "lucide-react";
import type { FeaturedListing } from "@/db/queries/marketplace";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { COOLING_LABELS, countryName, formatCents, formatKw } from "@/lib/format";

export function FeaturedListings({ listings }: { listings: FeaturedListing[] }) {
  if (listings.length === 0) {
    return (
      <div className="mt-6">
        <EmptyState
          icon={<PlugZap className="h-8 w-8" />}
          title="No capacity is listed yet"
          action={<ButtonLink href="/sign-up?kind=miner">List the first site</ButtonLink>}
        >
          Miners publish capacity after a short review. Be the first to put your megawatts in front of AI teams.
        </EmptyState>
      </div>
    );
  }
  return (
    <ul className="mt-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {listings.map((listing) => (
        <li key={listing.id} className="flex flex-col rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
          <div className="flex items-start justify-between gap-3">
            <h3 className="font-semibold leading-snug">
              <Link href={`/listings/${listing.id}`} className="hover:underline">
                {listing.title}
              </Link>
            </h3>
            {listing.verified && (
              <span className="shrink-0 text-emerald-700" title="Verified site">
                <BadgeCheck className="h-5 w-5" aria-hidden="true" />
                <span className="sr-only">Verified site</span>
              </span>
            )}
          </div>
          <p className="mt-1 flex items-center gap-1 text-sm text-slate-600">
            <MapPin className="h-3.5 w-3.5" aria-hidden="true" />
            {listing.siteName} · {listing.region}, {countryName(listing.country)}
          </p>
          <div className="mt-3 flex flex-wrap gap-1.5">
            <Badge tone="blue">{COOLING_LABELS[listing.cooling]}</Badge>
            <Badge>up to {listing.maxKwPerRack} kW/rack</Badge>
            <Badge tone="green">{listing.renewableShare} % renewable</Badge>
            <Badge>PUE {listing.pue.toFixed(2)}</Badge>
          </div>
          <dl className="mt-4 grid grid-cols-2 gap-3 border-t border-slate-100 pt-4 text-sm">
            <div>
              <dt className="text-slate-600">Capacity</dt>
              <dd className="font-semibold tabular-nums">{formatKw(listing.capacityKw)}</dd>
            </div>
            <div>
              <dt className="text-slate-600">Price</dt>
              <dd className="font-semibold tabular-nums">
                {formatCents(listing.priceCentsPerKwMonth)}
                <span className="font-normal text-slate-600"> /kW-mo</span>
              </dd>
            </div>
          </dl>
        </li>
      ))}
    </ul>
  );
}
