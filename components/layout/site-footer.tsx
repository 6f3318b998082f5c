import Link from "next/link";
import { Logo } from "./logo";

export function SiteFooter() {
  return (
    <footer className="mt-auto border-t border-slate-200 bg-white">
      <div className="mx-auto grid max-w-6xl gap-8 px-4 py-10 sm:px-6 md:grid-cols-4">
        <div className="md:col-span-2">
          <Logo />
          <p className="mt-3 max-w-sm text-sm text-slate-600">
            Energized megawatts at Bitcoin mining sites, listed for AI teams who need power, cooling and space now — not in 2029.
          </p>
        </div>
        <nav aria-label="Marketplace">
          <h2 className="text-sm font-semibold text-slate-900">Marketplace</h2>
          <ul className="mt-3 space-y-2 text-sm text-slate-600">
            <li><Link className="hover:text-slate-900" href="/search">Find capacity</Link></li>
            <li><Link className="hover:text-slate-900" href="/calculators/gpu-fit">GPU fit calculator</Link></li>
            <li><Link className="hover:text-slate-900" href="/calculators/mining">Mining vs. hosting</Link></li>
            <li><Link className="hover:text-slate-900" href="/#miners">For miners</Link></li>
            <li><Link className="hover:text-slate-900" href="/sign-up">Create an account</Link></li>
          </ul>
        </nav>
        <div>
          <h2 className="text-sm font-semibold text-slate-900">Sources</h2>
          <p className="mt-3 text-xs leading-relaxed text-slate-600">
            Market figures: CBRE North America Data Center Trends (H2 2024): $184.06 per kW-month asking rent for 250–500 kW, 1.9 % vacancy, more than 80 % of capacity under construction pre-leased.
          </p>
        </div>
      </div>
      <div className="border-t border-slate-100 py-4 text-center text-xs text-slate-500">
        © {new Date().getUTCFullYear()} Substation. Demo marketplace: organizations and sites are fictional.
      </div>
    </footer>
  );
}
