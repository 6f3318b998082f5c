import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArrowLeft, MapPin, MessageSquare } from "lucide-react";
import { getDb } from "@/db";
import { getBookingForViewer } from "@/db/queries/bookings";
import { threadIdForBooking } from "@/db/queries/messages";
import { BookingAmounts } from "@/components/bookings/booking-amounts";
import { BookingStatusBadge, shownStatus } from "@/components/bookings/booking-status";
import { bookingDeadline, Deadline } from "@/components/bookings/deadline";
import { formatStay, formatUtc } from "@/components/bookings/format";
import { HoldCountdown } from "@/components/bookings/hold-countdown";
import { PaymentPending } from "@/components/bookings/payment-pending";
import { statusSummary } from "@/components/bookings/status-summary";
import { BookingTimeline } from "@/components/bookings/timeline";
import { ViewerActions } from "@/components/bookings/viewer-actions";
import { BookingReviewSection } from "@/components/reviews/booking-review-section";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { requirePageUser } from "@/lib/auth/guards";
import { actorOf } from "@/lib/auth/policy";
import { AppError } from "@/lib/errors";
import { countryName, formatCents, formatKw } from "@/lib/format";

export const metadata: Metadata = { title: "Booking" };

const DONE: Record<string, string> = {
  accepted: "Accepted. The deposit was captured and the booking is confirmed; the AI team has been mailed.",
  declined: "Declined. The deposit was released and the AI team has been mailed with your reason.",
  cancelled: "Request cancelled. Any authorization on your card was released and the miner has been told.",
  refunded: "Refunded. Both parties have been mailed and the audit log records it.",
};

const BACK = {
  buyer: { href: "/bookings", label: "Your bookings" },
  miner: { href: "/miner/bookings", label: "Bookings" },
  admin: { href: "/dashboard", label: "Dashboard" },
} as const;

