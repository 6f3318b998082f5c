// Every transition of a booking, oldest first: what it became, who moved it, when, and why.
import { statusLabel } from "@/components/dashboard/status-list";
import type { BookingStatus } from "@/lib/domain/booking-lifecycle";
import { formatUtc } from "./format";

export type Transition = {
  from: BookingStatus | null;
  to: BookingStatus;
  actorKind: "user" | "admin" | "system" | "payment_provider";
  actorName: string | null;
  reason: string | null;
  at: Date;
};

function who(t: Transition): string {
  if (t.actorKind === "payment_provider") return "the payment provider";
  if (t.actorKind === "system") return "Substation, automatically";
  const name = t.actorName ?? "a former user";
  return t.actorKind === "admin" ? `${name} (admin)` : name;
}

export function BookingTimeline({ transitions }: { transitions: Transition[] }) {
  return (
    <ol className="relative space-y-5 border-l border-slate-200 pl-5">
      {transitions.map((t, index) => (
        <li key={`${t.to}-${index}`} className="relative">
          <span aria-hidden="true" className="absolute top-1.5 -left-[1.6rem] h-2.5 w-2.5 rounded-full border-2 border-white bg-slate-400 ring-1 ring-slate-300" />
          <p className="text-sm">
            <span className="font-medium text-slate-900">{t.from ? statusLabel(t.to) : "Reserved"}</span>
            <span className="text-slate-600"> · by {who(t)}</span>
          </p>
          <time dateTime={t.at.toISOString()} className="block text-xs text-slate-600">
            {formatUtc(t.at)}
          </time>
          {t.reason && <p className="mt-1 rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-800">“{t.reason}”</p>}
        </li>
      ))}
    </ol>
  );
}
