// Display formatting shared by pages: money from integer cents, power, UTC dates and months, file sizes.
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

// Chart axes only: compact notation differs between engines ("$0" in Chromium, "$0.0" in Node),
// so it must not reach server-rendered text that the browser hydrates.
const compactUsd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", notation: "compact", maximumFractionDigits: 1 });
export function formatCompactUsd(dollars: number): string {
  return compactUsd.format(dollars);
}

// Days and months are UTC across the marketplace, so they never shift with the viewer's time zone.
const utcDate = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });
const monthName = new Intl.DateTimeFormat("en-US", { month: "short", timeZone: "UTC" });
const monthYear = new Intl.DateTimeFormat("en-US", { month: "long", year: "numeric", timeZone: "UTC" });
const firstOfMonth = (month: string) => new Date(`${month}-01T00:00:00Z`);

/** "Nov 25, 2026", the UTC day of the instant. */
export function formatUtcDate(date: Date): string {
  return utcDate.format(date);
}

/** "Jan '26" for a "YYYY-MM" month, rather than Intl's "Jan 26", which reads as a day. */
export function formatShortMonth(month: string): string {
  return `${monthName.format(firstOfMonth(month))} '${month.slice(2, 4)}`;
}

/** "January 2026" for a "YYYY-MM" month. */
export function formatLongMonth(month: string): string {
  return monthYear.format(firstOfMonth(month));
}

/** "12 KB" or "1.5 MB", rounded up so a file never reads smaller than it is: anything under 1 KB reads "1 KB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.ceil(bytes / 1024))} KB`;
  return `${(Math.ceil((bytes / (1024 * 1024)) * 10) / 10).toFixed(1)} MB`;
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

/** Megabytes to two decimals, rounded up, for "too big" messages: a limit plus one byte never reads as the limit ("5.00 MB"). */
export function formatMegabytesUp(bytes: number): string {
  return (Math.ceil((bytes / (1024 * 1024)) * 100) / 100).toFixed(2);
}
