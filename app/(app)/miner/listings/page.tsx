import type { Metadata } from "next";
import Link from "next/link";
import { Plus, PlugZap } from "lucide-react";
import { getDb } from "@/db";
import { listOrgListings } from "@/db/queries/listings";
import { siteOptions } from "@/db/queries/sites";
import { ListingTable } from "@/components/listings/listing-table";
import { parseSort, sortListings, sortParam, DEFAULT_SORT } from "@/components/listings/listing-sort";
import { StatusTabs, TAB_ORDER } from "@/components/listings/status-tabs";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { requirePageUser } from "@/lib/auth/guards";
import { actorOf, requireOrganization } from "@/lib/auth/policy";
import { STATUS_LABELS, type ListingStatus } from "@/lib/domain/listing-lifecycle";

export const metadata: Metadata = { title: "Listings" };

export default async function ListingsPage({ searchParams }: PageProps<"/miner/listings">) {
  const user = await requirePageUser("/miner/listings", "miner");
  const actor = actorOf(user);
  const db = await getDb();
  const query = await searchParams;
  const status = TAB_ORDER.find((s) => s === query.status) ?? null;
  const sort = parseSort(query.sort);
  // One organization's listings are few; counting them here keeps every tab's number exact.
  const [all, sites] = await Promise.all([listOrgListings(db, actor, requireOrganization(actor)), siteOptions(db, actor)]);
  const counts: Partial<Record<ListingStatus, number>> = {};
  for (const listing of all) counts[listing.status] = (counts[listing.status] ?? 0) + 1;
  const rows = sortListings(
    all.filter((listing) => !status || listing.status === status),
    sort,
  );
  const hasSites = sites.length > 0;

  return (
    <div className="space-y-6">
      <div className="flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
        <div>
          <h1 className="text-3xl font-semibold tracking-tight">Listings</h1>
          <p className="mt-1 max-w-2xl text-slate-600">Capacity your organization offers. Drafts are private; submitted listings go to an admin, then into AI teams&apos; search.</p>
        </div>
        {hasSites && all.length > 0 && (
          <ButtonLink href="/miner/listings/new" className="shrink-0">
            <Plus className="h-4 w-4" aria-hidden="true" /> Create a listing
          </ButtonLink>
        )}
      </div>

      {all.length === 0 ? (
        hasSites ? (
          <EmptyState icon={<PlugZap className="h-8 w-8" />} title="No listings yet" action={<ButtonLink href="/miner/listings/new">Create a listing</ButtonLink>}>
            Offer kW at one of your sites with a price per kW-month and the dates it is free. Save it as a draft, check how buyers will see it, then
            submit it for review.
          </EmptyState>
        ) : (
          <EmptyState icon={<PlugZap className="h-8 w-8" />} title="No listings yet" action={<ButtonLink href="/miner/sites/new">Add a site first</ButtonLink>}>
            A listing offers capacity at one of your sites, so start with the site: its energized megawatts, power mix, cooling and network.
          </EmptyState>
        )
      ) : (
        <>
          <StatusTabs counts={counts} current={status} sort={sort === DEFAULT_SORT ? undefined : sortParam(sort)} />
          {rows.length ? (
            <ListingTable rows={rows} sort={sort} status={status ?? undefined} />
          ) : (
            <div className="rounded-xl border border-dashed border-slate-300 bg-white px-6 py-10 text-center text-sm text-slate-600">
              No listings with the status “{STATUS_LABELS[status!]}”.{" "}
              <Link href="/miner/listings" className="font-medium text-slate-900 underline underline-offset-2">
                Show all listings
              </Link>
            </div>
          )}
        </>
      )}
    </div>
  );
}