export default async function BookingPage({ params, searchParams }: PageProps<"/bookings/[id]">) {
  const { id } = await params;
  const user = await requirePageUser(`/bookings/${id}`);
  const booking = await getBookingForViewer(await getDb(), actorOf(user), id).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  // The booking's own check above decides who may follow the link; the thread page checks again.
  const threadId = await threadIdForBooking(await getDb(), booking.id);
  const { paid, done } = await searchParams;
  const now = new Date();
  const status = shownStatus(booking, now);
  const deadline = bookingDeadline({ ...booking, status }, now);
  const stay = formatStay(booking.startDate, booking.endDate);
  const back = BACK[booking.role];

  return (
    <div className="mx-auto w-full max-w-6xl px-4 py-8 sm:px-6">
      <Link href={back.href} className="inline-flex items-center gap-1 text-sm text-slate-600 hover:text-slate-900">
        <ArrowLeft className="h-4 w-4" aria-hidden="true" /> {back.label}
      </Link>

      <header className="mt-4">
        <p className="text-sm text-slate-600">
          Booking {booking.id.slice(0, 8)} · {booking.role === "buyer" ? `with ${booking.minerOrganizationName}` : booking.role === "miner" ? `from ${booking.buyerOrganizationName}` : `${booking.buyerOrganizationName} with ${booking.minerOrganizationName}`}
        </p>
        <div className="mt-1 flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">
            <Link href={`/listings/${booking.listingId}`} className="underline-offset-4 hover:underline">
              {booking.listingTitle}
            </Link>
          </h1>
          <BookingStatusBadge status={status} className="text-sm" />
        </div>
        <p className="mt-2 inline-flex items-center gap-1 text-sm text-slate-700">
          <MapPin className="h-4 w-4 text-slate-500" aria-hidden="true" />
          {booking.siteName} · {booking.siteRegion}, {countryName(booking.siteCountry)}
        </p>
        <p className="mt-3 text-lg tabular-nums">
          <strong className="font-semibold">{formatKw(booking.kw)}</strong> · {stay.range} <span className="text-slate-600">({stay.length}, UTC)</span>
        </p>
      </header>

      <div className="mt-6 space-y-3">
        {typeof done === "string" && DONE[done] && <Alert tone="success">{DONE[done]}</Alert>}
        {paid && booking.role === "buyer" && <PaidNotice status={status} depositCents={booking.depositCents} minerName={booking.minerOrganizationName} respondBy={booking.respondBy} />}
      </div>

      {/* On a phone the deadline and the actions come right after the status, before the figures. */}
      <div className="mt-6 grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem] lg:items-start">
        <Card className="p-5 lg:col-start-1 lg:row-start-1">
          <h2 className="font-semibold">Status</h2>
          <p className="mt-2 text-sm text-slate-800">{statusSummary(status, booking.role, booking)}</p>
          {booking.statusReason && ["declined", "cancelled", "refunded", "expired"].includes(status) && (
            <p className="mt-3 rounded-md bg-slate-50 px-3 py-2 text-sm">
              <span className="text-slate-600">Reason: </span>
              <span className="text-slate-900">{booking.statusReason}</span>
            </p>
          )}
        </Card>
        <BookingReviewSection booking={booking} actor={actorOf(user)} className="lg:col-start-1" />

        <aside className="space-y-6 lg:sticky lg:top-24 lg:col-start-2 lg:row-span-3 lg:row-start-1">
          {deadline && (
            <Card className="p-5">
              <h2 className="font-semibold">{deadline.kind === "hold" ? "Hold ends" : booking.role === "miner" ? "Answer by" : "The miner answers by"}</h2>
              <div className="mt-2 text-sm">
                <Deadline at={deadline.at} now={now} />
                {deadline.kind === "hold" && (
                  <p className="mt-2 text-slate-700">
                    <HoldCountdown expiresAt={deadline.at.toISOString()} serverNow={now.getTime()} />
                  </p>
                )}
              </div>
            </Card>
          )}
          <Card className="p-5">
            <h2 className="font-semibold">What you can do</h2>
            <div className="mt-3">
              <ViewerActions booking={booking} status={status} now={now} />
            </div>
          </Card>
          {threadId && (
            <Card className="p-5">
              <h2 className="font-semibold">Messages</h2>
              <p className="mt-1 text-sm text-slate-600">
                {booking.role === "buyer" ? `Move-in, access and questions for ${booking.minerOrganizationName}.` : booking.role === "miner" ? `Move-in, access and questions with ${booking.buyerOrganizationName}.` : "The parties' conversation about this booking."}
              </p>
              <ButtonLink href={`/messages/${threadId}`} variant="secondary" className="mt-3 w-full">
                <MessageSquare className="h-4 w-4" aria-hidden="true" /> Open the conversation
              </ButtonLink>
            </Card>
          )}
        </aside>

        <Card className="p-5 lg:col-start-1 lg:row-start-2">
          <h2 className="font-semibold">Amounts</h2>
          <div className="mt-2">
            <BookingAmounts booking={booking} viewer={booking.role} />
          </div>
        </Card>
        <Card className="p-5 lg:col-start-1 lg:row-start-3">
          <h2 className="font-semibold">History</h2>
          <div className="mt-4 pl-1">
            <BookingTimeline transitions={booking.transitions} />
          </div>
        </Card>
      </div>
    </div>
  );
}

function PaidNotice({ status, depositCents, minerName, respondBy }: { status: string; depositCents: number; minerName: string; respondBy: Date | null }) {
  if (status === "pending_deposit") return <PaymentPending />;
  if (status === "awaiting_provider") {
    return (
      <Alert tone="success" title="Payment received — waiting for the miner">
        The {formatCents(depositCents, { precise: true })} deposit is authorized on your card. {minerName} has been mailed and has until {respondBy ? formatUtc(respondBy) : "the deadline"} to answer; the deposit is captured only if they accept.
      </Alert>
    );
  }
  if (status === "expired") {
    return (
      <Alert tone="warning" title="The hold ended before the payment arrived">
        The capacity was no longer held for you, so the authorization was released and nothing was charged. Reserve again from the listing if it is still free.
      </Alert>
    );
  }
  return null;
}
