// The listing form's fields against the listing schema: the form has a price in dollars
// ("135.50") where the schema has integer cents, and the browser checks the site rules too.
import { z } from "zod";
import { todayUtc } from "@/lib/domain/days";
import { listingRuleErrors, type SiteFacts } from "@/lib/domain/listing-rules";
import { createListingSchema, dollarsToCents, listingTermsSchema, MAX_PRICE_CENTS, MIN_PRICE_CENTS, type ListingTerms } from "@/lib/validations/listing";

/** A stored listing as the form's strings: the price back in dollars, the checkbox as "on". */
export function listingFormValues(listing: ListingTerms & { siteId: string }): Record<string, string> {
  return {
    siteId: listing.siteId,
    title: listing.title,
    capacityKw: String(listing.capacityKw),
    cooling: listing.cooling,
    maxKwPerRack: String(listing.maxKwPerRack),
    rackCount: String(listing.rackCount),
    price: (listing.priceCentsPerKwMonth / 100).toFixed(2),
    minTermMonths: String(listing.minTermMonths),
    availableFrom: listing.availableFrom,
    availableUntil: listing.availableUntil,
    depositPercent: String(listing.depositPercent),
    interruptible: listing.interruptible ? "on" : "",
    description: listing.description ?? "",
  };
}

/** Form fields → schema input: dollars to cents; the listing id travels beside the terms, not in them. */
export function prepareListingFields(fields: Record<string, unknown>): Record<string, unknown> {
  const { price, ...rest } = fields;
  delete rest.listingId;
  return { ...rest, priceCentsPerKwMonth: dollarsToCents(price) };
}

/** The price the miner typed, in cents, or null while it is not a dollar amount. */
export function typedPriceCents(text: string): number | null {
  const cents = dollarsToCents(text);
  return typeof cents === "number" && Number.isFinite(cents) ? cents : null;
}

/**
 * The schema speaks of cents; the miner typed dollars. Only a dollar amount out of range keeps
 * the schema's own message; anything else is explained in dollars.
 */
export function priceMessage(error: string | undefined, priceText: string): string | undefined {
  if (!error) return undefined;
  const cents = typedPriceCents(priceText);
  return cents !== null && (cents < MIN_PRICE_CENTS || cents > MAX_PRICE_CENTS) ? error : "Enter the price in US dollars per kW-month, like 135 or 135.50.";
}

/** The terms the site rules read; they run once these parse, whatever else is still wrong. */
const RULE_FIELDS = ["capacityKw", "cooling", "maxKwPerRack", "rackCount", "minTermMonths", "availableFrom", "availableUntil"] as const;

/**
 * The schema the browser runs before submitting: the server's field schema plus the rules
 * that need the site (capacity, cooling offered, dates), so most mistakes need no round trip
 * and all of them show at once.
 */
export function listingFormSchema(mode: "create" | "edit", site: SiteFacts | undefined): z.ZodType {
  const schema = mode === "create" ? createListingSchema : listingTermsSchema;
  return z.unknown().superRefine((input, context) => {
    const result = schema.safeParse(input);
    const failed = new Set<string>();
    for (const issue of result.error?.issues ?? []) {
      failed.add(issue.path.join("."));
      context.addIssue({ code: "custom", path: issue.path, message: issue.message });
    }
    if (!site) return;
    const fields = (input ?? {}) as Record<string, unknown>;
    const terms: Record<string, unknown> = {};
    for (const key of RULE_FIELDS) {
      const parsed = listingTermsSchema.shape[key].safeParse(fields[key]);
      if (!parsed.success) return;
      terms[key] = parsed.data;
    }
    const errors = listingRuleErrors(terms as ListingTerms, site, { today: todayUtc(), isNew: mode === "create" });
    for (const [path, message] of Object.entries(errors)) {
      if (!failed.has(path)) context.addIssue({ code: "custom", path: [path], message });
    }
  });
}
