import { MessageSquareText } from "lucide-react";
import type { ReviewView } from "@/db/queries/reviews";
import { EmptyState } from "@/components/ui/empty-state";
import { HideReview } from "./hide-review";
import { ReportReview } from "./report-review";
import { ReviewCard } from "./review-card";
import { RatingSummary, type Rating } from "./stars";

type Viewer = { role: "buyer" | "miner" | "admin"; organizationId: string | null } | null;

/**
 * An organization's published reviews, newest first. Signed-in visitors may report one;
 * admins also see hidden ones (flagged) and hide or restore them.
 */
export function OrganizationReviews({ rating, items, viewer, emptyText }: { rating: Rating; items: ReviewView[]; viewer: Viewer; emptyText: string }) {
  return (
    <div className="space-y-3">
      <RatingSummary rating={rating} showEmpty className="text-base" />
      {items.length === 0 ? (
        <EmptyState icon={<MessageSquareText className="h-8 w-8" />} title="No reviews yet">
          {emptyText}
        </EmptyState>
      ) : (
        <ul className="space-y-3">
          {items.map((review) => (
            <li key={review.id}>
              <ReviewCard review={review}>
                {viewer && viewer.organizationId !== review.author.organizationId && viewer.role !== "admin" && <ReportReview reviewId={review.id} authorName={review.author.organizationName} />}
                {viewer?.role === "admin" && (
                  <details className="text-sm">
                    <summary className="cursor-pointer font-medium text-slate-800">{review.hidden ? "Restore" : "Hide"} (admin)</summary>
                    <div className="mt-2">
                      <HideReview reviewId={review.id} hidden={review.hidden} />
                    </div>
                  </details>
                )}
              </ReviewCard>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
