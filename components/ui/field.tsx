import type { ComponentProps, ReactNode } from "react";
import { cn } from "./cn";

type Shell = { label: ReactNode; name: string; error?: string; hint?: ReactNode; className?: string; id?: string };

function ids(name: string, id: string | undefined, hint: ReactNode, error: string | undefined) {
  const inputId = id ?? `field-${name.replace(/\W/g, "-")}`;
  const hintId = hint ? `${inputId}-hint` : undefined;
  const errorId = error ? `${inputId}-error` : undefined;
  return { inputId, hintId, errorId, describedBy: [hintId, errorId].filter(Boolean).join(" ") || undefined };
}

function FieldShell({ label, inputId, hint, hintId, error, errorId, className, children }: Omit<Shell, "name" | "id"> & { inputId: string; hintId?: string; errorId?: string; children: ReactNode }) {
  return (
    <div className={cn("space-y-1.5", className)}>
      <label htmlFor={inputId} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children}
      {hint && (
        <p id={hintId} className="text-xs text-slate-600">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

export const controlClass = (error?: string) =>
  cn(
    "block w-full rounded-md border bg-white px-3 text-sm text-slate-900 shadow-sm placeholder:text-slate-400 disabled:bg-slate-50",
    error ? "border-red-600" : "border-slate-300",
  );

/** A labelled input with its hint and inline error wired up for screen readers. */
export function Field({ label, name, error, hint, className, id, ...props }: Shell & Omit<ComponentProps<"input">, "id">) {
  const a = ids(name, id, hint, error);
  return (
    <FieldShell label={label} inputId={a.inputId} hint={hint} hintId={a.hintId} error={error} errorId={a.errorId} className={className}>
      <input id={a.inputId} name={name} aria-invalid={error ? true : undefined} aria-describedby={a.describedBy} className={cn(controlClass(error), "h-10")} {...props} />
    </FieldShell>
  );
}

export function SelectField({ label, name, error, hint, className, id, children, ...props }: Shell & Omit<ComponentProps<"select">, "id">) {
  const a = ids(name, id, hint, error);
  return (
    <FieldShell label={label} inputId={a.inputId} hint={hint} hintId={a.hintId} error={error} errorId={a.errorId} className={className}>
      <select id={a.inputId} name={name} aria-invalid={error ? true : undefined} aria-describedby={a.describedBy} className={cn(controlClass(error), "h-10")} {...props}>
        {children}
      </select>
    </FieldShell>
  );
}

export function TextareaField({ label, name, error, hint, className, id, ...props }: Shell & Omit<ComponentProps<"textarea">, "id">) {
  const a = ids(name, id, hint, error);
  return (
    <FieldShell label={label} inputId={a.inputId} hint={hint} hintId={a.hintId} error={error} errorId={a.errorId} className={className}>
      <textarea id={a.inputId} name={name} aria-invalid={error ? true : undefined} aria-describedby={a.describedBy} className={cn(controlClass(error), "py-2")} {...props} />
    </FieldShell>
  );
}

const fileClass =
  "block w-full text-sm text-slate-700 file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-2 file:text-sm file:font-medium file:text-slate-900 hover:file:bg-slate-100";

/** A labelled file input (the browser's own control, styled), with its hint and error wired up like the other fields. */
export function FileInputField({ label, name, error, hint, className, id, ...props }: Shell & Omit<ComponentProps<"input">, "id" | "type">) {
  const a = ids(name, id, hint, error);
  return (
    <FieldShell label={label} inputId={a.inputId} hint={hint} hintId={a.hintId} error={error} errorId={a.errorId} className={className}>
      <input id={a.inputId} name={name} type="file" aria-invalid={error ? true : undefined} aria-describedby={a.describedBy} className={fileClass} {...props} />
    </FieldShell>
  );
}
