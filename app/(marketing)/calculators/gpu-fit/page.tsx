import type { Metadata } from "next";
import { Cpu } from "lucide-react";
import { CalculatorPage } from "@/components/calculators/calculator-page";
import { GpuFit } from "@/components/calculators/gpu-fit";
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
    <CalculatorPage
      icon={<Cpu aria-hidden="true" />}
      audience="For AI teams"
      title="GPU fit calculator"
      intro="Tell us the GPUs you are bringing. We work out the power they draw, the racks and density they need and the cooling that can carry them, then search for sites with that much room."
      method={METHOD}
      footnote="Board power is the most a GPU draws, so these figures size for the peak. Vendors' figures vary with configuration: check your servers' rated power before you sign."
      cta={{ title: "Know your filters already?", text: "Browse every published listing by country, price, cooling and renewable share.", href: "/search", label: "Browse capacity" }}
    >
      <GpuFit />
    </CalculatorPage>
  );
}
