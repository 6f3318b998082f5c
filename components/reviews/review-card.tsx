import type { ReactNode } from "react";
import { EyeOff, Reply } from "lucide-react";
import type { ReviewView } from "@/db/queries/reviews";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { formatReviewDate } from "./format";
import { ReviewStars } from "./stars";

/**
 * One review as plain text: React text nodes with their line breaks kept, never Markdown or
 * HTML. `hidden` reviews reach this card only for admins, flagged with the reason.
 */
export function ReviewCard({ review, heading, children, className }: { review: ReviewView; heading?: ReactNode; children?: ReactNode; className?: string }) {
  const when = review.publishedAt ?? review.createdAt;
  return (
    <article className={cn("rounded-lg border border-slate-200 bg-white p-4", review.hidden && "border-dashed bg-slate-50", className)} aria-label={`Review by ${review.author.organizationName}`}>
      {heading}
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <ReviewStars rating={review.rating} />
        <p className="text-sm font-medium text-slate-900">{review.author.organizationName}</p>
        <p className="text-xs text-slate-600">
          {review.direction === "buyer_to_miner" ? "AI team" : "Miner"} · <time dateTime={when.toISOString()}>{formatReviewDate(when)}</time>
        </p>
        {!review.publishedAt && <Badge tone="amber">Not published yet</Badge>}
      </div>
      {review.hidden && (
        <p className="mt-2 inline-flex items-start gap-1.5 rounded-md bg-red-50 px-2 py-1 text-sm text-red-800">
          <EyeOff className="mt-0.5 h-4 w-4 shrink-0" aria-hidden="true" />
          <span>Hidden by Substation{review.hiddenReason ? `: ${review.hiddenReason}` : ""}</span>
        </p>
      )}
      <p className="mt-2 whitespace-pre-wrap break-words text-sm text-slate-800">{review.body}</p>
      {review.reply && (
        <div className="mt-3 border-l-2 border-slate-200 pl-3">
          <p className="inline-flex items-center gap-1 text-xs font-medium text-slate-700">
            <Reply className="h-3.5 w-3.5" aria-hidden="true" /> Reply · <time dateTime={review.reply.createdAt.toISOString()}>{formatReviewDate(review.reply.createdAt)}</time>
          </p>
          <p className="mt-1 whitespace-pre-wrap break-words text-sm text-slate-800">{review.reply.body}</p>
        </div>
      )}
      {children && <div className="mt-3 space-y-3">{children}</div>}
    </article>
  );
}
