"use client";

import { useActionState } from "react";
import { messageMailAction } from "@/app/(app)/messages/actions";
import { SubmitButton } from "@/components/forms/submit-button";
import { Alert } from "@/components/ui/alert";

/** Settings: "Email me about unread messages", on or off. */
export function MessageMailForm({ enabled }: { enabled: boolean }) {
  const [state, formAction] = useActionState(messageMailAction, null);
  // After a save the form shows what was saved; a refused save keeps what was ticked.
  const checked = state?.ok ? undefined : state ? state.values?.enabled === "on" : undefined;
  return (
    <form action={formAction} className="space-y-3">
      {state && (state.ok ? <Alert tone="success">{state.message}</Alert> : <Alert tone="error">{state.error}</Alert>)}
      <div className="flex items-start gap-2">
        <input
          id="message-mail"
          type="checkbox"
          name="enabled"
          defaultChecked={checked ?? enabled}
          aria-describedby="message-mail-hint"
          className="mt-0.5 h-4 w-4 rounded border-slate-400 accent-ink-900"
        />
        <div>
          <label htmlFor="message-mail" className="text-sm font-medium text-slate-800">
            Email me about unread messages
          </label>
          <p id="message-mail-hint" className="text-xs text-slate-600">
            Only when a message is still unread some minutes after it arrives, and at most once an hour per conversation.
          </p>
        </div>
      </div>
      <SubmitButton pendingLabel="Saving…" variant="secondary" className="w-full sm:w-auto">
        Save
      </SubmitButton>
    </form>
  );
}
