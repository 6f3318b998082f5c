"use client";

// The quick check the site upload forms (photos, evidence documents) run in the browser on
// their file input (FileInputField in components/ui/field.tsx). It mirrors the server's rules
// for a quicker message only: the browser's type comes from the file name, so the server,
// reading the bytes, decides.
import { useRef, useState, type ChangeEvent } from "react";
import { formatMegabytesUp } from "@/lib/format";

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
  if (file.size > rules.maxBytes) return rules.tooBig(file.name, formatMegabytesUp(file.size));
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
