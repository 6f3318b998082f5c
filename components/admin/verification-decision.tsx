"use client";

import { useActionState, useEffect, useId, useRef, useState } from "react";
import { verificationAction } from "@/app/(app)/admin/sites/actions";
import { SubmitButton } from "@/components/forms/submit-button";
import { useClientValidation } from "@/components/forms/use-client-validation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextareaField } from "@/components/ui/field";
import { verificationFormSchema } from "./verification-schemas";

type Props = { siteId: string; siteName: string; verified: boolean; documentCount: number };

/** Grant or revoke the verified badge, behind a second step with an optional note for the audit log. */
export function VerificationDecision({ siteId, siteName, verified, documentCount }: Props) {
  const [state, formAction] = useActionState(verificationAction, null);
  const { clientErrors, onSubmit, clear } = useClientValidation(verificationFormSchema);
  const [open, setOpen] = useState(false);
  const [lastDone, setLastDone] = useState<typeof state>(null);
  const openButton = useRef<HTMLButtonElement>(null);
  const note = useRef<HTMLTextAreaElement>(null);
  const moved = useRef(false);
  const id = useId();
  const failed = state && !state.ok ? state : null;
  const grant = !verified;

  // A decision that went through closes the form; the page re-renders with the new state.
  if (state?.ok && state !== lastDone) {
    setLastDone(state);
    setOpen(false);
  }

  useEffect(() => {
    if (moved.current) (open ? note : openButton).current?.focus();
  }, [open]);

  function toggle(next: boolean) {
    moved.current = true;
    clear();
    setOpen(next);
  }

  const prompt = grant
    ? documentCount === 0
      ? `${siteName} has no evidence uploaded. Grant the badge only if you checked its power and cooling facts another way.`
      : `Grant ${siteName} the verified badge? It shows on its listings and in search until the miner changes its power or cooling facts.`
    : `Revoke ${siteName}'s verified badge? It disappears from its listings and search at once.`;

  return (
    <div className="space-y-3">
      {state?.ok && !open && <Alert tone="success">{state.message}</Alert>}
      {!open ? (
        <Button ref={openButton} variant={grant ? "primary" : "secondary"} size="sm" onClick={() => toggle(true)} aria-expanded={false} aria-controls={`${id}-form`}>
          {grant ? "Grant verification…" : "Revoke verification…"}
        </Button>
      ) : (
        <form id={`${id}-form`} action={formAction} onSubmit={onSubmit} noValidate aria-labelledby={`${id}-prompt`} className="space-y-3 rounded-lg border border-slate-200 bg-slate-50 p-4">
          <input type="hidden" name="siteId" value={siteId} />
          <input type="hidden" name="decision" value={grant ? "grant" : "revoke"} />
          <p id={`${id}-prompt`} className="text-sm text-slate-800">
            {prompt}
          </p>
          <TextareaField
            ref={note}
            id={`${id}-note`}
            label={
              <>
                Note for the audit log <span className="font-normal text-slate-500">(optional)</span>
              </>
            }
            name="note"
            rows={2}
            maxLength={2000}
            placeholder={grant ? "e.g. Interconnection agreement and PPA match the stated 30 MW." : "e.g. The power contract expired in March."}
            defaultValue={typeof failed?.values?.note === "string" ? failed.values.note : undefined}
            error={clientErrors.note ?? failed?.fields?.note}
          />
          {failed && !failed.fields?.note && (
            <p role="alert" className="text-sm text-red-700">
              {failed.error}
            </p>
          )}
          <div className="flex flex-wrap gap-2">
            <SubmitButton pendingLabel={grant ? "Granting…" : "Revoking…"} variant={grant ? "primary" : "danger"} size="sm" className="">
              {grant ? "Yes, verify this site" : "Yes, revoke the badge"}
            </SubmitButton>
            <Button variant="ghost" size="sm" onClick={() => toggle(false)}>
              Cancel
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}
