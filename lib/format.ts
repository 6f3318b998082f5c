// Display formatting shared by pages: money from integer cents, power, percentages.
const usd0 = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 });
const usd2 = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", minimumFractionDigits: 2 });
const number = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });

export function formatCents(cents: number, { precise = false } = {}): string {
  return (precise ? usd2 : usd0).format(cents / 100);
}

export function formatKw(kw: number): string {
  return kw >= 1000 ? `${number.format(kw / 1000)} MW` : `${number.format(kw)} kW`;
}

export function formatNumber(value: number): string {
  return number.format(value);
}

export const COOLING_LABELS = {
  air: "Air",
  hydro: "Hydro (water)",
  immersion: "Immersion",
  direct_liquid: "Direct liquid",
} as const;

const regionNames = new Intl.DisplayNames(["en"], { type: "region" });
export function countryName(code: string): string {
  try {
    return regionNames.of(code) ?? code;
  } catch {
    return code;
  }
}
