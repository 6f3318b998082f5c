// The booking lifecycle of PRODUCT.md, and who may move a booking along it:
// pending_deposit → awaiting_provider → confirmed → active → completed, with the side
// exits expired, declined, cancelled and refunded.
export type BookingStatus =
  | "pending_deposit"
  | "awaiting_provider"
  | "confirmed"
  | "active"
  | "completed"
  | "expired"
  | "declined"
  | "cancelled"
  | "refunded";

export type BookingEvent =
  | "deposit_authorized" // the payment provider
  | "hold_expired" // the clock
  | "accept" // the miner
  | "decline" // the miner
  | "lapse" // the clock: the miner did not answer in time
  | "cancel" // the buyer, before acceptance
  | "start" // the clock: the start date arrived
  | "complete" // the clock: the end date passed
  | "refund"; // an admin

const TRANSITIONS: Record<BookingEvent, { from: readonly BookingStatus[]; to: BookingStatus }> = {
  deposit_authorized: { from: ["pending_deposit"], to: "awaiting_provider" },
  hold_expired: { from: ["pending_deposit"], to: "expired" },
  accept: { from: ["awaiting_provider"], to: "confirmed" },
  decline: { from: ["awaiting_provider"], to: "declined" },
  lapse: { from: ["awaiting_provider"], to: "declined" },
  cancel: { from: ["pending_deposit", "awaiting_provider"], to: "cancelled" },
  start: { from: ["confirmed"], to: "active" },
  complete: { from: ["active"], to: "completed" },
  refund: { from: ["awaiting_provider", "confirmed", "active", "completed"], to: "refunded" },
};

/** Statuses whose kW count against capacity (pending_deposit only while the hold is unexpired). */
export const COUNTING_STATUSES = ["pending_deposit", "awaiting_provider", "confirmed", "active"] as const satisfies readonly BookingStatus[];

/** A hold lasts this long unless the deposit is paid (PRODUCT.md). */
export const HOLD_MINUTES = 30;
/**
 * How long a miner has to answer. Card authorizations last about 7 days (Stripe releases
 * uncaptured PaymentIntents after that), so the window must end well before: 5 days.
 */
export const ACCEPTANCE_WINDOW_HOURS = 5 * 24;

export function nextBookingStatus(event: BookingEvent, from: BookingStatus): BookingStatus | null {
  const rule = TRANSITIONS[event];
  return rule.from.includes(from) ? rule.to : null;
}

export const BOOKING_STATUS_LABELS: Record<BookingStatus, string> = {
  pending_deposit: "Awaiting deposit",
  awaiting_provider: "Awaiting miner",
  confirmed: "Confirmed",
  active: "Active",
  completed: "Completed",
  expired: "Expired",
  declined: "Declined",
  cancelled: "Cancelled",
  refunded: "Refunded",
};

/** The actions of POST /api/v1/bookings/{id}/{action}: miner accept/decline, buyer cancel, admin refund. */
export const BOOKING_ACTIONS = ["accept", "decline", "cancel", "refund"] as const;
export type BookingAction = (typeof BOOKING_ACTIONS)[number];
