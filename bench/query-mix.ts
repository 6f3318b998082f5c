// The searches the bench cycles through, as query strings of /search and GET /api/v1/listings.
// queryMix: ten popular searches, the first the need; variedMix: many, none repeated.
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

/**
 * `count` different searches, none repeated, drawn with a fixed seed from what buyers ask:
 * half with a window (starting 1–12 months ahead, 6–36 months long), cooling, minimum kW,
 * price, renewable share, a country, a word, a sort and a page, each present or not. Cycled
 * through once, they miss every cache: the search's cost when nobody asked it just before.
 */
export function variedMix(today: string, count: number, seed = 42): MixEntry[] {
  const random = mulberry32(seed);
  const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)]!;
  const maybe = (share: number, value: () => string) => (random() < share ? value() : undefined);
  const seen = new Set<string>();
  const mix: MixEntry[] = [];
  for (let attempt = 0; mix.length < count && attempt < count * 20; attempt += 1) {
    const from = addMonths(today, 1 + Math.floor(random() * 12));
    const parts = [
      maybe(0.5, () => `from=${from}&to=${addMonths(from, pick([6, 12, 18, 24, 36]))}`),
      maybe(0.5, () => `cooling=${pick(["air", "hydro", "immersion", "direct_liquid", "direct_liquid,immersion", "direct_liquid,immersion,hydro"])}`),
      maybe(0.5, () => `minKw=${pick([250, 500, 1000, 2000, 3000, 5000, 10000])}`),
      maybe(0.4, () => `maxPrice=${pick([8000, 10000, 12000, 14000, 15000, 16000])}`),
      maybe(0.3, () => `renewableMin=${pick([30, 50, 70, 80, 90])}`),
      maybe(0.25, () => `country=${pick(["US", "CA", "NO", "IS", "SE", "FI", "PY", "BR", "AR", "KZ", "ET", "AE"])}`),
      maybe(0.15, () => `minDensity=${pick([30, 50, 80, 100])}`),
      maybe(0.1, () => `redundancy=${pick(["N%2B1", "2N"])}`),
      maybe(0.15, () => `q=${pick(["GB200", "hydro", "immersion", "inference", "Texas", "Quebec", "Nordland", "renewable+training"])}`),
      maybe(0.5, () => `sort=${pick(["price", "-price", "capacity", "-capacity", "newest"])}`),
      maybe(0.2, () => `page=${pick([2, 3, 4])}`),
    ].filter(Boolean);
    const query = parts.join("&");
    if (seen.has(query)) continue;
    seen.add(query);
    mix.push({ name: `varied ${mix.length + 1}`, query });
  }
  return mix;
}

/** A small seeded PRNG (mulberry32), so every run draws the same searches. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
