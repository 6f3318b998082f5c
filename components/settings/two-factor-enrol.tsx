"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { Check, Copy } from "lucide-react";
import { confirmEnrolmentAction, startEnrolmentAction } from "@/app/(app)/settings/security/actions";
import { SubmitButton } from "@/components/forms/submit-button";
import { useClientValidation } from "@/components/forms/use-client-validation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { confirmEnrolmentSchema } from "./two-factor-schemas";

/** The base32 secret in groups of four, as people type it into an authenticator by hand. */
export function groupSecret(secret: string): string {
  return secret.match(/.{1,4}/g)?.join(" ") ?? secret;
}

/**
 * Setting up an authenticator: a new secret (QR code and text), then a first code that
 * proves the app has it. Nothing is switched on until that code is right.
 */
export function TwoFactorEnrol({ onEnabled }: { onEnabled: (codes: string[]) => void }) {
  const [started, start] = useActionState(startEnrolmentAction, null);
  // The parent hears of a success inside the action's own transition: the server's
  // re-render that comes with it can unmount this component before any effect would run.
  const [confirmed, confirm] = useActionState(async (previous: Awaited<ReturnType<typeof confirmEnrolmentAction>> | null, formData: FormData) => {
    const result = await confirmEnrolmentAction(previous, formData);
    if (result.ok) onEnabled(result.data.recoveryCodes);
    return result;
  }, null);
  const [cancelled, setCancelled] = useState<unknown>(null);
  const { clientErrors, onSubmit } = useClientValidation(confirmEnrolmentSchema);
  const [copied, setCopied] = useState(false);
  const codeField = useRef<HTMLInputElement>(null);

  const pending = started?.ok && started !== cancelled ? started.data : null;
  const startFailed = started && !started.ok ? started : null;
  // A refusal belongs to the secret it was typed for; a new secret starts clean.
  const failed = confirmed && !confirmed.ok && pending ? confirmed : null;
  const codeError = clientErrors.code ?? failed?.fields?.code ?? (failed && !failed.fields ? failed.error : undefined);

  useEffect(() => {
    if (pending) codeField.current?.focus();
  }, [pending]);

  if (!pending) {
    return (
      <form action={start} className="space-y-3">
        {startFailed && <Alert tone="error">{startFailed.error}</Alert>}
        <SubmitButton pendingLabel="Preparing…" className="w-full sm:w-auto">
          Set up authenticator
        </SubmitButton>
      </form>
    );
  }

  async function copySecret() {
    try {
      await navigator.clipboard.writeText(pending!.secret);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }

  return (
    <section aria-labelledby="enrol-title" className="rounded-lg border border-slate-200 bg-slate-50 p-4 sm:p-5">
      <h3 id="enrol-title" className="font-semibold text-slate-900">
        Set up your authenticator app
      </h3>
      <ol className="mt-4 grid gap-6 md:grid-cols-[auto_1fr]">
        <li className="space-y-2">
          <p className="text-sm font-medium text-slate-800">1. Scan this QR code with the app</p>
          {/* An image from the server's own SVG: no markup of ours is injected into the page. */}
          {/* eslint-disable-next-line @next/next/no-img-element -- a data URL, nothing for next/image to optimise */}
          <img
            src={`data:image/svg+xml;utf8,${encodeURIComponent(pending.qrSvg)}`}
            alt="QR code that adds your Substation account to an authenticator app"
            width={192}
            height={192}
            className="h-48 w-48 rounded-md border border-slate-200 bg-white p-2"
          />
        </li>
        <li className="min-w-0 space-y-5">
          <div className="space-y-2">
            <p className="text-sm font-medium text-slate-800">Or type this key into the app</p>
            <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
              <code
                aria-label="Setup key"
                data-testid="totp-secret"
                className="block rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-sm tracking-wide break-all text-slate-900 select-all"
              >
                {groupSecret(pending.secret)}
              </code>
              <Button variant="secondary" size="sm" onClick={copySecret}>
                {copied ? <Check className="h-4 w-4" aria-hidden="true" /> : <Copy className="h-4 w-4" aria-hidden="true" />}
                {copied ? "Copied" : "Copy key"}
              </Button>
            </div>
            <p className="text-xs text-slate-600">Time-based (TOTP), 6 digits, every 30 seconds. Spaces do not matter.</p>
          </div>
          <form action={confirm} onSubmit={onSubmit} noValidate className="space-y-3">
            <p className="text-sm font-medium text-slate-800">2. Enter the code the app shows</p>
            <Field
              ref={codeField}
              label="6-digit code"
              name="code"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9 ]*"
              maxLength={7}
              required
              spellCheck={false}
              error={codeError}
              className="max-w-48"
            />
            <div className="flex flex-wrap gap-2">
              <SubmitButton pendingLabel="Checking…" className="">
                Turn on two-factor sign-in
              </SubmitButton>
              <Button variant="ghost" onClick={() => setCancelled(started)}>
                Cancel
              </Button>
            </div>
          </form>
        </li>
      </ol>
    </section>
  );
}
