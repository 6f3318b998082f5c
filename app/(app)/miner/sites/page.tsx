import type { Metadata } from "next";
import { BadgeCheck, Building2, MapPin, Plus } from "lucide-react";
import Link from "next/link";
import { getDb } from "@/db";
import { countListingsBySite, listSites } from "@/db/queries/sites";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { requirePageUser } from "@/lib/auth/guards";
import { actorOf } from "@/lib/auth/policy";
import { COOLING_LABELS, countryName, formatKw } from "@/lib/format";

export const metadata: Metadata = { title: "Sites" };

export default async function SitesPage() {
  const user = await requirePageUser("/miner/sites", "miner");
  const db = await getDb();
  const [sites, listingCounts] = await Promise.all([listSites(db, actorOf(user), user.organization!.id), countListingsBySite(db, actorOf(user), user.organization!.id)]);

  return (
    <>
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-semibold tracking-tight">Sites</h1>
          <p className="mt-1 text-sm text-slate-600">Your facilities: power, cooling and network facts that every listing at the site shares.</p>
        </div>
        {sites.length > 0 && (
          <ButtonLink href="/miner/sites/new">
            <Plus className="h-4 w-4" aria-hidden="true" /> Add a site
          </ButtonLink>
        )}
      </div>
      <div className="mt-8">
        {sites.length === 0 ? (
          <EmptyState icon={<Building2 className="h-8 w-8" />} title="Add your first site" action={<ButtonLink href="/miner/sites/new">Add a site</ButtonLink>}>
            Describe where it is, how many megawatts are energized, the power mix, cooling and network. Then list the capacity you can offer AI teams.
          </EmptyState>
        ) : (
          <ul className="grid gap-4 md:grid-cols-2">
            {sites.map((site) => (
              <li key={site.id} className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
                <div className="flex items-start justify-between gap-3">
                  <h2 className="font-semibold">
                    <Link href={`/miner/sites/${site.id}`} className="hover:underline">
                      {site.name}
                    </Link>
                  </h2>
                  {site.verified ? (
                    <Badge tone="green">
                      <BadgeCheck className="mr-1 h-3.5 w-3.5" aria-hidden="true" /> Verified
                    </Badge>
                  ) : (
                    <Badge>Not verified</Badge>
                  )}
                </div>
                <p className="mt-1 flex items-center gap-1 text-sm text-slate-600">
                  <MapPin className="h-3.5 w-3.5" aria-hidden="true" /> {site.region}, {countryName(site.country)}
                </p>
                <dl className="mt-4 grid grid-cols-3 gap-3 text-sm">
                  <div>
                    <dt className="text-slate-600">Energized</dt>
                    <dd className="font-semibold tabular-nums">{formatKw(site.energizedMw * 1000)}</dd>
                  </div>
                  <div>
                    <dt className="text-slate-600">Renewable</dt>
                    <dd className="font-semibold tabular-nums">{site.renewableShare} %</dd>
                  </div>
                  <div>
                    <dt className="text-slate-600">Listings</dt>
                    <dd className="font-semibold tabular-nums">{listingCounts.get(site.id) ?? 0}</dd>
                  </div>
                </dl>
                <p className="mt-3 text-xs text-slate-600">
                  {site.coolingTypes.map((c) => COOLING_LABELS[c]).join(" · ")} · PUE {site.pue.toFixed(2)} · {site.redundancy}
                </p>
              </li>
            ))}
          </ul>
        )}
      </div>
    </>
  );
}
