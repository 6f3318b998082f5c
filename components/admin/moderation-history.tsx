import { Badge } from "@/components/ui/badge";

export type OrganizationHistory = { organizationName: string; organizationStatus: "active" | "suspended"; published: number; rejected: number; reportCount: number };

/** The miner organization's track record, so an admin weighs a listing by who offers it. */
export function ModerationHistory({ history }: { history: OrganizationHistory }) {
  const figures: [string, number, string][] = [
    ["published", history.published, "text-slate-700"],
    ["rejected", history.rejected, history.rejected ? "text-red-800" : "text-slate-700"],
    [history.reportCount === 1 ? "report" : "reports", history.reportCount, history.reportCount ? "text-amber-900" : "text-slate-700"],
  ];
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
      <span className="font-medium text-slate-900">{history.organizationName}</span>
      {history.organizationStatus === "suspended" && <Badge tone="red">Suspended</Badge>}
      <ul aria-label={`${history.organizationName}'s history`} className="flex flex-wrap gap-x-3 text-slate-600">
        {figures.map(([label, count, tone]) => (
          <li key={label}>
            <span className={`font-semibold tabular-nums ${tone}`}>{count}</span> {label}
          </li>
        ))}
      </ul>
    </div>
  );
}
