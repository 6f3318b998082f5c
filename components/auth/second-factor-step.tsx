"use client";

import { useEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/forms/submit-button";

type Reason = "asked" | "wrong" | "rate_limited";

/** Sign-in's second step: the authenticator's code, or a recovery code instead. */
export function SecondFactorStep({
  email,
  reason,
  message,
  error,
  onChange,
  onBack,
}: {
  email: string;
  reason: Reason;
  message?: string;
  error?: string;
  onChange: () => void;
  onBack: () => void;
}) {
  const [recovery, setRecovery] = useState(false);
  // The answer to a code of the other kind is hidden once the user switches kinds.
  const [dismissed, setDismissed] = useState<string | undefined>(undefined);
  const shownError = reason === "rate_limited" || error === dismissed ? undefined : error;
  const field = useRef<HTMLInputElement>(null);

  // Focus the code whenever the step appears, is answered or switches kind.
  useEffect(() => field.current?.focus(), [recovery, message, error]);

  return (
    <div className="space-y-5">
      <div>
        <h2 className="text-lg font-semibold text-slate-900">{recovery ? "Use a recovery code" : "Two-factor sign-in"}</h2>
        <p className="mt-1 text-sm text-slate-600">
          {recovery
            ? "Enter one of the recovery codes you saved when you set up two-factor sign-in. Each code works once."
            : "Enter the 6-digit code from your authenticator app."}{" "}
          <span className="text-slate-500">Signing in as {email}.</span>
        </p>
      </div>
      {reason === "rate_limited" && message && <Alert tone="error">{message}</Alert>}
      <Field
        // A new element for each kind, so the browser's autofill and the typed value start afresh.
        key={recovery ? "recovery" : "totp"}
        ref={field}
        label={recovery ? "Recovery code" : "6-digit code"}
        name="code"
        required
        autoFocus
        spellCheck={false}
        autoComplete={recovery ? "off" : "one-time-code"}
        inputMode={recovery ? "text" : "numeric"}
        autoCapitalize={recovery ? "characters" : undefined}
        maxLength={recovery ? 20 : 7}
        placeholder={recovery ? "XXXX-XXXX" : undefined}
        error={shownError}
        onChange={onChange}
        className={recovery ? "max-w-64" : "max-w-48"}
      />
      <SubmitButton pendingLabel="Checking…">Verify and sign in</SubmitButton>
      <div className="flex flex-col items-center gap-2 text-sm sm:flex-row sm:justify-between">
        <button type="button" className="font-medium text-slate-900 underline underline-offset-2" onClick={() => {
            setDismissed(error);
            onChange();
            setRecovery(!recovery);
          }}>
          {recovery ? "Use your authenticator app instead" : "Use a recovery code instead"}
        </button>
        <button type="button" className="text-slate-600 underline underline-offset-2" onClick={onBack}>
          Sign in as someone else
        </button>
      </div>
    </div>
  );
}
