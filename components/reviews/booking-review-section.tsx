import { Clock } from "lucide-react";
import { getDb } from "@/db";
import { getBookingReviewState, listOrganizationReviews } from "@/db/queries/reviews";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import type { Actor } from "@/lib/auth/policy";
import { formatUtc } from "@/components/bookings/format";
import { otherSide } from "./format";
import { ReplyForm } from "./reply-form";
import { ReportReview } from "./report-review";
import { ReviewCard } from "./review-card";
import { ReviewForm } from "./review-form";
import { RatingSummary } from "./stars";

type Booking = {
  id: string;
  role: "buyer" | "miner" | "admin";
  buyerOrganizationId: string;
  buyerOrganizationName: string;
  minerOrganizationName: string;
};

/**
 * The booking page's reviews, for the two parties: the form while the window is open, the
 * wait for the other side (whose review stays hidden until both are in or the window
 * closes), then both. Miners also see the AI team's rating as a tenant, to weigh a request.
 * Placed in the page's left column; on a phone it follows the status.
 */
export async function BookingReviewSection({ booking, actor, className }: { booking: Booking; actor: Actor; className?: string }) {
  if (booking.role === "admin") return null;
  const role = booking.role;
  const db = await getDb();
  const [state, tenant] = await Promise.all([
    getBookingReviewState(db, actor, booking.id),
    role === "miner" ? listOrganizationReviews(db, actor, booking.buyerOrganizationId, { limit: 1 }) : Promise.resolve(null),
  ]);
  const otherName = role === "buyer" ? booking.minerOrganizationName : booking.buyerOrganizationName;
  const open = state.windowEndsAt !== null;

  const tenantRating = tenant && (
    <div className={cn(open && "mb-4 border-b border-slate-100 pb-4")}>
      <h3 className="text-sm font-medium text-slate-700">{booking.buyerOrganizationName} as a tenant</h3>
      <p className="mt-1">
        <RatingSummary rating={tenant} showEmpty />
      </p>
      <p className="mt-0.5 text-xs text-slate-600">From miners&rsquo; reviews after their past bookings on Substation.</p>
    </div>
  );

  if (!open && !state.mine) {
    if (!tenantRating) return null;
    return (
      <Card className={cn("p-5", className)}>
        <h2 id="booking-reviews-title" className="sr-only">
          Tenant rating
        </h2>
        {tenantRating}
      </Card>
    );
  }

  return (
    <Card id="reviews" className={cn("scroll-mt-24 p-5", className)}>
      <h2 id="booking-reviews-title" className="font-semibold">
        Reviews
      </h2>
      <div className="mt-3 space-y-4">
        {tenantRating}
        {state.eligible && (
          <>
            {state.otherReviewed && (
              <Alert tone="info" title={`${otherName} has reviewed you`}>
                Their review stays hidden until you write yours (or the window closes); then both appear together.
              </Alert>
            )}
            <p className="text-sm text-slate-700">
              How was it working with {otherName}? You can review until {formatUtc(state.windowEndsAt!)}. Neither side sees the other&rsquo;s review until both are in or the window closes.
            </p>
            <ReviewForm bookingId={booking.id} subjectName={otherName} />
          </>
        )}
        {state.waitingForOther && (
          <Alert tone="info" title={`Waiting for ${otherSide(role)}’s review`}>
            <span className="inline-flex items-start gap-1.5">
              <Clock className="mt-0.5 h-4 w-4 shrink-0" aria-hidden="true" />
              <span>
                Your review is in and stays hidden, even from {otherName}. Both appear together when they review
                {state.windowEndsAt ? `, or on ${formatUtc(state.windowEndsAt)} when the window closes` : ""}.
              </span>
            </span>
          </Alert>
        )}
        {!state.eligible && !state.mine && state.reason && <p className="text-sm text-slate-700">{state.reason}</p>}
        {state.mine && <ReviewCard review={state.mine} heading={<h3 className="mb-2 text-xs font-medium uppercase tracking-wide text-slate-600">Your review of {otherName}</h3>} />}
        {state.theirs ? (
          <ReviewCard review={state.theirs} heading={<h3 className="mb-2 text-xs font-medium uppercase tracking-wide text-slate-600">{otherName}&rsquo;s review of you</h3>}>
            {state.canReply && <ReplyForm reviewId={state.theirs.id} authorName={otherName} />}
            <ReportReview reviewId={state.theirs.id} authorName={otherName} />
          </ReviewCard>
        ) : (
          state.mine?.publishedAt && <p className="text-sm text-slate-600">{otherName} did not review within the 14 days.</p>
        )}
      </div>
    </Card>
  );
}
