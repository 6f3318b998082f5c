"use client";

import { reportReviewAction } from "@/app/(app)/bookings/[id]/review-actions";
import { ReportControl } from "@/components/moderation/report-control";
import { REVIEW_REPORT_LABELS } from "./format";
import { reportReviewFormSchema } from "./schemas";

/** "Report" under a published review. */
export function ReportReview({ reviewId, authorName }: { reviewId: string; authorName: string }) {
  return (
    <ReportControl
      action={reportReviewAction}
      schema={reportReviewFormSchema}
      target={{ name: "reviewId", id: reviewId }}
      accessibleSuffix={` the review by ${authorName}`}
      labels={REVIEW_REPORT_LABELS}
      formClassName="max-w-md"
    />
  );
}
