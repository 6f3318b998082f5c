import Link from "next/link";
import type { listReports } from "@/db/queries/reports";
import { formatDay } from "@/components/listings/format";
import { ListingStatusBadge } from "@/components/listings/status-badge";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { toDay } from "@/lib/domain/days";
import { REPORT_REASON_LABELS } from "@/lib/validations/admin";
import { formatAge } from "./moderation-format";
import { ReportResolution } from "./report-resolution";

export type ReportRow = Awaited<ReturnType<typeof listReports>>[number];

/** One report: the listing, who offers it, who reported it and why; the decision when open. */
export function ReportCard({ report, now }: { report: ReportRow; now: Date }) {
  const titleId = `report-${report.id}-title`;
  return (
    <Card role="article" aria-labelledby={titleId} className="p-5">
      <div className="flex flex-col gap-2 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-2">
            <Badge tone="amber">{REPORT_REASON_LABELS[report.reason]}</Badge>
            <ListingStatusBadge status={report.listingStatus} />
          </div>
          <h2 id={titleId} className="mt-2 text-lg font-semibold tracking-tight break-words">
            <Link href={`/listings/${report.listingId}`} className="underline-offset-2 hover:underline">
              {report.listingTitle}
            </Link>
          </h2>
          <p className="mt-0.5 text-sm text-slate-600">Offered by {report.organizationName}</p>
        </div>
        <p className="shrink-0 text-sm text-slate-600 sm:text-right">
          Reported {formatAge(report.createdAt, now)} <span className="whitespace-nowrap">({formatDay(toDay(report.createdAt))})</span>
          <br />
          by {report.reporterEmail ?? "a deleted account"}
        </p>
      </div>

      <blockquote className="mt-4 rounded-lg bg-slate-50 px-4 py-3 text-sm whitespace-pre-line text-slate-800">
        {report.note.trim() ? report.note : <span className="text-slate-500">No note from the reporter.</span>}
      </blockquote>

      <div className="mt-4 border-t border-slate-100 pt-4">
        {report.status === "open" ? (
          <ReportResolution reportId={report.id} listingTitle={report.listingTitle} canUnpublish={report.listingStatus === "published"} />
        ) : (
          <div className="text-sm">
            <p className="font-medium text-slate-900">
              {report.status === "resolved" ? "Resolved" : "Dismissed"}
              {report.resolvedAt && <span className="font-normal text-slate-600"> on {formatDay(toDay(report.resolvedAt))}</span>}
            </p>
            {report.resolutionNote && <p className="mt-1 whitespace-pre-line text-slate-700">{report.resolutionNote}</p>}
          </div>
        )}
      </div>
    </Card>
  );
}
