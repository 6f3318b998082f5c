"use client";

import { useId, useState } from "react";
import { Markdown } from "@/components/markdown";
import { cn } from "@/components/ui/cn";
import { controlClass } from "@/components/ui/field";

type Props = { label: string; name: string; defaultValue: string; onChange?: (value: string) => void; hint?: string; error?: string; rows?: number; maxLength?: number };

/** A Markdown textarea with a preview rendered exactly as the public page renders it. */
export function MarkdownField({ label, name, defaultValue, onChange, hint, error, rows = 8, maxLength }: Props) {
  const id = useId();
  const [preview, setPreview] = useState(false);
  // Uncontrolled, so a form reset after a failed submit restores the submitted text.
  const [text, setText] = useState(defaultValue);
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ") || undefined;
  const tab = (active: boolean) =>
    cn("rounded px-2.5 py-1 text-xs font-medium", active ? "bg-white text-slate-900 shadow-sm ring-1 ring-slate-200" : "text-slate-600 hover:text-slate-900");

  return (
    <div className="space-y-1.5">
      <div className="flex items-end justify-between gap-3">
        <label htmlFor={id} className="block text-sm font-medium text-slate-800">
          {label}
        </label>
        <div role="group" aria-label="Editor view" className="flex gap-1 rounded-md bg-slate-100 p-0.5">
          <button type="button" aria-pressed={!preview} className={tab(!preview)} onClick={() => setPreview(false)}>
            Write
          </button>
          <button type="button" aria-pressed={preview} className={tab(preview)} onClick={() => setPreview(true)}>
            Preview
          </button>
        </div>
      </div>
      {/* Hidden, not removed, while previewing: the text is still part of the form. */}
      <textarea
        id={id}
        name={name}
        rows={rows}
        maxLength={maxLength}
        defaultValue={defaultValue}
        onChange={(event) => {
          setText(event.target.value);
          onChange?.(event.target.value);
        }}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={cn(controlClass(error), "py-2 font-mono text-[13px] leading-relaxed", preview && "hidden")}
      />
      {preview && (
        <div aria-live="polite" className="min-h-40 rounded-md border border-slate-200 bg-slate-50 px-4 py-3">
          {text.trim() ? <Markdown>{text}</Markdown> : <p className="text-sm text-slate-500">Nothing to preview yet.</p>}
        </div>
      )}
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
