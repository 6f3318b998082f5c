import Link from "next/link";
import type { listMessageReports } from "@/db/queries/message-reports";
import { formatAge } from "@/components/admin/moderation-format";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { formatMessageTime, KIND_LABELS, MESSAGE_REPORT_LABELS } from "./format";
import { MessageReportResolution } from "./message-report-resolution";

export type MessageReportRow = Awaited<ReturnType<typeof listMessageReports>>[number];

/** A reported message as admins read it: the original text (inert), who wrote it, the thread, the reporter's reason. */
export function MessageReportCard({ report, now }: { report: MessageReportRow; now: Date }) {
  const titleId = `message-report-${report.id}-title`;
  return (
    <Card role="article" aria-labelledby={titleId} className="p-5">
      <div className="flex flex-col gap-2 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-2">
            <Badge tone="amber">{MESSAGE_REPORT_LABELS[report.reason]}</Badge>
            <Badge tone={report.threadKind === "booking" ? "blue" : "violet"}>{KIND_LABELS[report.threadKind]}</Badge>
          </div>
          <h2 id={titleId} className="mt-2 text-lg font-semibold tracking-tight break-words">
            {report.authorName ?? "A former member"}
            {report.authorOrganizationName && <span className="font-normal text-slate-600"> · {report.authorOrganizationName}</span>}
          </h2>
          <p className="mt-0.5 text-sm text-slate-600">
            About{" "}
            <Link href={`/listings/${report.listingId}`} className="underline underline-offset-2 hover:text-slate-900">
              {report.listingTitle}
            </Link>
          </p>
        </div>
        <p className="shrink-0 text-sm text-slate-600 sm:text-right">
          Reported {formatAge(report.createdAt, now)}
          <br />
          by {report.reporterEmail ?? "a deleted account"}
        </p>
      </div>

      <figure className="mt-4">
        <blockquote className="rounded-lg border border-slate-200 bg-slate-50 px-4 py-3 text-sm break-words whitespace-pre-wrap text-slate-900">{report.messageBody}</blockquote>
        <figcaption className="mt-1 flex flex-wrap justify-between gap-2 text-xs text-slate-600">
          <span>Sent {formatMessageTime(report.messageCreatedAt, now)}</span>
          <Link href={`/messages/${report.threadId}`} className="font-medium text-slate-900 underline underline-offset-2">
            Read the whole conversation
          </Link>
        </figcaption>
      </figure>

      <p className="mt-3 text-sm text-slate-700">
        <span className="text-slate-600">Reporter&apos;s note: </span>
        {report.note.trim() ? <span className="whitespace-pre-line">{report.note}</span> : <span className="text-slate-500">none</span>}
      </p>

      <div className="mt-4 border-t border-slate-100 pt-4">
        {report.status === "open" ? (
          <MessageReportResolution reportId={report.id} />
        ) : (
          <div className="text-sm">
            <p className="font-medium text-slate-900">{report.status === "resolved" ? "Resolved" : "Dismissed"}</p>
            {report.resolutionNote && <p className="mt-1 whitespace-pre-line text-slate-700">{report.resolutionNote}</p>}
          </div>
        )}
      </div>
    </Card>
  );
}
