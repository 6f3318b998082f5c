"use client";

import type { KeyboardEvent } from "react";
import { cn } from "@/components/ui/cn";

// A calculator can sit inside another form (the listing form): Enter in one of its inputs
// must not submit that form.
function keepFormClosed(event: KeyboardEvent<HTMLInputElement>) {
  if (event.key === "Enter") event.preventDefault();
}

/**
 * A calculator's figure with its unit. No name: these figures are scratch work, never part
 * of a surrounding form's data. Bottom-aligned, so a label that wraps on a narrow screen
 * does not push its input out of line with its neighbour.
 */
export function NumberInput(props: { id: string; label: string; spokenUnit?: string; unit?: string; value: string; error?: string; onChange: (text: string) => void }) {
  const errorId = `${props.id}-error`;
  return (
    <div className="flex flex-col justify-end">
      <label htmlFor={props.id} className="block text-sm font-medium text-slate-800">
        {props.label}
        {props.spokenUnit && <span className="sr-only"> in {props.spokenUnit}</span>}
      </label>
      <div className="relative mt-1.5">
        <input
          id={props.id}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          spellCheck={false}
          value={props.value}
          onChange={(event) => props.onChange(event.target.value)}
          onKeyDown={keepFormClosed}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={props.error ? errorId : undefined}
          className={cn("block h-10 w-full rounded-md border bg-white pl-3 text-sm tabular-nums text-slate-900 shadow-sm", props.unit ? "pr-16" : "pr-3", props.error ? "border-red-600" : "border-slate-300")}
        />
        <span aria-hidden="true" className="pointer-events-none absolute inset-y-0 right-3 flex items-center text-xs text-slate-500">
          {props.unit}
        </span>
      </div>
      {/* Reserved even when empty, so an error appearing never pushes the form down. */}
      <p id={errorId} className="min-h-5 pt-0.5 text-xs leading-4 text-red-700">
        {props.error}
      </p>
    </div>
  );
}
