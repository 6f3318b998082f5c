import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";
import { BadgeCheck } from "lucide-react";
import { getDb } from "@/db";
import { getMinerProfile } from "@/db/queries/public-profiles";
import { listOrganizationReviews } from "@/db/queries/reviews";
import { formatMonths, formatPrice } from "@/components/listings/format";
import { MinerSitesMap } from "@/components/trust/miner-sites-map";
import { MinerStatsList } from "@/components/trust/miner-stats";
import { OrganizationReviews } from "@/components/reviews/organization-reviews";
import { Card } from "@/components/ui/card";
import { currentUser } from "@/lib/auth/guards";
import { actorOf } from "@/lib/auth/policy";
import { COOLING_LABELS, countryName, formatKw, formatUtcDate } from "@/lib/format";

const loadMiner = cache(async (id: string) => getMinerProfile(await getDb(), id));

const since = new Intl.DateTimeFormat("en-US", { month: "long", year: "numeric", timeZone: "UTC" });

export async function generateMetadata({ params }: PageProps<"/miners/[id]">): Promise<Metadata> {
  await connection();
  const miner = await loadMiner((await params).id);
  if (!miner) return { title: "Miner not found", robots: { index: false } };
  const countries = [...new Set(miner.sites.map((s) => countryName(s.country)))].join(", ");
  return {
    title: `${miner.name}: mining sites with capacity for AI`,
    description: `${miner.name} offers ${miner.listings.length} listing${miner.listings.length === 1 ? "" : "s"} at ${miner.sites.length} site${miner.sites.length === 1 ? "" : "s"} in ${countries}, on Substation since ${since.format(miner.memberSince)}.`,
  };
}

export default async function MinerProfilePage({ params }: PageProps<"/miners/[id]">) {
  await connection();
  const miner = await loadMiner((await params).id);
  if (!miner) notFound();
  const user = await currentUser();
  const viewer = user ? actorOf(user) : null;
  const reviews = await listOrganizationReviews(await getDb(), viewer, miner.id, { limit: 50 });

  return (
    <div className="mx-auto w-full max-w-6xl px-4 py-8 sm:px-6">
      <header>
        <p className="text-sm text-slate-600">Miner{miner.country ? ` · ${countryName(miner.country)}` : ""}</p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight sm:text-3xl">{miner.name}</h1>
      </header>

      <section aria-label="Track record" className="mt-6">
        <MinerStatsList stats={miner.stats} memberSince={since.format(miner.memberSince)} rating={reviews} />
      </section>

      <div className="mt-8 grid gap-8 lg:grid-cols-5">
        <section aria-labelledby="miner-sites-title" className="min-w-0 lg:col-span-2">
          <h2 id="miner-sites-title" className="text-lg font-semibold tracking-tight">
            Sites
          </h2>
          <Card className="mt-3 overflow-hidden">
            <div className="bg-ink-950">
              <MinerSitesMap sites={miner.sites} name={miner.name} />
            </div>
            <ul className="divide-y divide-slate-100">
              {miner.sites.map((site) => (
                <li key={site.id} className="p-4">
                  <Link href={`/sites/${site.id}`} className="font-medium text-slate-900 underline-offset-2 hover:underline">
                    {site.name}
                  </Link>
                  <p className="mt-0.5 flex flex-wrap items-center gap-x-2 text-sm text-slate-600">
                    {site.region}, {countryName(site.country)} · {site.energizedMw} MW energized
                    {site.verifiedAt && (
                      <span className="inline-flex items-center gap-1 text-emerald-800">
                        <BadgeCheck className="h-4 w-4" aria-hidden="true" /> Verified {formatUtcDate(site.verifiedAt)}
                      </span>
                    )}
                  </p>
                </li>
              ))}
            </ul>
          </Card>
        </section>

        <section aria-labelledby="miner-listings-title" className="min-w-0 lg:col-span-3">
          <h2 id="miner-listings-title" className="text-lg font-semibold tracking-tight">
            Published listings
          </h2>
          <ul className="mt-3 space-y-3">
            {miner.listings.map((listing) => (
              <li key={listing.id}>
                <Card className="p-4">
                  <Link href={`/listings/${listing.id}`} className="font-medium text-slate-900 underline-offset-2 hover:underline">
                    {listing.title}
                  </Link>
                  <p className="mt-1 text-sm text-slate-600">
                    {formatKw(listing.capacityKw)} · {COOLING_LABELS[listing.cooling]} · up to {listing.maxKwPerRack} kW a rack ·{" "}
                    {listing.interruptible ? "interruptible" : "firm"} · from {formatMonths(listing.minTermMonths)}
                  </p>
                  <p className="mt-1 text-sm font-semibold text-slate-900">{formatPrice(listing.priceCentsPerKwMonth)} per kW-month</p>
                </Card>
              </li>
            ))}
          </ul>
        </section>
      </div>

      <section aria-labelledby="miner-reviews-title" className="mt-8">
        <h2 id="miner-reviews-title" className="text-lg font-semibold tracking-tight">
          Reviews
        </h2>
        <p className="mt-1 text-sm text-slate-600">Written by AI teams after a booking with {miner.name}, published once both sides have reviewed or 14 days have passed.</p>
        <div className="mt-3">
          <OrganizationReviews rating={reviews} items={reviews.items} viewer={viewer} emptyText={`When a booking with ${miner.name} ends, the AI team can review it here.`} />
        </div>
      </section>
    </div>
  );
}
