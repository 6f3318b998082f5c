// A listing's terms, validated by the same schema in the listing form and the JSON API.
// Rules that need the site (capacity, cooling offered) live in lib/domain/listing-rules.ts.
import { z } from "zod";
import { COOLING_TYPES } from "./site";
import { booleanField, dayField, integerField, optional, textField } from "./fields";

export const MIN_PRICE_CENTS = 1_000; // $10 per kW-month
export const MAX_PRICE_CENTS = 100_000; // $1,000 per kW-month
/** Above this density, air cannot carry the heat: liquid or immersion is needed. */
export const MAX_AIR_KW_PER_RACK = 40;

const listingFields = {
  title: z.string({ error: "Give the listing a title." }).trim().min(3, "Give the listing a title (at least 3 characters).").max(140, "Keep the title under 140 characters."),
  capacityKw: integerField("the capacity").pipe(z.number().min(1, "Offer at least 1 kW.").max(2_000_000, "Capacity is in kW; check it.")),
  cooling: z.enum(COOLING_TYPES, { error: "Choose air, hydro, immersion or direct liquid." }),
  maxKwPerRack: integerField("the rack density").pipe(z.number().min(1, "Rack density is at least 1 kW.").max(300, "Rack density above 300 kW is not plausible.")),
  rackCount: integerField("the rack count").pipe(z.number().min(1, "Offer at least one rack.").max(100_000, "Check the rack count.")),
  priceCentsPerKwMonth: integerField("the price in cents").pipe(
    z.number().min(MIN_PRICE_CENTS, "The price is at least $10.00 per kW-month (1000 cents).").max(MAX_PRICE_CENTS, "The price is at most $1,000 per kW-month."),
  ),
  minTermMonths: integerField("the minimum term").pipe(z.number().min(1, "The minimum term is at least 1 month.").max(240, "The minimum term is at most 240 months.")),
  availableFrom: dayField("the first available day"),
  availableUntil: dayField("the last available day"),
  depositPercent: integerField("the deposit").pipe(z.number().min(5, "The deposit is at least 5 % of the first month.").max(100, "The deposit is at most 100 % of the first month.")),
  interruptible: booleanField,
  description: optional(textField("the description", 20_000)),
};

export const listingTermsSchema = z.strictObject(listingFields);

export const createListingSchema = z.strictObject({
  siteId: z.uuid({ error: "Choose one of your sites." }),
  ...listingFields,
});

export type ListingTerms = z.infer<typeof listingTermsSchema>;
export type CreateListingInput = z.infer<typeof createListingSchema>;

/** Terms whose change on a published listing sends it back to review (PRODUCT.md). */
export const MATERIAL_TERMS = ["capacityKw", "priceCentsPerKwMonth", "availableFrom", "availableUntil", "cooling"] as const satisfies readonly (keyof ListingTerms)[];

/** Price typed in dollars on the form ("145.50") into integer cents. */
export function dollarsToCents(value: unknown): unknown {
  if (typeof value !== "string" || value.trim() === "") return value;
  const cleaned = value.trim().replace(/[$,\s]/g, "");
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return Number.NaN;
  const [whole, fraction = ""] = cleaned.split(".");
  return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
}
