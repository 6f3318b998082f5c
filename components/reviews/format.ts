// Words and dates the review components share.
import type { REPORT_REASONS } from "@/lib/validations/admin";

const day = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });

/** "Nov 25, 2025" (UTC, like every date on Substation). */
export const formatReviewDate = (at: Date) => day.format(at);

/** What each star means, for the rating radio group. */
export const RATING_WORDS = { 1: "Poor", 2: "Fair", 3: "Good", 4: "Very good", 5: "Excellent" } as const;

/** The report reasons (the shared report_reason enum) in words that fit a review. */
export const REVIEW_REPORT_LABELS: Record<(typeof REPORT_REASONS)[number], string> = {
  misleading: "Misleading or false",
  fraud: "Scam or fraud",
  unavailable: "Not about a real booking",
  prohibited: "Abusive or prohibited content",
  duplicate: "Duplicate",
  other: "Something else",
};

/** "the miner" / "the AI team": the other side of a booking, from the viewer's. */
export const otherSide = (role: "buyer" | "miner") => (role === "buyer" ? "the miner" : "the AI team");
