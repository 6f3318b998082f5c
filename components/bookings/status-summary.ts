// What a booking's status means for the person looking at it, in one or two sentences.
import { formatDay } from "@/components/listings/format";
import type { BookingStatus } from "@/lib/domain/booking-lifecycle";
import { formatUtc } from "./format";

type Viewer = "buyer" | "miner" | "admin";
type Booking = { startDate: string; endDate: string; expiresAt: Date; respondBy: Date | null; minerOrganizationName: string; buyerOrganizationName: string };

export function statusSummary(status: BookingStatus, viewer: Viewer, b: Booking): string {
  const answerBy = b.respondBy ? formatUtc(b.respondBy) : "the deadline";
  switch (status) {
    case "pending_deposit":
      return viewer === "buyer"
        ? `The capacity is held for you until ${formatUtc(b.expiresAt)}. Pay the deposit to send the request to ${b.minerOrganizationName}; an unpaid hold ends on its own.`
        : `${b.buyerOrganizationName} is holding this capacity while they pay the deposit. Unpaid, the hold ends at ${formatUtc(b.expiresAt)}.`;
    case "awaiting_provider":
      return viewer === "miner"
        ? `The deposit is authorized on the AI team's card, not yet taken. Accept to capture it and confirm the booking, or decline to release it. Without an answer by ${answerBy}, the request lapses and the deposit is released.`
        : `The deposit is authorized on the card, not yet taken. ${b.minerOrganizationName} has until ${answerBy} to accept (the deposit is then captured) or decline (it is released).`;
    case "confirmed":
      return `${viewer === "miner" ? "You accepted" : `Accepted by ${b.minerOrganizationName}`}; the deposit was captured. The booking becomes active on ${formatDay(b.startDate)}.`;
    case "active":
      return `Running: the capacity is ${viewer === "buyer" ? "yours" : "the AI team's"} until ${formatDay(b.endDate)} (UTC).`;
    case "completed":
      return `The booking ended on ${formatDay(b.endDate)}.`;
    case "expired":
      return "The deposit was not paid in time, so the hold ended and the capacity was freed. Nothing was charged.";
    case "declined":
      return "The request was declined, so the deposit authorization was released: nothing was charged, and the capacity is free again.";
    case "cancelled":
      return "The AI team withdrew the request before the miner accepted it. Any deposit authorization was released; nothing was charged.";
    case "refunded":
      return "A Substation admin refunded this booking: a captured deposit was paid back, an authorized one released.";
  }
}
