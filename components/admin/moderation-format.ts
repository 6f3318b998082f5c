// Reviewed terms as an admin reads them in "what changed": labels and values in the
// same units the listing pages use, whatever JSON shape the last review stored.
import { formatDay, formatMonths, formatPrice } from "@/components/listings/format";
import { COOLING_LABELS, formatKw } from "@/lib/format";

export const TERM_LABELS: Record<string, string> = {
  title: "Title",
  capacityKw: "Capacity",
  priceCentsPerKwMonth: "Price",
  availableFrom: "Available from",
  availableUntil: "Available until",
  cooling: "Cooling",
  maxKwPerRack: "Max density",
  rackCount: "Racks",
  minTermMonths: "Minimum term",
  depositPercent: "Deposit",
  interruptible: "Interruptible",
  description: "Description",
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function formatTerm(field: string, value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  switch (field) {
    case "capacityKw":
      return formatKw(Number(value));
    case "priceCentsPerKwMonth":
      return `${formatPrice(Number(value))} per kW-month`;
    case "availableFrom":
    case "availableUntil":
      return typeof value === "string" && DAY.test(value) ? formatDay(value) : String(value);
    case "cooling":
      return COOLING_LABELS[value as keyof typeof COOLING_LABELS] ?? String(value);
    case "maxKwPerRack":
      return `${Number(value)} kW per rack`;
    case "rackCount":
      return Number(value).toLocaleString("en-US");
    case "minTermMonths":
      return formatMonths(Number(value));
    case "depositPercent":
      return `${Number(value)} % of the first month`;
    case "interruptible":
      return value === true ? "Interruptible" : "Firm";
    case "description":
      return excerpt(String(value), 90);
    default:
      return String(value);
  }
}

function excerpt(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** How long something has waited, in whole days ("today", "yesterday", "4 days ago"). */
export function formatAge(date: Date, now = new Date()): string {
  const days = Math.max(0, Math.floor((now.getTime() - date.getTime()) / 86_400_000));
  return days === 0 ? "today" : days === 1 ? "yesterday" : `${days} days ago`;
}
