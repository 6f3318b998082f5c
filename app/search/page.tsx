import type { Metadata } from "next";
import { cachedSearchWithPins } from "@/lib/search-cache";
import { SearchFilters } from "@/components/search/filters";
import { parseSearch } from "@/components/search/parse-search";
import { packPins } from "@/components/search/pins";
import { SearchResults } from "@/components/search/results";
import { SearchNavigationProvider } from "@/components/search/search-navigation";
import { Alert } from "@/components/ui/alert";
import { COUNTRIES } from "@/lib/countries";
import { countryName } from "@/lib/format";

export async function generateMetadata(): Promise<Metadata> {
  return {
    title: "Search capacity",
    description: "Energized capacity at mining sites, filtered by the kW free over your dates, cooling, price, rack density, renewable share and redundancy.",
  };
}

export default async function SearchPage({ searchParams }: PageProps<"/search">) {
  const { params, errors } = parseSearch(await searchParams);
  const { result, pins } = await cachedSearchWithPins(params);
  const problems = [...new Set(Object.values(errors))];
  // Names come from the server's ICU, whose wording can differ from the browser's (hydration).
  const codes = new Set([...result.items.map((i) => i.country), ...pins.map((p) => p.country), ...(params.country ? [params.country] : [])]);
  const countryNames = Object.fromEntries([...codes].map((code) => [code, countryName(code)]));

  return (
    <SearchNavigationProvider>
      <div className="mx-auto w-full max-w-[88rem] px-4 py-8 sm:px-6">
        <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">Search capacity</h1>
        <p className="mt-1 max-w-2xl text-sm text-slate-600">
          Published listings at mining sites. Set your dates to see the kW actually free over them, after holds and bookings.
        </p>
        {problems.length > 0 && (
          <Alert tone="error" title="Some of this search could not be used, so it was left out" className="mt-5">
            <ul className="list-disc space-y-0.5 pl-5">
              {problems.map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          </Alert>
        )}
        <div className="mt-6 grid gap-6 lg:grid-cols-[17rem_minmax(0,1fr)] lg:gap-8">
          <div>
            <SearchFilters countries={COUNTRIES} />
          </div>
          <SearchResults items={result.items} pins={packPins(pins)} total={result.total} page={result.page} pageSize={result.pageSize} filters={params} countryNames={countryNames} />
        </div>
      </div>
    </SearchNavigationProvider>
  );
}
