import { Badge, type BadgeTone } from "@/components/ui/badge";

const LABELS: Record<string, [string, BadgeTone]> = {
  draft: ["Draft", "neutral"],
  pending_review: ["In review", "amber"],
  published: ["Published", "green"],
  rejected: ["Rejected", "red"],
  paused: ["Paused", "neutral"],
  archived: ["Archived", "neutral"],
  pending_deposit: ["Awaiting deposit", "amber"],
  awaiting_provider: ["Awaiting miner", "amber"],
  confirmed: ["Confirmed", "green"],
  active: ["Active", "green"],
  completed: ["Completed", "blue"],
  expired: ["Expired", "neutral"],
  declined: ["Declined", "red"],
  cancelled: ["Cancelled", "neutral"],
  refunded: ["Refunded", "violet"],
};

export function statusLabel(status: string): string {
  return LABELS[status]?.[0] ?? status;
}

/** Counts per status, in the lifecycle's order, with the statuses that have none left out. */
export function StatusList({ counts, order, empty }: { counts: Record<string, number>; order: string[]; empty: string }) {
  const present = order.filter((status) => (counts[status] ?? 0) > 0);
  if (present.length === 0) return <p className="text-sm text-slate-600">{empty}</p>;
  return (
    <ul className="divide-y divide-slate-100">
      {present.map((status) => (
        <li key={status} className="flex items-center justify-between py-2 text-sm">
          <Badge tone={LABELS[status]?.[1] ?? "neutral"}>{statusLabel(status)}</Badge>
          <span className="font-medium tabular-nums">{counts[status]}</span>
        </li>
      ))}
    </ul>
  );
}
