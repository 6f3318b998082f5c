import Link from "next/link";
import { BadgeCheck, FileText, MapPin } from "lucide-react";
import type { SiteForReview } from "@/db/queries/verification-review";
import { PowerMixBar } from "@/components/sites/power-mix-bar";
import { Badge } from "@/components/ui/badge";
import { COOLING_LABELS, countryName, formatBytes, formatKw, formatUtcDate } from "@/lib/format";
import { VerificationDecision } from "./verification-decision";

const INTERCONNECTION: Record<SiteForReview["interconnectionStatus"], string> = {
  energized: "Energized",
  under_construction: "Under construction",
  approved: "Approved",
  in_study: "In study",
  applied: "Applied for",
};

/** One site under review: the facts the badge vouches for, the evidence, and the decision. */
export function VerificationCard({ site }: { site: SiteForReview }) {
  const headingId = `site-${site.id}-name`;
  const facts: [string, string][] = [
    ["Energized", formatKw(site.energizedKw)],
    ["Planned", site.plannedKw > 0 ? formatKw(site.plannedKw) : "None"],
    ["Interconnection", `${INTERCONNECTION[site.interconnectionStatus]}${site.interconnectionVoltageKv ? `, ${site.interconnectionVoltageKv} kV` : ""}`],
    ["Cooling", site.coolingTypes.map((c) => COOLING_LABELS[c]).join(", ") || "Not stated"],
    ["PUE", site.pue.toFixed(2)],
    ["Redundancy", site.redundancy],
  ];
  return (
    <article id={`site-${site.id}`} aria-labelledby={headingId} className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 id={headingId} className="text-lg font-semibold text-slate-900">
            {site.name}
          </h2>
          <p className="mt-0.5 flex flex-wrap items-center gap-x-2 text-sm text-slate-600">
            <span className="inline-flex items-center gap-1">
              <MapPin className="h-3.5 w-3.5" aria-hidden="true" /> {site.region}, {countryName(site.country)}
            </span>
            <span aria-hidden="true">·</span>
            <Link href={`/admin/organizations?id=${site.organizationId}`} className="underline-offset-2 hover:underline">
              {site.organizationName}
            </Link>
            {site.organizationStatus === "suspended" && <Badge tone="red">Suspended</Badge>}
          </p>
        </div>
        {site.verifiedAt ? (
          <div className="text-right">
            <Badge tone="green">
              <BadgeCheck className="mr-1 h-3.5 w-3.5" aria-hidden="true" /> Verified
            </Badge>
            <p className="mt-1 text-xs text-slate-600">
              {formatUtcDate(site.verifiedAt)}
              {site.verifiedByName && <> by {site.verifiedByName}</>}
            </p>
          </div>
        ) : (
          <Badge tone="amber">Not verified</Badge>
        )}
      </header>

      <div className="mt-5 grid gap-6 md:grid-cols-2">
        <section aria-label={`Facts of ${site.name}`}>
          <h3 className="text-sm font-semibold text-slate-900">Power and cooling facts</h3>
          <div className="mt-2">
            <PowerMixBar mix={site.powerMix} />
          </div>
          <dl className="mt-3 grid grid-cols-2 gap-x-4 gap-y-2 text-sm sm:grid-cols-3">
            {facts.map(([label, value]) => (
              <div key={label}>
                <dt className="text-slate-600">{label}</dt>
                <dd className="font-medium text-slate-900">{value}</dd>
              </div>
            ))}
          </dl>
          <p className="mt-3 text-xs text-slate-600">When the miner edits any of these facts, the badge is cleared until the site is reviewed again.</p>
        </section>

        <section aria-label={`Evidence for ${site.name}`}>
          <h3 className="text-sm font-semibold text-slate-900">Evidence ({site.documents.length})</h3>
          {site.documents.length === 0 ? (
            <p className="mt-2 rounded-lg border border-dashed border-slate-300 px-3 py-4 text-sm text-slate-600">The miner has not uploaded any documents for this site yet.</p>
          ) : (
            <ul className="mt-2 divide-y divide-slate-100 rounded-lg border border-slate-200">
              {site.documents.map((document) => (
                <li key={document.id} className="flex items-start gap-2 px-3 py-2 text-sm">
                  <FileText className="mt-0.5 h-4 w-4 shrink-0 text-slate-400" aria-hidden="true" />
                  <div className="min-w-0">
                    <a href={document.url} target="_blank" rel="noopener" className="block truncate font-medium text-slate-900 underline underline-offset-2 hover:text-ink-800">
                      {document.kindLabel}: {document.filename}
                    </a>
                    <p className="text-xs text-slate-600">
                      {document.contentType === "application/pdf" ? "PDF (downloads)" : "Image (opens in a new tab)"}, {formatBytes(document.bytes)} · added {formatUtcDate(document.createdAt)}
                    </p>
                  </div>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>

      <div className="mt-5 border-t border-slate-100 pt-4">
        <VerificationDecision siteId={site.id} siteName={site.name} verified={site.verifiedAt !== null} documentCount={site.documents.length} />
      </div>
    </article>
  );
}
