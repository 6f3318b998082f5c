import type { Metadata } from "next";
import { ArrowRight, Cpu } from "lucide-react";
import { GpuFit } from "@/components/calculators/gpu-fit";
import { ButtonLink } from "@/components/ui/button";
import { MAX_AIR_KW_PER_RACK } from "@/lib/domain/calculators/gpu-fit";

export const metadata: Metadata = {
  title: "GPU fit calculator",
  description: "How many kW, racks and what cooling a GPU cluster needs, and the listings at Bitcoin mining sites that can host it.",
};

const METHOD = [
  ["Power", "Each server draws its GPUs' board power plus the server and network overhead (CPUs, memory, NICs, fans, switches). Counts round up to whole servers."],
  ["Racks", "Servers are stacked a fixed number to a rack, or as many as fit under a density you choose. A GB200 NVL72 is one rack by itself."],
  ["Cooling", `Air carries about ${MAX_AIR_KW_PER_RACK} kW a rack. Denser racks need hydro, direct-liquid or immersion cooling; NVL72 racks need direct liquid.`],
  ["Search", "Finds listings with the IT kW plus headroom free (rounded up to 100 kW), at least your rack density, and a cooling that carries it."],
] as const;

export default function GpuFitCalculatorPage() {
  return (
    <>
      <section className="bg-ink-950 text-white">
        <div className="mx-auto max-w-6xl px-4 py-14 sm:px-6">
          <p className="inline-flex items-center gap-2 rounded-full border border-white/15 px-3 py-1 text-xs text-volt-200">
            <Cpu className="h-3.5 w-3.5" aria-hidden="true" /> For AI teams
          </p>
          <h1 className="mt-5 text-3xl font-semibold tracking-tight sm:text-4xl">GPU fit calculator</h1>
          <p className="mt-4 max-w-2xl text-slate-300">
            Tell us the GPUs you are bringing. We work out the power they draw, the racks and density they need and the cooling that can carry
            them, then search for sites with that much room.
          </p>
        </div>
      </section>

      <div className="mx-auto w-full max-w-6xl px-4 py-10 sm:px-6">
        <GpuFit />

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
            Board power is the most a GPU draws, so these figures size for the peak. Vendors&apos; figures vary with configuration: check your
            servers&apos; rated power before you sign.
          </p>
        </section>

        <section className="mt-12 flex flex-col items-start justify-between gap-4 rounded-xl bg-ink-900 p-6 text-white sm:flex-row sm:items-center">
          <div>
            <h2 className="text-lg font-semibold">Know your filters already?</h2>
            <p className="mt-1 text-sm text-slate-300">Browse every published listing by country, price, cooling and renewable share.</p>
          </div>
          <ButtonLink href="/search" variant="accent">
            Browse capacity <ArrowRight className="h-4 w-4" aria-hidden="true" />
          </ButtonLink>
        </section>
      </div>
    </>
  );
}
