import type { Metadata } from "next";
import { Star } from "lucide-react";
import { getDb } from "@/db";
import { listReviewReports } from "@/db/queries/reviews";
import { ReviewReportCard } from "@/components/reviews/review-report-card";
import { EmptyState } from "@/components/ui/empty-state";
import { requireAdminPageUser } from "@/lib/auth/admin-mfa";
import { actorOf } from "@/lib/auth/policy";

export const metadata: Metadata = { title: "Reported reviews" };

export default async function ReportedReviewsPage() {
  const user = await requireAdminPageUser("/admin/reviews");
  const reports = await listReviewReports(await getDb(), actorOf(user));
  const now = new Date();

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-3xl font-semibold tracking-tight">Reported reviews</h1>
        <p className="mt-1 max-w-2xl text-slate-600">
          Reviews people flagged, oldest first. Hide one with a reason (it stops showing and counting in the rating) or restore it, then resolve or dismiss the report with a note. Both go to the audit log.
        </p>
      </div>

      {reports.length === 0 ? (
        <EmptyState icon={<Star className="h-8 w-8" />} title="No reported reviews">
          When someone reports a review, it appears here with the review and their reason.
        </EmptyState>
      ) : (
        <ol className="space-y-4" aria-label="Open reports, oldest first">
          {reports.map((report) => (
            <li key={report.id}>
              <ReviewReportCard report={report} now={now} />
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
