"use client";
// An action that needs a second, explicit step (and often a written reason): the step, where
// focus goes, the reason field, the pending state and the result all live here.

import { useActionState, useEffect, useId, useRef, useState } from "react";
import type { z } from "zod";
import { SubmitButton } from "@/components/forms/submit-button";
import { useClientValidation } from "@/components/forms/use-client-validation";
import type { ActionResult, ActionState } from "@/lib/action";
import { Alert } from "./alert";
import { Button, buttonClass, type ButtonStyle } from "./button";
import { cn } from "./cn";
import { TextareaField } from "./field";

type Variant = ButtonStyle["variant"];

/** The written reason the step asks for; `name` is the field the action reads. */
export type ConfirmReason = {
  name: string;
  label: string;
  required: boolean;
  /** The schema's limit, so the browser stops where the server would refuse. */
  maxLength: number;
  rows: number;
  hint?: string;
  placeholder?: string;
};

type Props<T> = {
  action: (state: ActionState<T>, formData: FormData) => Promise<ActionResult<T>>;
  /** The action's own schema, run in the browser before sending. */
  schema: z.ZodType;
  /** Hidden fields posted with the step (the id to act on, the decision). */
  fields: Record<string, string>;
  /** The control that opens the step; `accessibleLabel` when the text alone is ambiguous in a list. */
  opener: { label: string; accessibleLabel?: string; variant: Variant; className?: string };
  /**
   * Open with a native <details> instead of a button, so the step opens even before the page's
   * script has loaded and, without script, comes back open with the server's refusal.
   */
  disclosure?: boolean;
  /** What happens, said before it happens; it names the form. Without it, `formLabel` does. */
  prompt?: string;
  formLabel?: string;
  reason?: ConfirmReason;
  confirm: { label: string; pendingLabel: string; variant: Variant };
  cancelLabel?: string;
  size?: ButtonStyle["size"];
  /** Red for a step that takes something away. */
  tone?: "neutral" | "danger";
  /** The open step's padding and layout. */
  className?: string;
  /** Told when the step opens or closes, so a group can hide its other actions meanwhile. */
  onOpenChange?: (open: boolean) => void;
};

const TONES = { neutral: "border-slate-200 bg-slate-50", danger: "border-red-200 bg-red-50/50" } as const;

/**
 * Focus follows the step, but not on the first render: into the reason (or onto Cancel, the
 * safe choice) when it opens, back to the opener when it closes. A success closes the step and
 * keeps the action's message in view until the step is opened again.
 */
export function ConfirmStep<T>({ action, schema, fields, opener, disclosure = false, prompt, formLabel, reason, confirm, cancelLabel = "Cancel", size = "sm", tone = "neutral", className, onOpenChange }: Props<T>) {
  const [state, formAction, pending] = useActionState<ActionState<T>, FormData>(action, null);
  const { clientErrors, onSubmit, clear } = useClientValidation(schema);
  const failed = state && !state.ok ? state : null;
  // Without script, a refused submission comes back as a new page: open, with the error.
  const [open, setOpen] = useState(failed !== null);
  const [message, setMessage] = useState<string | null>(null);
  const [seen, setSeen] = useState(state);
  const openButton = useRef<HTMLButtonElement>(null);
  const summary = useRef<HTMLElement>(null);
  const reasonField = useRef<HTMLTextAreaElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const moved = useRef(false);
  const id = useId();
  const reasonError = reason && (clientErrors[reason.name] ?? failed?.fields?.[reason.name]);
  const typed = reason && failed?.values?.[reason.name];

  // A success closes the step. Its message is kept apart from the action's state, which
  // outlives it, so that opening the step again clears it.
  if (state !== seen) {
    setSeen(state);
    if (state?.ok) {
      setOpen(false);
      setMessage(state.message ?? null);
    }
  }

  useEffect(() => {
    if (!moved.current) return;
    if (open) (reasonField.current ?? cancel.current)?.focus();
    else (openButton.current ?? summary.current)?.focus();
  }, [open]);

  function toggle(next: boolean) {
    moved.current = true;
    clear();
    setMessage(null);
    setOpen(next);
    onOpenChange?.(next);
  }

  // The browser opens and closes a <details> itself; Cancel closing it through `open` fires
  // the same event once more, with nothing left to do.
  function syncOpen(next: boolean) {
    if (next !== open) toggle(next);
  }

  const form = (
    <form id={`${id}-form`} action={formAction} onSubmit={onSubmit} noValidate aria-labelledby={prompt ? `${id}-prompt` : undefined} aria-label={prompt ? undefined : formLabel} className={cn("space-y-3 rounded-lg border", TONES[tone], className)}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {prompt && (
        <p id={`${id}-prompt`} className="text-sm text-slate-800">
          {prompt}
        </p>
      )}
      {reason && (
        <TextareaField
          ref={reasonField}
          id={`${id}-${reason.name}`}
          label={
            <>
              {reason.label}
              {!reason.required && (
                <>
                  {" "}
                  <span className="font-normal text-slate-500">(optional)</span>
                </>
              )}
            </>
          }
          name={reason.name}
          rows={reason.rows}
          required={reason.required}
          maxLength={reason.maxLength}
          hint={reason.hint}
          placeholder={reason.placeholder}
          defaultValue={typeof typed === "string" ? typed : undefined}
          error={reasonError}
        />
      )}
      {failed && !(reason && failed.fields?.[reason.name]) && (
        <p role="alert" className="text-sm text-red-700">
          {failed.error}
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        <SubmitButton pendingLabel={confirm.pendingLabel} variant={confirm.variant} size={size} className="">
          {confirm.label}
        </SubmitButton>
        <Button ref={cancel} variant="ghost" size={size} onClick={() => toggle(false)} disabled={pending}>
          {cancelLabel}
        </Button>
      </div>
    </form>
  );

  const step = disclosure ? (
    <details open={open} onToggle={(event) => syncOpen(event.currentTarget.open)} className="group">
      <summary ref={summary} className={buttonClass({ variant: opener.variant, size }, cn("cursor-pointer list-none group-open:bg-slate-100 [&::-webkit-details-marker]:hidden", opener.className))}>
        {opener.label}
      </summary>
      {form}
    </details>
  ) : open ? (
    form
  ) : (
    <Button ref={openButton} variant={opener.variant} size={size} className={opener.className} onClick={() => toggle(true)} aria-expanded={false} aria-controls={`${id}-form`} aria-label={opener.accessibleLabel}>
      {opener.label}
    </Button>
  );

  if (!message) return step;
  return (
    <div className="space-y-3">
      <Alert tone="success" className="text-left">
        {message}
      </Alert>
      {step}
    </div>
  );
}
