import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";
import { BadgeCheck, MapPin } from "lucide-react";
import { getDb } from "@/db";
import { getPublicSitePage, OUTLOOK_MONTHS } from "@/db/queries/public-profiles";
import { listSitePhotos } from "@/db/queries/site-photos";
import { PhotoGrid } from "@/components/listings/photo-grid";
import { Markdown } from "@/components/markdown";
import { SiteFacts } from "@/components/sites/site-facts";
import { ListingOutlook } from "@/components/trust/listing-outlook";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { countryName, formatUtcDate } from "@/lib/format";

const loadSite = cache(async (id: string) => getPublicSitePage(await getDb(), id));

export async function generateMetadata({ params }: PageProps<"/sites/[id]">): Promise<Metadata> {
  await connection();
  const page = await loadSite((await params).id);
  if (!page) return { title: "Site not found", robots: { index: false } };
  const { site, organization } = page;
  return {
    title: `${site.name}, ${site.region}: ${site.energizedMw} MW energized`,
    description: `${organization.name}'s site in ${site.region}, ${countryName(site.country)}: ${site.energizedMw} MW energized, ${site.renewableShare} % renewable, PUE ${site.pue.toFixed(2)}, ${site.redundancy} redundancy${site.verified ? ", verified by Substation" : ""}. ${page.listings.length} listing${page.listings.length === 1 ? "" : "s"} open.`,
  };
}

export default async function PublicSitePage({ params }: PageProps<"/sites/[id]">) {
  await connection();
  const page = await loadSite((await params).id);
  if (!page) notFound();
  const { site, organization, listings } = page;
  const photos = await listSitePhotos(await getDb(), null, site.id);

  return (
    <div className="mx-auto w-full max-w-6xl px-4 py-8 sm:px-6">
      <header>
        <p className="text-sm text-slate-600">
          A site of{" "}
          <Link href={`/miners/${organization.id}`} className="font-medium text-slate-900 underline underline-offset-2">
            {organization.name}
          </Link>
        </p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight sm:text-3xl">{site.name}</h1>
        <div className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-2 text-sm text-slate-700">
          <span className="inline-flex items-center gap-1">
            <MapPin className="h-4 w-4" aria-hidden="true" />
            {site.region}, {countryName(site.country)}
          </span>
          {site.verified && site.verifiedAt ? (
            <Badge tone="green">
              <BadgeCheck className="mr-1 h-3.5 w-3.5" aria-hidden="true" /> Verified {formatUtcDate(new Date(site.verifiedAt))}
            </Badge>
          ) : (
            <Badge>Not verified yet</Badge>
          )}
          <Badge tone="green">{site.renewableShare} % renewable</Badge>
          <Badge>PUE {site.pue.toFixed(2)}</Badge>
        </div>
      </header>

      {photos.length > 0 && (
        <div className="mt-6">
          <PhotoGrid photos={photos} siteName={site.name} />
        </div>
      )}

      <div className="mt-8 grid gap-8 lg:grid-cols-3">
        <div className="min-w-0 space-y-8 lg:col-span-2">
          <section aria-labelledby="open-listings-title">
            <h2 id="open-listings-title" className="text-lg font-semibold tracking-tight">
              Capacity open here
            </h2>
            <p className="mt-1 text-sm text-slate-600">Free kW in each of the next {OUTLOOK_MONTHS} months: the least that is free on any day of the month.</p>
            <Card className="mt-3 p-5">
              <ListingOutlook listings={listings} />
            </Card>
          </section>
          {site.description.trim() && (
            <section aria-labelledby="about-site-title">
              <h2 id="about-site-title" className="text-lg font-semibold tracking-tight">
                About the site
              </h2>
              <Card className="mt-3 p-5">
                <Markdown>{site.description}</Markdown>
              </Card>
            </section>
          )}
        </div>
        <section aria-labelledby="site-facts-title" className="min-w-0">
          <h2 id="site-facts-title" className="text-lg font-semibold tracking-tight">
            Power, cooling and network
          </h2>
          <Card className="mt-3 p-5">
            <SiteFacts site={site} />
            <p className="mt-4 text-xs text-slate-600">
              {site.verified && site.verifiedAt
                ? `Substation reviewed the interconnection agreement, power contract and photos on ${formatUtcDate(new Date(site.verifiedAt))}. A change to power or cooling facts clears the badge until the next review.`
                : "Substation has not reviewed this site's evidence yet. Facts are as the miner states them."}
            </p>
          </Card>
        </section>
      </div>
    </div>
  );
}
