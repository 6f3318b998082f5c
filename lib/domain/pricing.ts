// Booking money, in integer cents: a month is 30 days of the monthly price; the deposit is
// a percentage of the first month; the platform keeps its fee out of a captured deposit.
import { daysBetween } from "./days";

export const DAYS_PER_MONTH = 30;

/** The total of `kw` over [start, end) at a monthly price per kW. */
export function bookingTotalCents(kw: number, priceCentsPerKwMonth: number, start: string, end: string): number {
  return Math.round((kw * priceCentsPerKwMonth * daysBetween(start, end)) / DAYS_PER_MONTH);
}

export function monthlyCents(kw: number, priceCentsPerKwMonth: number): number {
  return kw * priceCentsPerKwMonth;
}

/** The deposit: `depositPercent` of the first month. */
export function depositCents(kw: number, priceCentsPerKwMonth: number, depositPercent: number): number {
  return Math.round((kw * priceCentsPerKwMonth * depositPercent) / 100);
}

/** The platform's fee and the miner's share of a captured amount; they always add up to it. */
export function splitCapture(amountCents: number, feeBps: number): { feeCents: number; minerShareCents: number } {
  const feeCents = Math.round((amountCents * feeBps) / 10_000);
  return { feeCents, minerShareCents: amountCents - feeCents };
}
