"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { Loader2 } from "lucide-react";
import { revokeTokenAction } from "@/app/(app)/settings/tokens/actions";
import { Button } from "@/components/ui/button";

/** Revoking breaks whatever uses the token at once, so it takes a second, explicit click. */
export function RevokeTokenButton({ id, name }: { id: string; name: string }) {
  const [confirming, setConfirming] = useState(false);
  const [state, formAction, pending] = useActionState(revokeTokenAction, null);
  const revokeButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const moved = useRef(false);

  // Focus follows the step (Cancel first, the safe choice), but not on the first render.
  useEffect(() => {
    if (!moved.current) return;
    (confirming ? cancelButton : revokeButton).current?.focus();
  }, [confirming]);

  function step(next: boolean) {
    moved.current = true;
    setConfirming(next);
  }

  if (!confirming) {
    return (
      <Button ref={revokeButton} variant="secondary" size="sm" onClick={() => step(true)} aria-label={`Revoke “${name}”`}>
        Revoke
      </Button>
    );
  }
  return (
    <form action={formAction} className="flex flex-wrap items-center justify-end gap-2" aria-label={`Confirm revoking “${name}”`}>
      <input type="hidden" name="id" value={id} />
      <span className="text-sm text-slate-700">Anything using it stops working.</span>
      <Button type="submit" variant="danger" size="sm" disabled={pending} aria-disabled={pending}>
        {pending ? (
          <>
            <Loader2 className="h-4 w-4 animate-spin" aria-hidden="true" /> Revoking…
          </>
        ) : (
          "Yes, revoke"
        )}
      </Button>
      <Button ref={cancelButton} variant="ghost" size="sm" onClick={() => step(false)} disabled={pending}>
        Cancel
      </Button>
      {state && !state.ok && (
        <p role="alert" className="w-full text-right text-sm text-red-700">
          {state.error}
        </p>
      )}
    </form>
  );
}
