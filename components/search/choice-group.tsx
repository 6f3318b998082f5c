import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

type Choice<T extends string> = { value: T; label: ReactNode };

function Group({ legend, hint, error, name, children }: { legend: string; hint?: ReactNode; error?: string; name: string; children: ReactNode }) {
  const hintId = hint ? `${name}-hint` : undefined;
  const errorId = error ? `${name}-error` : undefined;
  return (
    <fieldset aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined} aria-invalid={error ? true : undefined}>
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      <div className="mt-2 space-y-1.5">{children}</div>
      {hint && (
        <p id={hintId} className="mt-1.5 text-xs text-slate-600">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="mt-1.5 text-sm text-red-700">
          {error}
        </p>
      )}
    </fieldset>
  );
}

const optionClass = "flex cursor-pointer items-center gap-2 text-sm text-slate-800";
const inputClass = "h-4 w-4 shrink-0 border-slate-400 accent-slate-900";

export function CheckboxGroup<T extends string>({ legend, name, choices, checked, onChange, hint, error }: { legend: string; name: string; choices: Choice<T>[]; checked: T[]; onChange: (next: T[]) => void; hint?: ReactNode; error?: string }) {
  return (
    <Group legend={legend} name={name} hint={hint} error={error}>
      {choices.map((choice) => (
        <label key={choice.value} className={optionClass}>
          <input
            type="checkbox"
            name={name}
            value={choice.value}
            checked={checked.includes(choice.value)}
            onChange={(event) => onChange(event.target.checked ? [...checked, choice.value] : checked.filter((v) => v !== choice.value))}
            className={cn(inputClass, "rounded")}
          />
          {choice.label}
        </label>
      ))}
    </Group>
  );
}

export function RadioGroup<T extends string>({ legend, name, choices, value, onChange, hint }: { legend: string; name: string; choices: Choice<T>[]; value: T; onChange: (next: T) => void; hint?: ReactNode }) {
  return (
    <Group legend={legend} name={name} hint={hint}>
      {choices.map((choice) => (
        <label key={choice.value} className={optionClass}>
          <input type="radio" name={name} value={choice.value} checked={value === choice.value} onChange={() => onChange(choice.value)} className={inputClass} />
          {choice.label}
        </label>
      ))}
    </Group>
  );
}
