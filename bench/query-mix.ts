// The searches the bench cycles through, as query strings of /search and GET /api/v1/listings.
// The first is the need; the others vary text, country, window, sort and page.
import { addMonths } from "@/lib/domain/days";

export type MixEntry = { name: string; query: string };

export function queryMix(today: string): MixEntry[] {
  const from = addMonths(today, 3);
  const to = addMonths(from, 24);
  const window = `from=${from}&to=${to}`;
  const need = `cooling=direct_liquid,immersion,hydro&minKw=2000&${window}&maxPrice=15000&renewableMin=50`;
  return [
    { name: "need (2 MW liquid, 24 months)", query: need },
    { name: "need, most free kW first", query: `${need}&sort=-capacity` },
    { name: "need, page 3", query: `${need}&page=3` },
    { name: "text + window", query: `q=hydro+immersion&${window}` },
    { name: "country + cooling + window", query: `country=CA&cooling=immersion&minKw=2000&${window}` },
    { name: "no window, liquid over 5 MW", query: "cooling=direct_liquid&minKw=5000&maxPrice=12000" },
    { name: "text, cheapest first", query: "q=GB200&sort=price" },
    { name: "country, renewable, window", query: `country=NO&renewableMin=80&${window}&sort=price` },
    { name: "everything, largest first", query: "sort=-capacity" },
    { name: "density, N+1, verified, window", query: `minDensity=80&redundancy=N%2B1&verified=true&minKw=1000&${window}` },
  ];
}
