import type { Metadata } from "next";
import Link from "next/link";
import { ChevronLeft, Factory } from "lucide-react";
import { getDb } from "@/db";
import { siteOptions } from "@/db/queries/sites";
import { ListingForm } from "@/components/listings/listing-form";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { requirePageUser } from "@/lib/auth/guards";
import { actorOf } from "@/lib/auth/policy";

export const metadata: Metadata = { title: "New listing" };

export default async function NewListingPage({ searchParams }: PageProps<"/miner/listings/new">) {
  const user = await requirePageUser("/miner/listings/new", "miner");
  const sites = await siteOptions(await getDb(), actorOf(user));
  const { siteId } = await searchParams;
  // A site chosen on its own page (?siteId=) is preselected; with one site there is nothing to choose.
  const preselected = sites.find((site) => site.id === siteId)?.id ?? (sites.length === 1 ? sites[0]!.id : "");

  return (
    <div className="space-y-6">
      <Link href="/miner/listings" className="inline-flex items-center gap-1 text-sm text-slate-600 hover:text-slate-900">
        <ChevronLeft className="h-4 w-4" aria-hidden="true" /> Listings
      </Link>
      <div>
        <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">New listing</h1>
        <p className="mt-1 max-w-2xl text-slate-600">
          It is saved as a draft that only your organization sees. Preview it as buyers will, then submit it for review from its page.
        </p>
      </div>
      {sites.length === 0 ? (
        <EmptyState icon={<Factory className="h-8 w-8" />} title="Add a site first" action={<ButtonLink href="/miner/sites/new">Add a site</ButtonLink>}>
          A listing offers capacity at one of your sites, and the site&apos;s energized megawatts and cooling decide what you can offer.
        </EmptyState>
      ) : (
        <ListingForm mode="create" sites={sites} initial={{ siteId: preselected, minTermMonths: "12", depositPercent: "20" }} />
      )}
    </div>
  );
}
