import type { Metadata } from "next";
import { Building2, Search } from "lucide-react";
import { getDb } from "@/db";
import { listSitesForReview } from "@/db/queries/verification-review";
import { CountTabs } from "@/components/ui/count-tabs";
import { VerificationCard } from "@/components/admin/verification-card";
import { Button, ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { requireAdminPageUser } from "@/lib/auth/admin-mfa";
import { actorOf } from "@/lib/auth/policy";

export const metadata: Metadata = { title: "Site verification" };

const SHOWS = ["all", "unverified", "verified"] as const;
type Show = (typeof SHOWS)[number];
const TAB_LABELS: Record<Show, string> = { all: "All sites", unverified: "Not verified", verified: "Verified" };

const text = (value: string | string[] | undefined) => (typeof value === "string" ? value.trim().slice(0, 100) : "");

function href(show: Show, q: string) {
  const params = new URLSearchParams();
  if (show !== "all") params.set("show", show);
  if (q) params.set("q", q);
  const query = params.toString();
  return query ? `/admin/sites?${query}` : "/admin/sites";
}

export default async function AdminSitesPage({ searchParams }: PageProps<"/admin/sites">) {
  const user = await requireAdminPageUser("/admin/sites");
  const query = await searchParams;
  const show = SHOWS.find((s) => s === query.show) ?? "all";
  const q = text(query.q);
  const siteId = text(query.site);
  const review = await listSitesForReview(await getDb(), actorOf(user), { show, q, siteId: siteId || undefined });
  const counts = { all: review.counts.unverified + review.counts.verified, ...review.counts };

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-3xl font-semibold tracking-tight">Site verification</h1>
        <p className="mt-1 max-w-2xl text-slate-600">
          Check each site&apos;s power and cooling facts against the evidence its miner uploaded, then grant or revoke the verified badge. Sites waiting for a decision come first, those with evidence before those without.
        </p>
      </div>

      <CountTabs label="Filter sites by verification" tabs={SHOWS.map((s) => ({ key: s, href: href(s, q), label: TAB_LABELS[s], active: s === show && !siteId, count: counts[s] }))} />

      <form method="get" action="/admin/sites" role="search" className="flex flex-wrap items-end gap-2">
        {show !== "all" && <input type="hidden" name="show" value={show} />}
        <Field id="site-search" label="Site or organization name" name="q" type="search" defaultValue={q} className="min-w-0 flex-1 sm:max-w-sm" />
        <Button type="submit" variant="secondary">
          <Search className="h-4 w-4" aria-hidden="true" /> Search
        </Button>
        {(q || siteId) && (
          <ButtonLink href={href(show, "")} variant="ghost">
            Clear
          </ButtonLink>
        )}
      </form>

      {review.sites.length === 0 ? (
        <EmptyState icon={<Building2 className="h-8 w-8" />} title={q || siteId ? "No site matches" : show === "verified" ? "No verified sites yet" : "Nothing to review"}>
          {q || siteId ? "Try another name, or clear the search." : show === "verified" ? "Sites you verify are listed here." : "Every site is verified. New sites and sites whose facts change appear here."}
        </EmptyState>
      ) : (
        <ol className="space-y-4" aria-label="Sites, those waiting for verification first">
          {review.sites.map((site) => (
            <li key={site.id}>
              <VerificationCard site={site} />
            </li>
          ))}
        </ol>
      )}
      {review.more && <p className="text-sm text-slate-600">Showing the first {review.sites.length} sites. Search by name to find others.</p>}
    </div>
  );
}
