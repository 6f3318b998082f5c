"use client";

import { useActionState } from "react";
import { CheckCircle2, XCircle } from "lucide-react";
import { approveListingsAction } from "@/app/(app)/admin/listings/actions";
import { SubmitButton } from "@/components/forms/submit-button";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useConfirmStep } from "@/components/ui/use-confirm-step";
import type { ActionResult } from "@/lib/action";
import type { BulkOutcome } from "./moderation-schemas";
import { useSelection } from "./moderation-selection";

/** The result, with the titles as they were when the admin confirmed (approved items then leave the queue). */
type BulkState = { result: ActionResult<BulkOutcome[]>; titles: Record<string, string> } | null;

/** "Approve selected" with a confirm step; every listing's outcome is listed afterwards. */
export function BulkApprove() {
  const { items, selected, setAll } = useSelection();
  const { confirming, step, opener, cancel } = useConfirmStep();
  const [state, formAction, pending] = useActionState<BulkState, FormData>(async (_previous, formData) => {
    const titles = Object.fromEntries(items.map((item) => [item.id, item.title]));
    const result = await approveListingsAction(null, formData);
    if (result.ok) setAll(false);
    step(false);
    return { result, titles };
  }, null);
  const count = selected.size;
  const allSelected = items.length > 0 && count === items.length;

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-3 rounded-lg border border-slate-200 bg-white px-4 py-3">
        <label className="flex items-center gap-2 text-sm font-medium text-slate-800">
          <input type="checkbox" checked={allSelected} onChange={(event) => setAll(event.target.checked)} disabled={pending} className="h-4 w-4 rounded border-slate-400 accent-slate-900" />
          Select all {items.length}
        </label>
        <span className="text-sm text-slate-600" aria-live="polite">
          {count} selected
        </span>
        {confirming ? (
          <form action={formAction} role="group" aria-label="Confirm bulk approval" className="flex w-full flex-wrap items-center gap-2 rounded-md bg-amber-50 px-3 py-2 sm:ml-auto sm:w-auto">
            {[...selected].map((id) => (
              <input key={id} type="hidden" name="listingIds" value={id} />
            ))}
            <span className="text-sm text-amber-950">
              Approve {count} listing{count === 1 ? "" : "s"}? They go into search at once and each miner is emailed.
            </span>
            <SubmitButton pendingLabel="Approving…" size="sm" className="" disabled={count === 0}>
              {`Yes, approve ${count}`}
            </SubmitButton>
            <Button ref={cancel} variant="ghost" size="sm" onClick={() => step(false)} disabled={pending}>
              Cancel
            </Button>
          </form>
        ) : (
          <Button ref={opener} size="sm" className="sm:ml-auto" disabled={count === 0} aria-disabled={count === 0} onClick={() => step(true)}>
            Approve selected
          </Button>
        )}
      </div>
      {state && <BulkResult state={state} />}
    </div>
  );
}

function BulkResult({ state }: { state: NonNullable<BulkState> }) {
  const { result, titles } = state;
  if (!result.ok) return <Alert tone="error">{result.fields?.listingIds ?? result.error}</Alert>;
  const failed = result.data.filter((o) => !o.ok).length;
  return (
    <Alert tone={failed ? "warning" : "success"} title={result.message}>
      <ul className="space-y-1">
        {result.data.map((outcome) => (
          <li key={outcome.id} className="flex items-start gap-2">
            {outcome.ok ? (
              <CheckCircle2 className="mt-0.5 h-4 w-4 shrink-0 text-emerald-700" aria-hidden="true" />
            ) : (
              <XCircle className="mt-0.5 h-4 w-4 shrink-0 text-red-700" aria-hidden="true" />
            )}
            <span>
              <span className="font-medium">{titles[outcome.id] ?? outcome.id}</span>
              {outcome.ok ? " — published" : ` — ${outcome.error ?? "not approved"}`}
            </span>
          </li>
        ))}
      </ul>
    </Alert>
  );
}
