// What a buyer's chosen kW and dates would get on a listing: the free kW over those dates and
// the monthly price, total and deposit, with the same integer-cents rules the booking is made
// with. Pure, so the reserve form runs it live in the browser; the server checks it all again.
import { freeKwOver, type Span } from "@/lib/domain/availability";
import { addMonths, toDay, parseDay } from "@/lib/domain/days";
import { bookingTotalCents, depositCents as depositOf, monthlyCents as monthlyOf } from "@/lib/domain/pricing";
import { formatKw } from "@/lib/format";
import { formatDay } from "./format";

export type QuoteListing = {
  capacityKw: number;
  priceCentsPerKwMonth: number;
  minTermMonths: number;
  availableFrom: string;
  availableUntil: string;
  depositPercent: number;
};

export type QuoteRequest = { kw?: unknown; start?: unknown; end?: unknown };

export type Quote = {
  /** False once the window has no day left to start on. */
  open: boolean;
  firstDay: string;
  values: { kw: string; start: string; end: string };
  errors: { kw?: string; start?: string; end?: string };
  freeKw: number | null;
  /** The figures below are set only when kW and dates are valid and fit. */
  kw: number | null;
  monthlyCents: number | null;
  totalCents: number | null;
  depositCents: number | null;
};

const text = (value: unknown) => (typeof value === "string" ? value.trim() : "");
const isDay = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(parseDay(value).getTime()) && toDay(parseDay(value)) === value;

export function quoteReservation(listing: QuoteListing, spans: Span[], request: QuoteRequest, today: string): Quote {
  const firstDay = listing.availableFrom > today ? listing.availableFrom : today;
  const open = firstDay < listing.availableUntil;
  const defaultEnd = (start: string) => {
    const end = addMonths(start, listing.minTermMonths);
    return end < listing.availableUntil ? end : listing.availableUntil;
  };
  const start = text(request.start) || firstDay;
  const values = { kw: text(request.kw), start, end: text(request.end) || (isDay(start) ? defaultEnd(start) : "") };
  const errors: Quote["errors"] = {};

  if (!isDay(values.start)) errors.start = "Enter the first day as a date.";
  else if (values.start < firstDay) errors.start = `Start on ${formatDay(firstDay)} or later.`;
  else if (values.start >= listing.availableUntil) errors.start = `Start before the window ends on ${formatDay(listing.availableUntil)}.`;

  if (!isDay(values.end)) errors.end = "Enter the end date as a date.";
  else if (values.end > listing.availableUntil) errors.end = `End on ${formatDay(listing.availableUntil)} or earlier.`;
  else if (!errors.start && values.end <= values.start) errors.end = "End after the start.";
  else if (!errors.start && addMonths(values.start, listing.minTermMonths) > values.end) {
    errors.end = `The minimum term is ${listing.minTermMonths} month${listing.minTermMonths === 1 ? "" : "s"}: end on ${formatDay(addMonths(values.start, listing.minTermMonths))} or later.`;
  }

  const freeKw = errors.start || errors.end ? null : freeKwOver(spans, values.start, values.end);
  let kw: number | null = null;
  if (values.kw) {
    const asked = Number(values.kw.replace(/,/g, ""));
    if (!Number.isInteger(asked) || asked < 1) errors.kw = "Enter the capacity in whole kW, at least 1.";
    else if (asked > listing.capacityKw) errors.kw = `The listing offers ${formatKw(listing.capacityKw)} in all.`;
    else if (freeKw !== null && asked > freeKw) errors.kw = `Only ${formatKw(freeKw)} are free over those dates.`;
    else kw = asked;
  }
  const price = listing.priceCentsPerKwMonth;
  return {
    open,
    firstDay,
    values,
    errors,
    freeKw,
    kw,
    monthlyCents: kw === null ? null : monthlyOf(kw, price),
    totalCents: kw === null || freeKw === null ? null : bookingTotalCents(kw, price, values.start, values.end),
    depositCents: kw === null ? null : depositOf(kw, price, listing.depositPercent),
  };
}
