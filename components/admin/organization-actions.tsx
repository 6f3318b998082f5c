"use client";

import { useActionState, useEffect, useId, useRef, useState } from "react";
import { reinstateOrganizationAction, suspendOrganizationAction } from "@/app/(app)/admin/organizations/actions";
import { SubmitButton } from "@/components/forms/submit-button";
import { useClientValidation } from "@/components/forms/use-client-validation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextareaField } from "@/components/ui/field";
import { reinstateFormSchema, suspendFormSchema } from "./organization-schemas";

type Props = {
  organization: { id: string; name: string; kind: "miner" | "buyer"; status: "active" | "suspended"; users: number; publishedListings: number; openBookings: number };
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Suspend (with a required reason) or reinstate, each behind a second, explicit step. */
export function OrganizationActions({ organization }: Props) {
  const suspend = organization.status === "active";
  const [state, formAction] = useActionState(suspend ? suspendOrganizationAction : reinstateOrganizationAction, null);
  const { clientErrors, onSubmit, clear } = useClientValidation(suspend ? suspendFormSchema : reinstateFormSchema);
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [seen, setSeen] = useState<typeof state>(null);
  const openButton = useRef<HTMLButtonElement>(null);
  const reason = useRef<HTMLTextAreaElement>(null);
  const moved = useRef(false);
  const id = useId();
  const failed = state && !state.ok ? state : null;
  const reasonError = clientErrors.reason ?? failed?.fields?.reason;

  // Done: close the form and keep the outcome (the page re-renders with the new status, and
  // the other action's state starts empty, so the message is kept here).
  if (state && state !== seen) {
    setSeen(state);
    if (state.ok) {
      setOpen(false);
      setMessage(state.message ?? null);
    }
  }

  useEffect(() => {
    if (moved.current) (open ? reason : openButton).current?.focus();
  }, [open]);

  function toggle(next: boolean) {
    moved.current = true;
    clear();
    setMessage(null);
    setOpen(next);
  }

  const prompt = suspend
    ? `Suspend ${organization.name}? At once, ` +
      (organization.kind === "miner" ? `${plural(organization.publishedListings, "published listing leaves", "published listings leave")} search and listing pages, ` : "") +
      `${plural(organization.users, "user is", "users are")} signed out and refused at sign-in, and API tokens stop working. ` +
      (organization.openBookings ? `${plural(organization.openBookings, "open hold or request", "open holds and requests")} will be released, deposits returned.` : "It has no open holds or requests.")
    : `Reinstate ${organization.name}? Its users can sign in again and its published listings return to search.`;

  return (
    <div className="space-y-3">
      {message && !open && (
        <Alert tone="success" className="text-left">
          {message}
        </Alert>
      )}
      {!open ? (
        <Button ref={openButton} variant={suspend ? "secondary" : "primary"} size="sm" onClick={() => toggle(true)} aria-expanded={false} aria-controls={`${id}-form`} aria-label={`${suspend ? "Suspend" : "Reinstate"} ${organization.name}`}>
          {suspend ? "Suspend…" : "Reinstate…"}
        </Button>
      ) : (
        <form id={`${id}-form`} action={formAction} onSubmit={onSubmit} noValidate aria-labelledby={`${id}-prompt`} className={`space-y-3 rounded-lg border p-4 text-left ${suspend ? "border-red-200 bg-red-50/50" : "border-slate-200 bg-slate-50"}`}>
          <input type="hidden" name="organizationId" value={organization.id} />
          <p id={`${id}-prompt`} className="text-sm text-slate-800">
            {prompt}
          </p>
          <TextareaField
            ref={reason}
            id={`${id}-reason`}
            label={
              suspend ? (
                "Reason for the suspension"
              ) : (
                <>
                  Note <span className="font-normal text-slate-500">(optional)</span>
                </>
              )
            }
            name="reason"
            rows={3}
            required={suspend}
            maxLength={2000}
            hint={suspend ? "Kept in the audit log and on the organization. Released reservations tell both parties the organization was suspended." : "Kept in the audit log."}
            defaultValue={typeof failed?.values?.reason === "string" ? failed.values.reason : undefined}
            error={reasonError}
          />
          {failed && !failed.fields?.reason && (
            <p role="alert" className="text-sm text-red-700">
              {failed.error}
            </p>
          )}
          <div className="flex flex-wrap gap-2">
            <SubmitButton pendingLabel={suspend ? "Suspending…" : "Reinstating…"} variant={suspend ? "danger" : "primary"} size="sm" className="">
              {suspend ? "Yes, suspend" : "Yes, reinstate"}
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
