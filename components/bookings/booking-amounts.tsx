// A booking's money: the price copied when it was made, the term's total, the deposit and
// where its payment stands; the miner (and admins) also see the platform's fee and their share.
import { formatPrice } from "@/components/listings/format";
import { daysBetween } from "@/lib/domain/days";
import { monthlyCents, splitCapture } from "@/lib/domain/pricing";
import { formatCents } from "@/lib/format";

const PAYMENT_LABELS: Record<string, string> = {
  requires_payment: "Not paid yet",
  authorized: "Authorized on the card, not yet captured",
  captured: "Captured",
  released: "Released: nothing was charged",
  refunded: "Refunded",
  failed: "Failed: nothing was charged",
  disputed: "Disputed by the card holder",
};

type Booking = {
  kw: number;
  startDate: string;
  endDate: string;
  priceCentsPerKwMonth: number;
  totalCents: number;
  depositCents: number;
  depositPercent: number;
  platformFeeBps: number;
  payment: { status: string; provider: "stripe" | "test"; amountCents: number } | null;
};

export function paymentLabel(status: string): string {
  return PAYMENT_LABELS[status] ?? status;
}

export function BookingAmounts({ booking, viewer }: { booking: Booking; viewer: "buyer" | "miner" | "admin" }) {
  const days = daysBetween(booking.startDate, booking.endDate);
  const { feeCents, minerShareCents } = splitCapture(booking.depositCents, booking.platformFeeBps);
  const rows: [string, string][] = [
    ["Price", `${formatPrice(booking.priceCentsPerKwMonth)} per kW-month`],
    [`Monthly (${booking.kw.toLocaleString("en-US")} kW)`, formatCents(monthlyCents(booking.kw, booking.priceCentsPerKwMonth), { precise: true })],
    [`Total for ${days} days`, formatCents(booking.totalCents, { precise: true })],
    [`Deposit (${booking.depositPercent} % of the first month)`, formatCents(booking.depositCents, { precise: true })],
  ];
  if (viewer !== "buyer") {
    rows.push([`Platform fee (${booking.platformFeeBps / 100} % of the deposit)`, formatCents(feeCents, { precise: true })]);
    rows.push([viewer === "miner" ? "Your share of the deposit" : "The miner's share of the deposit", formatCents(minerShareCents, { precise: true })]);
  }
  return (
    <div>
      <dl className="divide-y divide-slate-100 text-sm">
        {rows.map(([label, value]) => (
          <div key={label} className="flex justify-between gap-4 py-2">
            <dt className="text-slate-600">{label}</dt>
            <dd className="text-right font-medium tabular-nums text-slate-900">{value}</dd>
          </div>
        ))}
        <div className="flex justify-between gap-4 py-2">
          <dt className="text-slate-600">Deposit payment</dt>
          <dd className="text-right font-medium text-slate-900">
            <span>{booking.payment ? paymentLabel(booking.payment.status) : "No payment"}</span>
            {booking.payment?.provider === "test" && <span className="block text-xs font-normal text-amber-800">Test mode: no real card</span>}
          </dd>
        </div>
      </dl>
      <p className="mt-2 text-xs text-slate-600">A month is counted as 30 days.</p>
    </div>
  );
}
