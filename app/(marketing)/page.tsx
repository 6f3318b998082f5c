import { connection } from "next/server";
import { ArrowRight, Bolt, Building2, Cpu, Droplets, Gauge, ShieldCheck, Timer } from "lucide-react";
import { getDb } from "@/db";
import { getFeaturedListings, getMarketplaceFigures } from "@/db/queries/marketplace";
import { ButtonLink } from "@/components/ui/button";
import { FiguresStrip } from "@/components/marketing/figures-strip";
import { FeaturedListings } from "@/components/marketing/featured-listings";

export default async function LandingPage() {
  await connection();
  const db = await getDb();
  const [figures, featured] = await Promise.all([getMarketplaceFigures(db), getFeaturedListings(db)]);

  return (
    <>
      <section className="bg-ink-950 text-white">
        <div className="mx-auto max-w-6xl px-4 pb-16 pt-16 sm:px-6 sm:pt-24">
          <p className="inline-flex items-center gap-2 rounded-full border border-white/15 px-3 py-1 text-xs text-volt-200">
            <Bolt className="h-3.5 w-3.5" aria-hidden="true" /> Energized capacity, available now
          </p>
          <h1 className="mt-6 max-w-3xl text-4xl font-semibold tracking-tight sm:text-5xl">
            The megawatts AI needs are already switched on — at Bitcoin mining sites.
          </h1>
          <p className="mt-5 max-w-2xl text-lg text-slate-300">
            Miners list spare power, cooling and rack space. AI teams search it by megawatts, density, cooling and price,
            reserve it for their dates and secure it with a deposit. Every listing is reviewed before it goes live.
          </p>
          <div className="mt-8 flex flex-wrap gap-3">
            <ButtonLink href="/search" variant="accent" size="lg">
              Find capacity <ArrowRight className="h-4 w-4" aria-hidden="true" />
            </ButtonLink>
            <ButtonLink href="/sign-up?kind=miner" size="lg" variant="inverted">
              List your megawatts
            </ButtonLink>
          </div>
          <FiguresStrip figures={figures} />
        </div>
      </section>

      <section id="ai-teams" className="mx-auto grid max-w-6xl scroll-mt-20 gap-10 px-4 py-16 sm:px-6 md:grid-cols-2">
        <div>
          <p className="text-sm font-semibold uppercase tracking-wide text-volt-700">For AI teams</p>
          <h2 className="mt-2 text-3xl font-semibold tracking-tight">Power in months, not years</h2>
          <p className="mt-4 text-slate-700">
            More than 80 % of conventional data-center capacity under construction is already pre-leased, and vacancy sits
            near 2 %. Mining sites have what a GPU cluster needs first: energized interconnections, cheap long-term power and
            halls that already move heat.
          </p>
        </div>
        <ul className="grid gap-4 sm:grid-cols-2">
          <Point icon={<Gauge />} title="Search by what matters">Free kW over your dates, rack density, cooling, PUE, renewable share and price per kW-month.</Point>
          <Point icon={<Droplets />} title="Liquid-ready halls">Immersion and direct-liquid sites for 40–130 kW racks like GB200 NVL72.</Point>
          <Point icon={<ShieldCheck />} title="Reviewed listings">Sites show verified interconnection and power-contract evidence.</Point>
          <Point icon={<Timer />} title="Reserve in minutes">Hold capacity with a deposit; the miner confirms within days.</Point>
        </ul>
      </section>

      <section id="miners" className="border-y border-slate-200 bg-white">
        <div className="mx-auto grid max-w-6xl scroll-mt-20 gap-10 px-4 py-16 sm:px-6 md:grid-cols-2">
          <div>
            <p className="text-sm font-semibold uppercase tracking-wide text-volt-700">For miners</p>
            <h2 className="mt-2 text-3xl font-semibold tracking-tight">Earn more from every megawatt</h2>
            <p className="mt-4 text-slate-700">
              Hosting AI pays $120–155 per kW-month on long leases, against roughly $36–65 for Bitcoin hosting. List the
              capacity you can spare, set your terms, and keep mining the rest.
            </p>
          </div>
          <ul className="grid gap-4 sm:grid-cols-2">
            <Point icon={<Building2 />} title="Sites and listings">Describe power, cooling and network once; offer capacity by the kW.</Point>
            <Point icon={<Cpu />} title="Demand you can see">Occupancy by day and requests with their deadlines.</Point>
            <Point icon={<ShieldCheck />} title="Deposits up front">Buyers authorize a deposit before you decide; it is captured when you accept.</Point>
            <Point icon={<Bolt />} title="Interruptible or firm">Offer curtailable capacity at a lower price, or firm power at a premium.</Point>
          </ul>
        </div>
      </section>

      <section className="mx-auto w-full max-w-6xl px-4 py-16 sm:px-6" aria-labelledby="featured-heading">
        <div className="flex flex-wrap items-end justify-between gap-4">
          <div>
            <h2 id="featured-heading" className="text-2xl font-semibold tracking-tight">Recently listed capacity</h2>
            <p className="mt-1 text-sm text-slate-600">Live from the marketplace.</p>
          </div>
          <ButtonLink href="/search" variant="secondary">
            Search all capacity <ArrowRight className="h-4 w-4" aria-hidden="true" />
          </ButtonLink>
        </div>
        <FeaturedListings listings={featured} />
      </section>

      <section id="how-it-works" className="scroll-mt-20 bg-ink-900 text-white">
        <div className="mx-auto max-w-6xl px-4 py-16 sm:px-6">
          <h2 className="text-2xl font-semibold tracking-tight">How it works</h2>
          <ol className="mt-8 grid gap-6 md:grid-cols-3">
            {[
              ["List", "A miner describes a site — energized MW, power mix, PUE, redundancy, network — and lists capacity with a price per kW-month. Admins review it."],
              ["Reserve", "An AI team picks kW and dates. Substation holds the capacity for 30 minutes while the deposit is authorized; nothing is ever oversold."],
              ["Confirm", "The miner accepts and the deposit is captured, or declines and it is released. Both sides see every step."],
            ].map(([title, text], i) => (
              <li key={title} className="rounded-xl border border-white/10 bg-white/5 p-6">
                <span className="text-sm font-semibold text-volt-300">Step {i + 1}</span>
                <h3 className="mt-1 text-lg font-semibold">{title}</h3>
                <p className="mt-2 text-sm text-slate-300">{text}</p>
              </li>
            ))}
          </ol>
          <div className="mt-10 flex flex-wrap gap-3">
            <ButtonLink href="/sign-up" variant="accent">Create a free account</ButtonLink>
            <ButtonLink href="/sign-in" variant="inverted">Sign in</ButtonLink>
          </div>
        </div>
      </section>
    </>
  );
}

function Point({ icon, title, children }: { icon: React.ReactNode; title: string; children: React.ReactNode }) {
  return (
    <li className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
      <span className="grid h-9 w-9 place-items-center rounded-lg bg-volt-100 text-volt-700 [&>svg]:h-5 [&>svg]:w-5" aria-hidden="true">
        {icon}
      </span>
      <h3 className="mt-3 font-semibold">{title}</h3>
      <p className="mt-1 text-sm text-slate-600">{children}</p>
    </li>
  );
}
