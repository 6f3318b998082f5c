"use client";

import { useRef, useState, useTransition, type FormEvent, type KeyboardEvent } from "react";
import { Loader2, Send } from "lucide-react";
import { postMessageAction } from "@/app/(app)/messages/actions";
import { Button } from "@/components/ui/button";
import { controlClass } from "@/components/ui/field";
import { MESSAGE_MAX_CHARS, messageBodySchema } from "@/lib/validations/messages";
import type { LiveMessage } from "./message-item";

const COUNTER_FROM = MESSAGE_MAX_CHARS - 1000;

/**
 * The reply box. It calls the action itself (not through the form's action, which would
 * reset the form) so a refused message stays in the box, and hands the posted message to
 * the thread at once.
 */
export function Composer({ threadId, onPosted, hint }: { threadId: string; onPosted: (message: LiveMessage) => void; hint?: string }) {
  const [pending, startSending] = useTransition();
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | null>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);

  function submit(event?: FormEvent<HTMLFormElement>) {
    event?.preventDefault();
    if (pending) return;
    const checked = messageBodySchema.safeParse(body);
    if (!checked.success) {
      setError(checked.error.issues[0]?.message ?? "Write a message.");
      textarea.current?.focus();
      return;
    }
    setError(null);
    const data = new FormData();
    data.set("threadId", threadId);
    data.set("body", body);
    startSending(async () => {
      const result = await postMessageAction(null, data);
      if (result.ok) {
        onPosted({ ...result.data, createdAt: new Date(result.data.createdAt).toISOString() });
        setBody("");
      } else {
        setError(result.fields?.body ?? result.error);
      }
      textarea.current?.focus();
    });
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) submit();
  }

  const describedBy = ["composer-hint", error ? "composer-error" : null].filter(Boolean).join(" ");
  return (
    <form onSubmit={submit} noValidate className="space-y-2" aria-label="Reply">
      <label htmlFor="composer-body" className="block text-sm font-medium text-slate-800">
        Your message
      </label>
      <textarea
        ref={textarea}
        id="composer-body"
        name="body"
        rows={3}
        value={body}
        onChange={(event) => {
          setBody(event.target.value);
          if (error) setError(null);
        }}
        onKeyDown={onKeyDown}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={`${controlClass(error ?? undefined)} resize-y py-2`}
      />
      <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-2">
        <div className="min-w-0 flex-1 text-xs">
          {error && (
            <p id="composer-error" role="alert" className="text-sm text-red-700">
              {error}
            </p>
          )}
          <p id="composer-hint" className="text-slate-600">
            {hint ?? "Plain text."} <kbd className="font-sans">Ctrl</kbd>+<kbd className="font-sans">Enter</kbd> sends.
            {body.length > COUNTER_FROM && (
              <span className={body.length > MESSAGE_MAX_CHARS ? " font-medium text-red-700" : ""}>
                {" "}
                {body.length.toLocaleString("en-US")} / {MESSAGE_MAX_CHARS.toLocaleString("en-US")} characters
              </span>
            )}
          </p>
        </div>
        <Button type="submit" disabled={pending} aria-disabled={pending} className="w-full sm:w-auto">
          {pending ? (
            <>
              <Loader2 className="h-4 w-4 animate-spin" aria-hidden="true" /> Sending…
            </>
          ) : (
            <>
              <Send className="h-4 w-4" aria-hidden="true" /> Send
            </>
          )}
        </Button>
      </div>
    </form>
  );
}
