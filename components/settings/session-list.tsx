import { Monitor, ShieldCheck } from "lucide-react";
import { ConfirmActionButton } from "@/components/forms/confirm-action-button";
import { revokeSessionAction } from "@/app/(app)/settings/actions";
import { Badge } from "@/components/ui/badge";
import type { SessionSummary } from "@/db/queries/sessions";
import { describeDevice } from "./session-device";

const when = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** The account's signed-in sessions, this one first. */
export function SessionList({ sessions }: { sessions: SessionSummary[] }) {
  const ordered = [...sessions].sort((a, b) => Number(b.current) - Number(a.current));
  return (
    <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200">
      {ordered.map((session) => {
        const device = describeDevice(session.userAgent);
        return (
          <li key={session.id} className="flex flex-col gap-3 p-4 sm:flex-row sm:items-center sm:justify-between">
            <div className="flex min-w-0 gap-3">
              <Monitor className="mt-0.5 h-5 w-5 shrink-0 text-slate-500" aria-hidden="true" />
              <div className="min-w-0">
                <p className="flex flex-wrap items-center gap-2 text-sm font-medium text-slate-900">
                  {device}
                  {session.current && <Badge tone="green">This session</Badge>}
                  {session.mfa && (
                    <span className="inline-flex items-center gap-1 text-xs font-normal text-slate-600">
                      <ShieldCheck className="h-3.5 w-3.5" aria-hidden="true" /> with a second factor
                    </span>
                  )}
                </p>
                <p className="mt-0.5 text-xs text-slate-600">
                  Signed in {when.format(session.createdAt)} UTC · last seen {when.format(session.lastSeenAt)} UTC
                  {session.ipAddress && session.ipAddress !== "unknown" ? <> · from {session.ipAddress}</> : null}
                </p>
              </div>
            </div>
            {!session.current && (
              <ConfirmActionButton
                action={revokeSessionAction}
                fields={{ id: session.id }}
                label="Sign out"
                accessibleLabel={`Sign out ${device}, signed in ${when.format(session.createdAt)}`}
                confirmLabel="Yes, sign out"
                pendingLabel="Signing out…"
                confirmAccessibleLabel={`Confirm signing out ${device}`}
                variant="secondary"
              />
            )}
          </li>
        );
      })}
    </ul>
  );
}
