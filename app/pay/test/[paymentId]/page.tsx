import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FlaskConical } from "lucide-react";
import { getDb } from "@/db";
import { shownStatus } from "@/components/bookings/booking-status";
import { formatStay, formatUtc } from "@/components/bookings/format";
import { HoldCountdown } from "@/components/bookings/hold-countdown";
import { TestCheckoutForm } from "@/components/bookings/test-checkout-form";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { requirePageUser } from "@/lib/auth/guards";
import { actorOf } from "@/lib/auth/policy";
import { formatCents, formatKw } from "@/lib/format";
import { testCheckoutFor } from "@/db/queries/test-checkout";

export const metadata: Metadata = { title: "Test checkout", robots: { index: false, follow: false } };

/** The built-in test-payment provider's checkout: stands in for Stripe Checkout when no keys are set. */
export default async function TestCheckoutPage({ params }: PageProps<"/pay/test/[paymentId]">) {
  const { paymentId } = await params;
  const user = await requirePageUser(`/pay/test/${paymentId}`);
  const booking = await testCheckoutFor(await getDb(), actorOf(user), paymentId);
  if (!booking) notFound();
  const now = new Date();
  const status = shownStatus(booking, now);
  const payable = status === "pending_deposit" && booking.payment?.status === "requires_payment";
  const amount = formatCents(booking.depositCents, { precise: true });
  const stay = formatStay(booking.startDate, booking.endDate);

  return (
    <div className="mx-auto w-full max-w-lg px-4 py-10 sm:px-6">
      <div role="note" className="flex items-start gap-3 rounded-lg border-2 border-dashed border-amber-400 bg-amber-50 px-4 py-3 text-amber-950">
        <FlaskConical className="mt-0.5 h-5 w-5 shrink-0" aria-hidden="true" />
        <div>
          <p className="font-semibold">Test mode — no real card is charged</p>
          <p className="mt-0.5 text-sm">Substation runs without Stripe keys, so this page stands in for Stripe Checkout. Authorizing here moves the booking exactly as a real payment would.</p>
        </div>
      </div>

      <Card className="mt-6 p-6">
        <p className="text-sm text-slate-600">Deposit for</p>
        <h1 className="mt-0.5 text-xl font-semibold tracking-tight">{booking.listingTitle}</h1>
        <p className="mt-1 text-sm text-slate-700">
          {formatKw(booking.kw)} · {stay.range} ({stay.length}) · {booking.minerOrganizationName}
        </p>
        <p className="mt-5 text-4xl font-semibold tabular-nums tracking-tight">{amount}</p>
        <p className="mt-1 text-sm text-slate-600">
          {booking.depositPercent} % of the first month. Authorized now, captured only if the miner accepts.
        </p>

        <div className="mt-6 border-t border-slate-200 pt-5">
          {payable ? (
            <>
              <p className="mb-4 text-sm text-slate-700">
                Hold: <HoldCountdown expiresAt={booking.expiresAt.toISOString()} serverNow={now.getTime()} />{" "}
                <span className="text-slate-600">(until {formatUtc(booking.expiresAt)})</span>
              </p>
              <TestCheckoutForm paymentId={paymentId} bookingId={booking.id} amount={amount} />
            </>
          ) : (
            <Closed status={status} paymentStatus={booking.payment?.status ?? null} bookingId={booking.id} listingId={booking.listingId} />
          )}
        </div>
      </Card>
    </div>
  );
}

function Closed({ status, paymentStatus, bookingId, listingId }: { status: string; paymentStatus: string | null; bookingId: string; listingId: string }) {
  const paid = paymentStatus !== null && paymentStatus !== "requires_payment" && paymentStatus !== "failed";
  return (
    <div className="space-y-4">
      {paid ? (
        <Alert tone="success" title="This deposit is already paid">
          Nothing more to do here; the booking page shows where it stands.
        </Alert>
      ) : status === "expired" ? (
        <Alert tone="warning" title="This hold has expired">
          The deposit was not paid in time, so the capacity was released and there is nothing to pay. Reserve again if it is still free.
        </Alert>
      ) : (
        <Alert tone="info" title="Nothing to pay">
          {status === "cancelled" ? "This reservation was cancelled, so it takes no deposit." : "This reservation no longer takes a deposit."}
        </Alert>
      )}
      <div className="flex flex-wrap gap-2">
        <ButtonLink href={`/bookings/${bookingId}`}>Go to the booking</ButtonLink>
        {!paid && (
          <Link href={`/listings/${listingId}`} className="inline-flex h-10 items-center px-2 text-sm font-medium text-slate-900 underline underline-offset-2">
            Back to the listing
          </Link>
        )}
      </div>
    </div>
  );
}
