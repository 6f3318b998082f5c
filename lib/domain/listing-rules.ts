// Rules a listing must satisfy against its site and the calendar, with messages that
// tell the miner what to change. The zod schema checks each field; this checks them together.
import type { FieldErrors } from "@/lib/errors";
import type { ListingTerms } from "@/lib/validations/listing";
import { MAX_AIR_KW_PER_RACK } from "@/lib/validations/listing";
import { addMonths, addDays } from "./days";

export type SiteFacts = {
  energizedKw: number;
  plannedKw: number;
  plannedEnergizationDate: string | null;
  coolingTypes: readonly string[];
};

const COOLING_NAMES: Record<string, string> = { air: "air", hydro: "hydro", immersion: "immersion", direct_liquid: "direct-liquid" };
const MAX_WINDOW_YEARS = 25;

export function listingRuleErrors(terms: ListingTerms, site: SiteFacts, options: { today: string; isNew: boolean }): FieldErrors {
  const errors: FieldErrors = {};
  const mw = (kw: number) => `${(kw / 1000).toLocaleString("en-US", { maximumFractionDigits: 3 })} MW`;

  // Capacity: energized today, or planned and energized before the window opens.
  const plannedInTime = site.plannedEnergizationDate !== null && site.plannedEnergizationDate <= terms.availableFrom;
  const ceiling = site.energizedKw + (plannedInTime ? site.plannedKw : 0);
  if (terms.capacityKw > ceiling) {
    errors.capacityKw =
      site.plannedKw > 0 && !plannedInTime && terms.capacityKw <= site.energizedKw + site.plannedKw
        ? `The site has ${mw(site.energizedKw)} energized; its planned ${mw(site.plannedKw)} arrive on ${site.plannedEnergizationDate}. Start the window on or after that date, or offer at most ${mw(site.energizedKw)}.`
        : `The site has ${mw(ceiling)} available${plannedInTime ? " including planned capacity" : " energized"}; offer at most that.`;
  }

  if (!site.coolingTypes.includes(terms.cooling)) {
    errors.cooling = `This site does not offer ${COOLING_NAMES[terms.cooling]} cooling. Add it to the site first, or choose ${site.coolingTypes.map((c) => COOLING_NAMES[c]).join(" or ")}.`;
  }
  if (terms.cooling === "air" && terms.maxKwPerRack > MAX_AIR_KW_PER_RACK) {
    errors.maxKwPerRack = `Air cooling carries at most about ${MAX_AIR_KW_PER_RACK} kW per rack; denser racks need hydro, direct-liquid or immersion cooling.`;
  }
  if (terms.rackCount * terms.maxKwPerRack < terms.capacityKw) {
    errors.rackCount = `${terms.rackCount} racks at ${terms.maxKwPerRack} kW hold ${terms.rackCount * terms.maxKwPerRack} kW, less than the ${terms.capacityKw} kW offered. Add racks or raise the density.`;
  }

  if (terms.availableUntil <= terms.availableFrom) {
    errors.availableUntil = "The last available day must come after the first.";
  } else {
    if (addMonths(terms.availableFrom, terms.minTermMonths) > terms.availableUntil) {
      errors.minTermMonths = `A ${terms.minTermMonths}-month minimum term does not fit in the window ${terms.availableFrom} to ${terms.availableUntil}. Shorten the term or lengthen the window.`;
    }
    if (terms.availableUntil > addMonths(terms.availableFrom, MAX_WINDOW_YEARS * 12)) {
      errors.availableUntil = `Keep the window under ${MAX_WINDOW_YEARS} years.`;
    }
  }
  if (terms.availableUntil <= options.today) {
    errors.availableUntil ??= "The window must end in the future.";
  }
  if (options.isNew && terms.availableFrom < addDays(options.today, -1)) {
    errors.availableFrom = "A new listing's window starts today or later.";
  }
  return errors;
}
