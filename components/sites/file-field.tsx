"use client";

// The file input of the site upload forms (photos, evidence documents) and the quick check
// it runs in the browser. The check mirrors the server's rules for a quicker message only:
// the browser's type comes from the file name, so the server, reading the bytes, decides.
import { useRef, useState, type ChangeEvent, type RefObject } from "react";

export type FilePrecheckRules = {
  accept: readonly string[];
  maxBytes: number;
  missing: string;
  wrongType: (name: string) => string;
  tooBig: (name: string, megabytes: string) => string;
};

/** The quick check before sending: a message now instead of after a many-megabyte upload. */
function precheck(file: File | undefined, rules: FilePrecheckRules): string | null {
  if (!file || (file.size === 0 && !file.name)) return rules.missing;
  if (file.type && !rules.accept.includes(file.type)) return rules.wrongType(file.name);
  if (file.size > rules.maxBytes) {
    const mb = (Math.ceil((file.size / (1024 * 1024)) * 100) / 100).toFixed(2);
    return rules.tooBig(file.name, mb);
  }
  return null;
}

/**
 * The file input's ref, its message from the quick check (null when fine), the handler that
 * checks a file as soon as it is chosen, and `check()`, which checks again before sending
 * and returns the message.
 */
export function useFilePrecheck(rules: FilePrecheckRules) {
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  function onChange(event: ChangeEvent<HTMLInputElement>) {
    const file = event.currentTarget.files?.[0];
    setError(file ? precheck(file, rules) : null);
  }

  function check(): string | null {
    const problem = precheck(inputRef.current?.files?.[0], rules);
    setError(problem);
    return problem;
  }

  return { inputRef, error, onChange, check };
}

type FileFieldProps = {
  /** The form's id; the input is `<formId>-<name>`, its hint and error `<formId>-hint` and `-error`. */
  formId: string;
  name: string;
  label: string;
  hint: string;
  accept: readonly string[];
  error: string | null | undefined;
  inputRef: RefObject<HTMLInputElement | null>;
  onChange: (event: ChangeEvent<HTMLInputElement>) => void;
};

/** A labelled file input with its hint and inline error wired up for screen readers. */
export function FileField({ formId, name, label, hint, accept, error, inputRef, onChange }: FileFieldProps) {
  const hintId = `${formId}-hint`;
  const errorId = `${formId}-error`;
  return (
    <div className="space-y-1.5">
      <label htmlFor={`${formId}-${name}`} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <input
        ref={inputRef}
        id={`${formId}-${name}`}
        name={name}
        type="file"
        accept={accept.join(",")}
        required
        onChange={onChange}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${hintId} ${errorId}` : hintId}
        className="block w-full text-sm text-slate-700 file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-2 file:text-sm file:font-medium file:text-slate-900 hover:file:bg-slate-100"
      />
      <p id={hintId} className="text-xs text-slate-600">
        {hint}
      </p>
      {error && (
        <p id={errorId} className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
