import type { ReactNode } from "react";
import { ArrowRight } from "lucide-react";
import { ButtonLink } from "@/components/ui/button";

type Props = {
  icon: ReactNode;
  audience: string;
  title: string;
  intro: ReactNode;
  /** The calculator itself. */
  children: ReactNode;
  method: readonly (readonly [term: string, text: string])[];
  footnote: ReactNode;
  cta: { title: string; text: string; href: string; label: string };
};

/** The public page around a calculator: heading, the calculator, how it works, and what to do next. */
export function CalculatorPage({ icon, audience, title, intro, children, method, footnote, cta }: Props) {
  return (
    <>
      <section className="bg-ink-950 text-white">
        <div className="mx-auto max-w-6xl px-4 py-14 sm:px-6">
          <p className="inline-flex items-center gap-2 rounded-full border border-white/15 px-3 py-1 text-xs text-volt-200 [&>svg]:h-3.5 [&>svg]:w-3.5">
            {icon} {audience}
          </p>
          <h1 className="mt-5 text-3xl font-semibold tracking-tight sm:text-4xl">{title}</h1>
          <p className="mt-4 max-w-2xl text-slate-300">{intro}</p>
        </div>
      </section>

      <div className="mx-auto w-full max-w-6xl px-4 py-10 sm:px-6">
        {children}

        <section aria-labelledby="method-heading" className="mt-12">
          <h2 id="method-heading" className="text-xl font-semibold tracking-tight">How the figures are worked out</h2>
          <dl className="mt-5 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            {method.map(([term, text]) => (
              <div key={term} className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
                <dt className="font-semibold text-slate-900">{term}</dt>
                <dd className="mt-1 text-sm text-slate-600">{text}</dd>
              </div>
            ))}
          </dl>
          <p className="mt-4 text-xs text-slate-500">{footnote}</p>
        </section>

        <section className="mt-12 flex flex-col items-start justify-between gap-4 rounded-xl bg-ink-900 p-6 text-white sm:flex-row sm:items-center">
          <div>
            <h2 className="text-lg font-semibold">{cta.title}</h2>
            <p className="mt-1 text-sm text-slate-300">{cta.text}</p>
          </div>
          <ButtonLink href={cta.href} variant="accent">
            {cta.label} <ArrowRight className="h-4 w-4" aria-hidden="true" />
          </ButtonLink>
        </section>
      </div>
    </>
  );
}
