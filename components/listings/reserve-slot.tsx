import { ReserveForm, type ReserveViewer } from "@/components/bookings/reserve-form";
import type { Span } from "@/lib/domain/availability";
import { quoteReservation, type QuoteListing, type QuoteRequest } from "./reserve-quote";

export type Viewer = ReserveViewer;

/**
 * The reservation slot of the listing page: kW and dates (prefilled from `?kw=&start=&end=`,
 * so a quote can be shared and survives signing in), the live quote, and for a signed-in
 * AI team the button that reserves and opens the deposit checkout.
 */
export function ReserveSlot({ listing, spans, request, today, viewer }: { listing: QuoteListing & { id: string }; spans: Span[]; request: QuoteRequest; today: string; viewer: Viewer }) {
  const quote = quoteReservation(listing, spans, request, today);
  if (!quote.open) {
    return <p className="text-sm text-slate-600">This listing&apos;s window has ended; there are no days left to reserve.</p>;
  }
  // Only the terms the quote needs cross to the browser, not the whole listing.
  const terms = {
    id: listing.id,
    capacityKw: listing.capacityKw,
    priceCentsPerKwMonth: listing.priceCentsPerKwMonth,
    minTermMonths: listing.minTermMonths,
    availableFrom: listing.availableFrom,
    availableUntil: listing.availableUntil,
    depositPercent: listing.depositPercent,
  };
  return <ReserveForm listing={terms} spans={spans} initial={quote.values} today={today} viewer={viewer} />;
}
