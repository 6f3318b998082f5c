import type { Metadata } from "next";
import { MessageSquareWarning } from "lucide-react";
import { getDb } from "@/db";
import { countOpenMessageReports, listMessageReports } from "@/db/queries/message-reports";
import { MessageReportCard } from "@/components/messages/message-report-card";
import { Alert } from "@/components/ui/alert";
import { CountTabs } from "@/components/ui/count-tabs";
import { EmptyState } from "@/components/ui/empty-state";
import { requireAdminPageUser } from "@/lib/auth/admin-mfa";
import { actorOf } from "@/lib/auth/policy";

export const metadata: Metadata = { title: "Reported messages" };

const STATUSES = ["open", "resolved", "dismissed"] as const;
type Status = (typeof STATUSES)[number];
const TAB_LABELS: Record<Status, string> = { open: "Open", resolved: "Resolved", dismissed: "Dismissed" };
const EMPTY: Record<Status, { title: string; body: string }> = {
  open: { title: "No reported messages", body: "When someone reports a message, it appears here with its conversation, oldest first." },
  resolved: { title: "No resolved reports", body: "Reports you act on are kept here with your note." },
  dismissed: { title: "No dismissed reports", body: "Reports you dismiss are kept here with your note." },
};

export default async function ReportedMessagesPage({ searchParams }: PageProps<"/admin/messages">) {
  const user = await requireAdminPageUser("/admin/messages");
  const actor = actorOf(user);
  const query = await searchParams;
  const status = STATUSES.find((s) => s === query.status) ?? "open";
  const db = await getDb();
  const [reports, open] = await Promise.all([listMessageReports(db, actor, status), countOpenMessageReports(db, actor)]);
  const now = new Date();

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-3xl font-semibold tracking-tight">Reported messages</h1>
        <p className="mt-1 max-w-2xl text-slate-600">Messages people flagged, with the original text. Read the conversation, then resolve or dismiss with a note.</p>
      </div>

      {(query.done === "resolved" || query.done === "dismissed") && (
        <Alert tone="success" title={query.done === "resolved" ? "Report resolved" : "Report dismissed"}>
          Your note is kept with the report and in the audit log.
        </Alert>
      )}

      <CountTabs
        label="Filter reported messages by status"
        tabs={STATUSES.map((s) => ({
          key: s,
          href: s === "open" ? "/admin/messages" : `/admin/messages?status=${s}`,
          label: TAB_LABELS[s],
          active: s === status,
          count: s === "open" ? open : undefined,
        }))}
      />

      {reports.length === 0 ? (
        <EmptyState icon={<MessageSquareWarning className="h-8 w-8" />} title={EMPTY[status].title}>
          {EMPTY[status].body}
        </EmptyState>
      ) : (
        <ol className="space-y-4" aria-label={status === "open" ? "Open reports, oldest first" : `${TAB_LABELS[status]} reports, newest first`}>
          {reports.map((report) => (
            <li key={report.id}>
              <MessageReportCard report={report} now={now} />
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
