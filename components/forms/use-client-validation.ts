"use client";

import { useState, type FormEvent } from "react";
import type { z } from "zod";
import type { FieldErrors } from "@/lib/errors";

/**
 * Runs the server's own zod schema in the browser before submitting, so most mistakes
 * are explained without a round trip; the server still validates everything.
 */
export function useClientValidation(schema: z.ZodType, prepare?: (fields: Record<string, unknown>) => unknown) {
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const result = schema.safeParse(prepare ? prepare(formFields(event.currentTarget)) : formFields(event.currentTarget));
    if (result.success) {
      setClientErrors({});
      return;
    }
    event.preventDefault();
    const errors: FieldErrors = {};
    for (const issue of result.error.issues) errors[issue.path.length ? issue.path.join(".") : "_"] ??= issue.message;
    setClientErrors(errors);
    const first = event.currentTarget.querySelector<HTMLElement>(`[name="${CSS.escape(Object.keys(errors)[0]!)}"]`);
    first?.focus();
  }
  return { clientErrors, onSubmit, clear: () => setClientErrors({}) };
}

/** The form's fields as an object; repeated names (checkboxes) become arrays. */
function formFields(form: HTMLFormElement): Record<string, unknown> {
  const data = new FormData(form);
  const fields: Record<string, unknown> = {};
  for (const key of new Set(data.keys())) {
    // React adds hidden $ACTION_* inputs for progressive enhancement; they are not fields.
    if (key.startsWith("$ACTION")) continue;
    const values = data.getAll(key).filter((v) => typeof v === "string");
    fields[key] = values.length > 1 ? values : values[0];
  }
  return fields;
}
