"use client";

import Link from "next/link";
import { useActionState } from "react";
import { useFormStatus } from "react-dom";
import { Loader2 } from "lucide-react";
import { listingTransitionAction } from "@/app/(app)/miner/listings/actions";
import { Button, type ButtonStyle } from "@/components/ui/button";
import { useConfirmStep } from "@/components/ui/use-confirm-step";
import { ACTION_LABELS, type OwnerAction } from "@/lib/domain/listing-lifecycle";

const FIELD_LABELS: Record<string, string> = {
  capacityKw: "Capacity",
  cooling: "Cooling",
  maxKwPerRack: "Max kW per rack",
  rackCount: "Rack count",
  priceCentsPerKwMonth: "Price",
  minTermMonths: "Minimum term",
  availableFrom: "Available from",
  availableUntil: "Available until",
  depositPercent: "Deposit",
};

const PENDING: Record<OwnerAction, string> = { submit: "Submitting…", withdraw: "Withdrawing…", pause: "Pausing…", resume: "Resuming…", archive: "Archiving…" };

/** The owner's lifecycle actions as one form: each button posts its own action name. */
export function LifecycleButtons({ listingId, actions, editHref }: { listingId: string; actions: OwnerAction[]; editHref?: string }) {
  const [state, formAction] = useActionState(listingTransitionAction, null);
  const failed = state && !state.ok ? state : null;
  // Archiving asks once more.
  const { confirming, step, opener, cancel } = useConfirmStep();

  const primary = actions.filter((action) => action !== "archive");
  const fieldProblems = Object.entries(failed?.fields ?? {});

  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="listingId" value={listingId} />
      <div className="flex flex-wrap items-center gap-2">
        {primary.map((action) => (
          <ActionButton key={action} action={action} variant={action === "submit" || action === "resume" ? "primary" : "secondary"} />
        ))}
        {actions.includes("archive") &&
          (confirming ? (
            <div role="group" aria-label="Confirm archiving" className="flex flex-wrap items-center gap-2 rounded-md bg-red-50 px-3 py-2">
              <span className="text-sm text-red-900">Archive for good? An archived listing cannot be edited or listed again.</span>
              <ActionButton action="archive" variant="danger" label="Yes, archive" />
              <Button ref={cancel} variant="ghost" size="sm" onClick={() => step(false)}>
                Cancel
              </Button>
            </div>
          ) : (
            <Button ref={opener} variant="ghost" size="sm" onClick={() => step(true)}>
              Archive…
            </Button>
          ))}
      </div>
      {failed && (
        <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">
          <p className="font-semibold">{failed.error}</p>
          {fieldProblems.length > 0 && (
            <ul className="mt-1 list-disc space-y-0.5 pl-5">
              {fieldProblems.map(([field, message]) => (
                <li key={field}>
                  {FIELD_LABELS[field] ? <span className="font-medium">{FIELD_LABELS[field]}: </span> : null}
                  {message}
                </li>
              ))}
            </ul>
          )}
          {fieldProblems.length > 0 && editHref && (
            <Link href={editHref} className="mt-2 inline-block font-medium underline underline-offset-2">
              Edit the listing
            </Link>
          )}
        </div>
      )}
    </form>
  );
}

function ActionButton({ action, variant, label }: { action: OwnerAction; label?: string } & ButtonStyle) {
  const { pending, data } = useFormStatus();
  const mine = pending && data?.get("action") === action;
  return (
    <Button type="submit" name="action" value={action} variant={variant} size="sm" disabled={pending} aria-disabled={pending}>
      {mine ? (
        <>
          <Loader2 className="h-4 w-4 animate-spin" aria-hidden="true" /> {PENDING[action]}
        </>
      ) : (
        (label ?? ACTION_LABELS[action])
      )}
    </Button>
  );
}
