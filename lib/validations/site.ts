// A site's facts, validated by the same schema in the site form and the JSON API.
import { z } from "zod";
import { COUNTRIES } from "@/lib/countries";
import { dayField, integerField, listField, numberField, optional, textField } from "./fields";

const COUNTRY_CODES = new Set(COUNTRIES.map((c) => c.code));

export const COOLING_TYPES = ["air", "hydro", "immersion", "direct_liquid"] as const;
export const REDUNDANCY = ["N", "N+1", "2N"] as const;
export const INTERCONNECTION_STATUSES = ["energized", "under_construction", "approved", "in_study", "applied"] as const;
export const WATER_AVAILABILITY = ["none", "limited", "ample"] as const;
export const POWER_SOURCE_KEYS = ["hydro", "wind", "solar", "nuclear", "gas", "flareGas", "grid"] as const;
export type PowerSource = (typeof POWER_SOURCE_KEYS)[number];

export function isCountryCode(code: string): boolean {
  return COUNTRY_CODES.has(code);
}

const share = (label: string) => optional(integerField(`the ${label} share`).pipe(z.number().min(0, "Shares cannot be negative.").max(100, "A share is at most 100 %.")));

export const powerMixSchema = z
  .strictObject({
    hydro: share("hydro"),
    wind: share("wind"),
    solar: share("solar"),
    nuclear: share("nuclear"),
    gas: share("gas"),
    flareGas: share("flare gas"),
    grid: share("grid"),
  })
  .transform((mix) => Object.fromEntries(POWER_SOURCE_KEYS.map((k) => [k, mix[k] ?? 0])) as Record<PowerSource, number>)
  .refine((mix) => Object.values(mix).reduce((a, b) => a + b, 0) === 100, {
    error: (issue) => {
      const total = Object.values(issue.input as Record<string, number>).reduce((a, b) => a + b, 0);
      return `The power sources must add up to 100 % (they add up to ${total} %).`;
    },
  });

const enumField = <T extends readonly [string, ...string[]]>(values: T, message: string) => z.enum(values, { error: message });

export const siteSchema = z
  .strictObject({
    name: z.string({ error: "Name the site." }).trim().min(2, "Name the site (at least 2 characters).").max(120, "Keep the name under 120 characters."),
    country: z
      .string({ error: "Choose the country." })
      .trim()
      .toUpperCase()
      .refine(isCountryCode, "Use the country's two-letter ISO code, like US, CA or NO."),
    region: z.string({ error: "Enter the region." }).trim().min(1, "Enter the region or state.").max(120, "Keep the region under 120 characters."),
    latitude: numberField("the latitude").pipe(z.number().min(-90, "Latitude is between -90 and 90.").max(90, "Latitude is between -90 and 90.")),
    longitude: numberField("the longitude").pipe(z.number().min(-180, "Longitude is between -180 and 180.").max(180, "Longitude is between -180 and 180.")),
    energizedMw: numberField("the energized capacity").pipe(z.number().min(0, "Energized capacity cannot be negative.").max(5000, "Energized capacity above 5,000 MW? Check the unit: it is in MW.")),
    plannedMw: optional(numberField("the planned capacity").pipe(z.number().min(0, "Planned capacity cannot be negative.").max(5000, "Planned capacity is in MW; keep it under 5,000."))),
    plannedEnergizationDate: optional(dayField("the planned energization date")),
    interconnectionStatus: enumField(INTERCONNECTION_STATUSES, "Choose the interconnection status."),
    interconnectionVoltageKv: optional(integerField("the voltage").pipe(z.number().min(1, "Voltage is in kV and positive.").max(1200, "Voltage is in kV; keep it under 1,200."))),
    powerMix: powerMixSchema,
    curtailmentHoursPerYear: optional(integerField("the curtailment hours").pipe(z.number().min(0, "Curtailment hours cannot be negative.").max(8760, "A year has 8,760 hours."))),
    coolingTypes: listField(enumField(COOLING_TYPES, "Choose air, hydro, immersion or direct liquid.")).pipe(
      z.array(z.enum(COOLING_TYPES)).min(1, "Choose at least one cooling type the site offers."),
    ),
    pue: numberField("the PUE").pipe(z.number().min(1, "PUE is at least 1.00.").max(3, "PUE above 3.00 is not plausible; check it.")),
    redundancy: enumField(REDUNDANCY, "Choose N, N+1 or 2N."),
    floorLoadingKgPerM2: optional(integerField("the floor loading").pipe(z.number().min(1, "Floor loading is positive.").max(100_000, "Floor loading is in kg/m²; check it."))),
    waterAvailability: optional(enumField(WATER_AVAILABILITY, "Choose none, limited or ample.")),
    uplinkGbps: optional(integerField("the uplink").pipe(z.number().min(0, "Uplink cannot be negative.").max(100_000, "Uplink is in Gbps; check it."))),
    fiberCarriers: optional(integerField("the number of fiber carriers").pipe(z.number().min(0, "Carriers cannot be negative.").max(50, "More than 50 carriers? Check it."))),
    security: optional(textField("the security notes", 2000)),
    certifications: listField(z.string().trim().min(1).max(80, "Keep each certification under 80 characters.")).pipe(z.array(z.string()).max(20, "List at most 20 certifications.")),
    description: optional(textField("the description", 20_000)),
  })
  .superRefine((site, ctx) => {
    if ((site.plannedMw ?? 0) > 0 && !site.plannedEnergizationDate) {
      ctx.addIssue({ code: "custom", path: ["plannedEnergizationDate"], message: "Give the date the planned capacity is energized." });
    }
    if (site.energizedMw + (site.plannedMw ?? 0) <= 0) {
      ctx.addIssue({ code: "custom", path: ["energizedMw"], message: "A site needs energized or planned capacity." });
    }
  });

export type SiteInput = z.infer<typeof siteSchema>;

/** For PATCH: any subset of the fields; the merged site is validated whole. */
export const sitePatchSchema = z.record(z.string(), z.unknown()).superRefine((patch, ctx) => {
  const known = new Set(Object.keys(siteSchema.shape ?? {}));
  for (const key of Object.keys(patch)) {
    if (!known.has(key)) ctx.addIssue({ code: "custom", path: [key], message: `Unknown field "${key}".` });
  }
});

/** Facts whose change clears the verified badge until an admin reviews the site again. */
export const VERIFIED_FACTS = [
  "energizedMw",
  "plannedMw",
  "plannedEnergizationDate",
  "interconnectionStatus",
  "interconnectionVoltageKv",
  "powerMix",
  "curtailmentHoursPerYear",
  "coolingTypes",
  "pue",
  "redundancy",
  "waterAvailability",
] as const satisfies readonly (keyof SiteInput)[];
