import Link from "next/link";
import type { listReviewReports } from "@/db/queries/reviews";
import { formatAge } from "@/components/admin/moderation-format";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { REVIEW_REPORT_LABELS } from "./format";
import { HideReview } from "./hide-review";
import { ReviewCard } from "./review-card";
import { ReviewReportResolution } from "./review-report-resolution";

export type ReviewReportRow = Awaited<ReturnType<typeof listReviewReports>>[number];

/** A reported review as admins read it: the review (inert, flagged when hidden), the reporter's reason, hide or restore, then resolve. */
export function ReviewReportCard({ report, now }: { report: ReviewReportRow; now: Date }) {
  const titleId = `review-report-${report.id}-title`;
  const { review } = report;
  return (
    <Card role="article" aria-labelledby={titleId} className="p-5">
      <div className="flex flex-col gap-2 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0">
          <Badge tone="amber">{REVIEW_REPORT_LABELS[report.reason as keyof typeof REVIEW_REPORT_LABELS] ?? report.reason}</Badge>
          <h2 id={titleId} className="mt-2 text-lg font-semibold tracking-tight break-words">
            Review by {review.author.organizationName}
          </h2>
          <p className="mt-0.5 text-sm text-slate-600">
            {review.direction === "buyer_to_miner" ? "An AI team about its miner" : "A miner about its tenant"} ·{" "}
            <Link href={`/bookings/${review.bookingId}`} className="underline underline-offset-2 hover:text-slate-900">
              the booking
            </Link>
            {review.direction === "buyer_to_miner" && (
              <>
                {" · "}
                <Link href={`/miners/${review.subjectOrganizationId}`} className="underline underline-offset-2 hover:text-slate-900">
                  the miner&apos;s page
                </Link>
              </>
            )}
          </p>
        </div>
        <p className="shrink-0 text-sm text-slate-600 sm:text-right">
          Reported {formatAge(report.createdAt, now)}
          <br />
          by {report.reporterName ?? "a member"}
        </p>
      </div>

      <ReviewCard review={review} className="mt-4" />

      <p className="mt-3 text-sm text-slate-700">
        <span className="text-slate-600">Reporter&apos;s note: </span>
        {report.note.trim() ? <span className="whitespace-pre-line">{report.note}</span> : <span className="text-slate-500">none</span>}
      </p>

      <div className="mt-4 grid gap-6 border-t border-slate-100 pt-4 md:grid-cols-2">
        <section aria-label={review.hidden ? "Restore the review" : "Hide the review"}>
          <h3 className="mb-2 text-sm font-semibold">{review.hidden ? "Restore the review" : "Hide the review"}</h3>
          <HideReview reviewId={review.id} hidden={review.hidden} />
        </section>
        <section aria-label="Close the report">
          <h3 className="mb-2 text-sm font-semibold">Close the report</h3>
          <ReviewReportResolution reportId={report.id} />
        </section>
      </div>
    </Card>
  );
}
