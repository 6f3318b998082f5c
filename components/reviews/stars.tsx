import { Star } from "lucide-react";
import { cn } from "@/components/ui/cn";

export type Rating = { average: number | null; count: number };

const one = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });

/** "4.5 out of 5, 12 reviews" — the words screen readers hear for the stars. */
export function ratingLabel({ average, count }: Rating): string {
  if (average === null || count === 0) return "No reviews yet";
  return `${one.format(average)} out of 5, ${count} review${count === 1 ? "" : "s"}`;
}

/** Five stars filled to `value` (halves by clipping), hidden from screen readers: the caller says the number. */
export function StarRow({ value, size = "sm" }: { value: number; size?: "sm" | "md" }) {
  const box = size === "md" ? "h-5 w-5" : "h-4 w-4";
  return (
    <span className="inline-flex shrink-0" aria-hidden="true">
      {[1, 2, 3, 4, 5].map((n) => {
        const fill = Math.max(0, Math.min(1, value - (n - 1)));
        return (
          <span key={n} className={cn("relative", box)}>
            <Star className={cn("absolute inset-0 text-slate-300", box)} />
            {fill > 0 && (
              <span className="absolute inset-0 overflow-hidden" style={{ width: `${fill * 100}%` }}>
                <Star className={cn("fill-amber-400 text-amber-500", box)} />
              </span>
            )}
          </span>
        );
      })}
    </span>
  );
}

/** A review's own rating: "4 out of 5" with its stars. */
export function ReviewStars({ rating }: { rating: number }) {
  return (
    <span className="inline-flex items-center gap-1.5">
      <StarRow value={rating} />
      <span className="sr-only">{rating} out of 5</span>
    </span>
  );
}

/**
 * An organization's rating: stars, the average and the count. Nothing at all when `rating`
 * is absent (data that does not carry it yet); "No reviews yet" only when `showEmpty`.
 */
export function RatingSummary({ rating, showEmpty = false, className }: { rating?: Rating | null; showEmpty?: boolean; className?: string }) {
  if (!rating) return null;
  if (rating.average === null || rating.count === 0) {
    return showEmpty ? <span className={cn("text-sm text-slate-600", className)}>No reviews yet</span> : null;
  }
  return (
    <span className={cn("inline-flex items-center gap-1.5 text-sm", className)}>
      <StarRow value={rating.average} />
      <span aria-hidden="true" className="tabular-nums">
        <span className="font-semibold text-slate-900">{one.format(rating.average)}</span> <span className="text-slate-600">({rating.count})</span>
      </span>
      <span className="sr-only">{ratingLabel(rating)}</span>
    </span>
  );
}

/** A `rating` read from data that may not carry one yet: the shape, or undefined. */
export function ratingFrom(data: unknown): Rating | undefined {
  const rating = (data as { rating?: unknown } | null)?.rating as Partial<Rating> | undefined;
  if (!rating || typeof rating.count !== "number") return undefined;
  return { average: typeof rating.average === "number" ? rating.average : null, count: rating.count };
}
