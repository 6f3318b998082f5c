// Message times as both parties read them: UTC, like every other time on Substation, so the
// server's rendering and the browser's agree.
const time = new Intl.DateTimeFormat("en-US", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "UTC" });
const day = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
const dayYear = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });

const sameUtcDay = (a: Date, b: Date) => a.toISOString().slice(0, 10) === b.toISOString().slice(0, 10);

/** "Nov 25, 14:03 UTC" (with the year when it is not this year's). */
export function formatMessageTime(at: Date, now = new Date()): string {
  const date = at.getUTCFullYear() === now.getUTCFullYear() ? day.format(at) : dayYear.format(at);
  return `${date}, ${time.format(at)} UTC`;
}

/** The inbox's short form: "14:03" today, "Nov 25" this year, "Nov 25, 2025" before. */
export function formatInboxTime(at: Date, now = new Date()): string {
  if (sameUtcDay(at, now)) return `${time.format(at)} UTC`;
  return at.getUTCFullYear() === now.getUTCFullYear() ? day.format(at) : dayYear.format(at);
}

export const KIND_LABELS = { inquiry: "Inquiry", booking: "Booking" } as const;

export const MASKED_NOTICE = "Email addresses, phone numbers and links are hidden from the other side until a booking is confirmed.";

/** The report reasons (the listing reports' enum) in words that fit a message. */
export const MESSAGE_REPORT_LABELS = {
  misleading: "Misleading or false",
  fraud: "Scam or fraud",
  unavailable: "Offers capacity that is not there",
  prohibited: "Abusive or prohibited content",
  duplicate: "Spam or repeated messages",
  other: "Something else",
} as const;
