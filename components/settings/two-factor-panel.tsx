"use client";

import { useRef, useState } from "react";
import { ShieldCheck, ShieldOff } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { TwoFactorDisable } from "./two-factor-disable";
import { TwoFactorEnrol } from "./two-factor-enrol";
import { TwoFactorRecoveryCodes } from "./two-factor-recovery-codes";
import { TwoFactorRegenerate } from "./two-factor-regenerate";

export type TwoFactorView = {
  enabled: boolean;
  /** ISO timestamp, and the same formatted for people. */
  enabledAt: string | null;
  enabledAtLabel: string | null;
  recoveryCodesLeft: number;
};

/**
 * The whole two-factor section in one client component, so that the recovery codes shown
 * after enrolling stay on screen while the server re-renders the section as "on".
 */
export function TwoFactorPanel({ status, email }: { status: TwoFactorView; email: string }) {
  const [codes, setCodes] = useState<{ list: string[]; reason: "enrolled" | "regenerated" } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  function showCodes(list: string[], reason: "enrolled" | "regenerated") {
    setNotice(null);
    setCodes({ list, reason });
  }

  return (
    <div className="space-y-6">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div className="flex items-start gap-3">
          {status.enabled ? (
            <ShieldCheck className="mt-0.5 h-6 w-6 shrink-0 text-emerald-700" aria-hidden="true" />
          ) : (
            <ShieldOff className="mt-0.5 h-6 w-6 shrink-0 text-slate-500" aria-hidden="true" />
          )}
          <div>
            <h2 ref={heading} tabIndex={-1} id="two-factor-title" className="flex flex-wrap items-center gap-2 text-lg font-semibold outline-none">
              Two-factor sign-in
              {status.enabled ? <Badge tone="green">On</Badge> : <Badge>Off</Badge>}
            </h2>
            {status.enabled ? (
              <p className="mt-1 text-sm text-slate-600">
                On since {status.enabledAt && <time dateTime={status.enabledAt}>{status.enabledAtLabel}</time>}. Signing in asks for a code from
                your authenticator app. {status.recoveryCodesLeft} of 10 recovery codes left.
              </p>
            ) : (
              <p className="mt-1 max-w-2xl text-sm text-slate-600">
                Ask for a code from an authenticator app (Google Authenticator, 1Password, Authy, …) each time {email} signs in, so a stolen password
                alone cannot open your account.
              </p>
            )}
          </div>
        </div>
      </div>

      {notice && <Alert tone="success">{notice}</Alert>}
      {status.enabled && status.recoveryCodesLeft <= 2 && !codes && (
        <Alert tone="warning">
          {status.recoveryCodesLeft === 0 ? "You have no recovery codes left." : `Only ${status.recoveryCodesLeft} recovery codes left.`} Make new ones
          below so that losing your phone does not lock you out.
        </Alert>
      )}
      {codes && (
        <TwoFactorRecoveryCodes
          key={codes.list[0]}
          codes={codes.list}
          email={email}
          title={codes.reason === "enrolled" ? "Two-factor sign-in is on. Save your recovery codes" : "Your new recovery codes"}
          onDone={() => {
            setCodes(null);
            heading.current?.focus();
          }}
        />
      )}

      {status.enabled ? (
        <div className="grid gap-4 md:grid-cols-2">
          <TwoFactorRegenerate onCodes={(list) => showCodes(list, "regenerated")} />
          <TwoFactorDisable
            onDisabled={(message) => {
              setCodes(null);
              setNotice(message);
              heading.current?.focus();
            }}
          />
        </div>
      ) : (
        !codes && <TwoFactorEnrol onEnabled={(list) => showCodes(list, "enrolled")} />
      )}
    </div>
  );
}
