"use client";

import { useState, type FormEvent } from "react";
import type { z } from "zod";
import type { FieldErrors } from "@/lib/errors";

/**
 * Runs the server's own zod schema in the browser before submitting, so most mistakes
 * are explained without a round trip; the server still validates everything.
 */
export function useClientValidation(schema: z.ZodType) {
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    // React adds hidden $ACTION_* inputs for progressive enhancement; they are not form fields.
    const values = Object.fromEntries([...new FormData(event.currentTarget)].filter(([key]) => !key.startsWith("$ACTION")));
    const result = schema.safeParse(values);
    if (result.success) {
      setClientErrors({});
      return;
    }
    event.preventDefault();
    const errors: FieldErrors = {};
    for (const issue of result.error.issues) errors[String(issue.path[0] ?? "_")] ??= issue.message;
    setClientErrors(errors);
    const first = event.currentTarget.querySelector<HTMLElement>(`[name="${Object.keys(errors)[0]}"]`);
    first?.focus();
  }
  return { clientErrors, onSubmit, clear: () => setClientErrors({}) };
}
