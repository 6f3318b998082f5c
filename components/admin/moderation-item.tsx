import Link from "next/link";
import { BadgeCheck, ExternalLink, MapPin } from "lucide-react";
import type { moderationQueue } from "@/db/queries/moderation";
import { formatDay } from "@/components/listings/format";
import { ListingTerms } from "@/components/listings/listing-terms";
import { Markdown } from "@/components/markdown";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { toDay } from "@/lib/domain/days";
import { countryName } from "@/lib/format";
import { ModerationChanges } from "./moderation-changes";
import { ModerationDecision } from "./moderation-decision";
import { formatAge } from "./moderation-format";
import { ModerationHistory } from "./moderation-history";
import { SelectCheckbox } from "./moderation-selection";

export type QueueItem = Awaited<ReturnType<typeof moderationQueue>>[number];

/** One listing in the queue: what is offered, where, by whom, what changed, and the decision. */
export function ModerationItem({ item, now }: { item: QueueItem; now: Date }) {
  const titleId = `queue-${item.id}-title`;
  const pending = item.status === "pending_review";
  return (
    <Card role="article" aria-labelledby={titleId} className="p-5">
      <div className="flex gap-3">
        {pending && <SelectCheckbox id={item.id} title={item.title} />}
        <div className="min-w-0 flex-1 space-y-4">
          <header className="flex flex-col gap-2 sm:flex-row sm:items-start sm:justify-between">
            <div className="min-w-0">
              <h2 id={titleId} className="text-lg font-semibold tracking-tight break-words">
                {item.title}
              </h2>
              <p className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-slate-700">
                <span className="inline-flex items-start gap-1">
                  <MapPin className="mt-0.5 h-4 w-4 shrink-0 text-slate-500" aria-hidden="true" />
                  <span>
                    {item.siteName} · {item.siteRegion}, {countryName(item.siteCountry)}
                  </span>
                </span>
                {item.siteVerified ? (
                  <Badge tone="green" className="gap-1">
                    <BadgeCheck className="h-3.5 w-3.5" aria-hidden="true" /> Verified site
                  </Badge>
                ) : (
                  <Badge>Site not verified</Badge>
                )}
              </p>
            </div>
            <div className="shrink-0 text-sm text-slate-600 sm:text-right">
              {item.submittedAt && (
                <p>
                  Submitted {formatAge(item.submittedAt, now)}{" "}
                  <span className="whitespace-nowrap">({formatDay(toDay(item.submittedAt))})</span>
                </p>
              )}
              <Link href={`/listings/${item.id}`} className="inline-flex items-center gap-1 font-medium text-slate-900 underline underline-offset-2">
                Preview the listing <ExternalLink className="h-3.5 w-3.5" aria-hidden="true" />
                <span className="sr-only">“{item.title}”</span>
              </Link>
            </div>
          </header>

          <ModerationHistory history={item} />

          {item.changes.length > 0 ? (
            <ModerationChanges changes={item.changes} headingId={`queue-${item.id}-changes`} />
          ) : (
            pending && <p className="text-sm text-slate-600">{item.reviewedTerms ? "Resubmitted with the same terms as at the last review." : "First submission: nothing to compare with."}</p>
          )}

          {item.status === "rejected" && item.rejectionReason && (
            <div className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900">
              <p className="font-semibold">Reason given to the miner</p>
              <p className="mt-1 whitespace-pre-line">{item.rejectionReason}</p>
            </div>
          )}

          <ListingTerms listing={item} />

          {item.description.trim() && (
            <details className="rounded-lg border border-slate-200 px-4 py-2">
              <summary className="cursor-pointer text-sm font-medium text-slate-800">Description</summary>
              <div className="mt-2 pb-2">
                <Markdown>{item.description}</Markdown>
              </div>
            </details>
          )}

          {pending && <ModerationDecision listingId={item.id} title={item.title} />}
        </div>
      </div>
    </Card>
  );
}
