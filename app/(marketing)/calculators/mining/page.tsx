import type { Metadata } from "next";
import { Pickaxe } from "lucide-react";
import { CalculatorPage } from "@/components/calculators/calculator-page";
import { MiningVsHostingExplorer } from "@/components/calculators/mining-vs-hosting";
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
    <CalculatorPage
      icon={<Pickaxe aria-hidden="true" />}
      audience="For miners"
      title="Mining vs. hosting calculator"
      intro={`What one megawatt earns in a ${DAYS_PER_MONTH}-day month mining Bitcoin, against leasing it to an AI team. Change any figure and the comparison follows as you type.`}
      method={METHOD}
      footnote="Figures are per MW of IT capacity, rounded to the cent. They are estimates for comparison, not a forecast: hashprice moves with the Bitcoin price, network difficulty and fees."
      cta={{ title: "Hosting comes out ahead?", text: "List the megawatts you can spare and keep mining the rest.", href: "/sign-up?kind=miner", label: "List your megawatts" }}
    >
      <MiningVsHostingExplorer />
    </CalculatorPage>
  );
}
