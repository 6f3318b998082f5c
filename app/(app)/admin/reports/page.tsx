import type { Metadata } from "next";
import { Flag } from "lucide-react";
import { getDb } from "@/db";
import { countOpenReports, listReports } from "@/db/queries/reports";
import { CountTabs } from "@/components/ui/count-tabs";
import { ReportCard } from "@/components/admin/report-card";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { requireAdminPageUser } from "@/lib/auth/admin-mfa";
import { actorOf } from "@/lib/auth/policy";

export const metadata: Metadata = { title: "Reports" };

const STATUSES = ["open", "resolved", "dismissed"] as const;
type ReportStatus = (typeof STATUSES)[number];
const TAB_LABELS: Record<ReportStatus, string> = { open: "Open", resolved: "Resolved", dismissed: "Dismissed" };
const EMPTY: Record<ReportStatus, { title: string; body: string }> = {
  open: { title: "No open reports", body: "When someone reports a listing, it appears here, oldest first." },
  resolved: { title: "No resolved reports", body: "Reports you act on are kept here with your note." },
  dismissed: { title: "No dismissed reports", body: "Reports you dismiss are kept here with your note." },
};

export default async function ReportsPage({ searchParams }: PageProps<"/admin/reports">) {
  const user = await requireAdminPageUser("/admin/reports");
  const actor = actorOf(user);
  const query = await searchParams;
  const status = STATUSES.find((s) => s === query.status) ?? "open";
  const db = await getDb();
  const [reports, openReports] = await Promise.all([listReports(db, actor, status), countOpenReports(db, actor)]);
  const now = new Date();

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-3xl font-semibold tracking-tight">Reports</h1>
        <p className="mt-1 max-w-2xl text-slate-600">Listings people flagged. Resolve a report when it was right, dismiss it when not; either way leave a note.</p>
      </div>

      {(query.done === "resolved" || query.done === "dismissed") && (
        <Alert tone="success" title={query.done === "resolved" ? "Report resolved" : "Report dismissed"}>
          {query.unpublished ? "The listing is out of search and its public page now." : "Your note is kept with the report and in the audit log."}
        </Alert>
      )}

      <CountTabs
        label="Filter reports by status"
        tabs={STATUSES.map((s) => ({
          key: s,
          href: s === "open" ? "/admin/reports" : `/admin/reports?status=${s}`,
          label: TAB_LABELS[s],
          active: s === status,
          count: s === "open" ? openReports : undefined,
        }))}
      />

      {reports.length === 0 ? (
        <EmptyState icon={<Flag className="h-8 w-8" />} title={EMPTY[status].title}>
          {EMPTY[status].body}
        </EmptyState>
      ) : (
        <ol className="space-y-4" aria-label={status === "open" ? "Open reports, oldest first" : `${TAB_LABELS[status]} reports, newest first`}>
          {reports.map((report) => (
            <li key={report.id}>
              <ReportCard report={report} now={now} />
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
