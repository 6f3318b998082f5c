import type { ReactNode } from "react";
import { cn } from "./cn";

/** A titled group of form fields (a form section). */
export function FormSection({ title, description, children, className }: { title: string; description?: ReactNode; children: ReactNode; className?: string }) {
  return (
    <fieldset className={cn("grid gap-6 border-t border-slate-200 pt-8 md:grid-cols-3", className)}>
      <div>
        <legend className="text-base font-semibold text-slate-900">{title}</legend>
        {description && <p className="mt-1 text-sm text-slate-600">{description}</p>}
      </div>
      <div className="grid gap-5 sm:grid-cols-2 md:col-span-2">{children}</div>
    </fieldset>
  );
}
