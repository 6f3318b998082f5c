import type { Metadata } from "next";
import { ArrowRight, Pickaxe } from "lucide-react";
import { MiningVsHostingExplorer } from "@/components/calculators/mining-vs-hosting";
import { ButtonLink } from "@/components/ui/button";
import { DAYS_PER_MONTH } from "@/lib/domain/calculators/mining-vs-hosting";

export const metadata: Metadata = {
  title: "Mining vs. hosting calculator",
  description: "What one megawatt earns a month mining Bitcoin against hosting an AI tenant, at your hashprice, fleet efficiency and power cost.",
};

const METHOD = [
  ["Hashrate", "1 MW of ASICs at 20 J/TH runs 50 PH/s (1,000 ÷ J/TH). At a hashprice of $50 per PH-day that is $2,500 a day before power."],
  ["Mining", "Revenue is hashrate × hashprice × days × uptime, less the pool fee. Power is bought only for the hours the fleet hashes."],
  ["Hosting", "The price is all-in: the tenant pays it on the contracted 1,000 kW whatever it draws, and you pay the power for its actual draw."],
  ["Overhead", "PUE multiplies the power bill of both options alike. It defaults to 1.0 because ASIC efficiency is measured at the wall."],
] as const;

export default function MiningCalculatorPage() {
  return (
    <>
      <section className="bg-ink-950 text-white">
        <div className="mx-auto max-w-6xl px-4 py-14 sm:px-6">
          <p className="inline-flex items-center gap-2 rounded-full border border-white/15 px-3 py-1 text-xs text-volt-200">
            <Pickaxe className="h-3.5 w-3.5" aria-hidden="true" /> For miners
          </p>
          <h1 className="mt-5 text-3xl font-semibold tracking-tight sm:text-4xl">Mining vs. hosting calculator</h1>
          <p className="mt-4 max-w-2xl text-slate-300">
            What one megawatt earns in a {DAYS_PER_MONTH}-day month mining Bitcoin, against leasing it to an AI team. Change any figure and
            the comparison follows as you type.
          </p>
        </div>
      </section>

      <div className="mx-auto w-full max-w-6xl px-4 py-10 sm:px-6">
        <MiningVsHostingExplorer />

        <section aria-labelledby="method-heading" className="mt-12">
          <h2 id="method-heading" className="text-xl font-semibold tracking-tight">How the figures are worked out</h2>
          <dl className="mt-5 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            {METHOD.map(([term, text]) => (
              <div key={term} className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
                <dt className="font-semibold text-slate-900">{term}</dt>
                <dd className="mt-1 text-sm text-slate-600">{text}</dd>
              </div>
            ))}
          </dl>
          <p className="mt-4 text-xs text-slate-500">
            Figures are per MW of IT capacity, rounded to the cent. They are estimates for comparison, not a forecast: hashprice moves with
            the Bitcoin price, network difficulty and fees.
          </p>
        </section>

        <section className="mt-12 flex flex-col items-start justify-between gap-4 rounded-xl bg-ink-900 p-6 text-white sm:flex-row sm:items-center">
          <div>
            <h2 className="text-lg font-semibold">Hosting comes out ahead?</h2>
            <p className="mt-1 text-sm text-slate-300">List the megawatts you can spare and keep mining the rest.</p>
          </div>
          <ButtonLink href="/sign-up?kind=miner" variant="accent">
            List your megawatts <ArrowRight className="h-4 w-4" aria-hidden="true" />
          </ButtonLink>
        </section>
      </div>
    </>
  );
}
