// Owns the mining-vs-hosting arithmetic: what one MW earns a month mining Bitcoin against hosting an AI tenant.
//
// Model (documented here because the UI and its tests both rely on it):
// - "1 MW" is one MW of IT capacity — the unit hosting is priced in (price per kW-month × 1,000 kW).
//   Mining fills it with ASICs (PH/s = 1,000 / J/TH); hosting leases it to a tenant.
// - Either way the miner buys the facility's power: IT draw × PUE × hours × $/MWh. The PUE defaults to
//   1.0 because ASIC efficiency (J/TH) is already measured at the wall and the reference figure
//   "1 MW at 20 J/TH runs 50 PH/s" carries no overhead; with the site's PUE both options carry the same
//   cooling overhead, so the comparison stays fair.
// - The hosting price is all-in: the tenant pays it for the contracted kW whatever it draws, and the
//   miner pays the power. Utilisation is the tenant's average draw as a share of the contracted kW, so it
//   moves the power bill, not the revenue.
// - Uptime is the share of the month the fleet hashes (curtailment, maintenance); a curtailed fleet
//   neither earns nor buys power. The pool fee comes off mining revenue, so "gross" is the pool's payout.
// - Money is computed unrounded; each gross and power figure is rounded to cents once, and nets and the
//   difference are taken from those cents so the figures shown always add up.

export const DAYS_PER_MONTH = 30.4;
const HOURS_PER_MONTH = DAYS_PER_MONTH * 24;
const KW_PER_MW = 1000;

export type MiningAssumptions = {
  /** Hashprice: USD a PH/s earns per day, before pool fees. */
  hashpriceUsdPerPhDay: number;
  /** Fleet efficiency, joules per terahash (= watts per TH/s). */
  efficiencyJPerTh: number;
  /** All-in power price, USD per MWh. */
  powerCostUsdPerMwh: number;
  /** Share of the month the fleet hashes, percent. */
  uptimePercent: number;
  poolFeePercent: number;
  /** The tenant's average draw as a share of its contracted kW, percent. */
  hostingUtilisationPercent: number;
  /** Facility power per unit of IT power, applied to both options. */
  pue: number;
};

export type MiningVsHostingInput = Partial<MiningAssumptions> & {
  /** The listing's all-in price, integer cents per kW-month. */
  hostingPriceCentsPerKwMonth: number;
};

export type MiningVsHostingField = keyof MiningVsHostingInput;

type Default = { value: number; source: string };

/** Defaults a miner can change, each with the source the UI cites beside it (PRODUCT.md reference figures). */
export const MINING_VS_HOSTING_DEFAULTS: Record<keyof MiningAssumptions, Default> = {
  hashpriceUsdPerPhDay: { value: 50, source: "Reference: $50 per PH-day (2025)." },
  efficiencyJPerTh: { value: 20, source: "Reference: 1 MW at 20 J/TH runs 50 PH/s, a current-generation fleet." },
  powerCostUsdPerMwh: { value: 45, source: "Reference: miners seek power under $50/MWh." },
  uptimePercent: { value: 95, source: "Assumption: about 5 % of hours lost to curtailment and maintenance." },
  poolFeePercent: { value: 2, source: "Assumption: a typical pool fee." },
  hostingUtilisationPercent: {
    value: 100,
    source: "Assumption: the tenant draws its full contracted kW, the most power you would pay for.",
  },
  pue: {
    value: 1,
    source: "Assumption: 1.0, because J/TH is measured at the wall; enter the site's PUE to add cooling overhead to both options.",
  },
};

/** Market prices a miner can compare the listing's price with (PRODUCT.md reference figures). */
export const HOSTING_PRICE_REFERENCES = [
  { label: "Bitcoin hosting", centsPerKwMonth: 5000, source: "Bitcoin hosting: $0.05–0.09 per kWh ≈ $36–65 per kW-month at full draw." },
  { label: "AI lease at a mining site", centsPerKwMonth: 13500, source: "Large AI leases at former mining sites: about $120–155 per kW-month." },
  { label: "Wholesale data center", centsPerKwMonth: 18406, source: "CBRE, 250–500 kW, N+1: $184.06 per kW-month asking rent (H2 2024)." },
] as const;

type Limit = { min: number; max: number; minExclusive?: boolean; integer?: boolean; unit: string };

/** Sensible ranges: beyond them a figure is a typo, not a scenario. Exported so inputs can share them. */
export const MINING_VS_HOSTING_LIMITS: Record<MiningVsHostingField, Limit> = {
  // Hashprice peaked near $450 per PH-day in 2021.
  hashpriceUsdPerPhDay: { min: 0, max: 2000, minExclusive: true, unit: "$ per PH-day" },
  efficiencyJPerTh: { min: 5, max: 150, unit: "J/TH" },
  powerCostUsdPerMwh: { min: 0, max: 1000, unit: "$/MWh" },
  // Zero uptime or a 100 % fee would leave no hashprice at which mining pays: the break-even divides by both.
  uptimePercent: { min: 0, max: 100, minExclusive: true, unit: "%" },
  poolFeePercent: { min: 0, max: 20, unit: "%" },
  hostingUtilisationPercent: { min: 0, max: 100, unit: "%" },
  pue: { min: 1, max: 3, unit: "" },
  hostingPriceCentsPerKwMonth: { min: 0, max: 100_000, integer: true, unit: "cents per kW-month" },
};

export type OptionFigures = { grossCents: number; powerCents: number; netCents: number };

export type MiningVsHostingFigures = {
  /** The assumptions used, defaults filled in. */
  input: Required<MiningVsHostingInput>;
  hashratePhPerS: number;
  mining: OptionFigures;
  hosting: OptionFigures;
  /** Hosting net minus mining net per MW-month: positive when hosting earns more. */
  hostingAdvantageCents: number;
  /** The hashprice at which mining nets what hosting does; null when mining wins at any hashprice. */
  breakEvenHashpriceCentsPerPhDay: number | null;
  /** The price per kW-month at which hosting nets what mining does; null when hosting wins even for free. */
  breakEvenPriceCentsPerKwMonth: number | null;
};

export type MiningVsHostingResult =
  | { ok: true; figures: MiningVsHostingFigures }
  | { ok: false; fields: Partial<Record<MiningVsHostingField, string>> };

export function validateMiningVsHosting(input: Required<MiningVsHostingInput>): Partial<Record<MiningVsHostingField, string>> {
  const fields: Partial<Record<MiningVsHostingField, string>> = {};
  for (const [field, limit] of Object.entries(MINING_VS_HOSTING_LIMITS) as [MiningVsHostingField, Limit][]) {
    const value = input[field];
    const tooLow = limit.minExclusive ? value <= limit.min : value < limit.min;
    if (typeof value !== "number" || !Number.isFinite(value)) fields[field] = "Enter a number.";
    else if (limit.integer && !Number.isInteger(value)) fields[field] = "Enter a whole number.";
    else if (tooLow || value > limit.max) fields[field] = rangeMessage(limit);
  }
  return fields;
}

function rangeMessage({ min, max, minExclusive, unit }: Limit): string {
  const suffix = unit === "%" ? " %" : unit ? ` ${unit}` : "";
  return minExclusive ? `Enter more than ${min} and at most ${max}${suffix}.` : `Enter ${min} to ${max}${suffix}.`;
}

export function withDefaults(input: MiningVsHostingInput): Required<MiningVsHostingInput> {
  const filled = { ...input } as Required<MiningVsHostingInput>;
  for (const [field, fallback] of Object.entries(MINING_VS_HOSTING_DEFAULTS) as [keyof MiningAssumptions, Default][]) {
    if (filled[field] === undefined) filled[field] = fallback.value;
  }
  return filled;
}

/** Mining against hosting for one MW over one 30.4-day month. */
export function compareMiningVsHosting(partial: MiningVsHostingInput): MiningVsHostingResult {
  const input = withDefaults(partial);
  const fields = validateMiningVsHosting(input);
  if (Object.keys(fields).length > 0) return { ok: false, fields };

  const uptime = input.uptimePercent / 100;
  const payoutShare = 1 - input.poolFeePercent / 100;
  const hashratePhPerS = KW_PER_MW / input.efficiencyJPerTh;
  // Hashing PH-days earned in a month, after the pool's cut: revenue is this times the hashprice.
  const paidPhDays = hashratePhPerS * DAYS_PER_MONTH * uptime * payoutShare;
  const miningPowerUsd = input.pue * HOURS_PER_MONTH * uptime * input.powerCostUsdPerMwh;
  const hostingGrossUsd = (input.hostingPriceCentsPerKwMonth * KW_PER_MW) / 100;
  const hostingPowerUsd = input.pue * HOURS_PER_MONTH * (input.hostingUtilisationPercent / 100) * input.powerCostUsdPerMwh;

  const miningGrossUsd = paidPhDays * input.hashpriceUsdPerPhDay;
  const mining = option(miningGrossUsd, miningPowerUsd);
  const hosting = option(hostingGrossUsd, hostingPowerUsd);
  const breakEvenHashpriceUsd = (hostingGrossUsd - hostingPowerUsd + miningPowerUsd) / paidPhDays;
  const breakEvenPriceUsd = (miningGrossUsd - miningPowerUsd + hostingPowerUsd) / KW_PER_MW;

  return {
    ok: true,
    figures: {
      input,
      hashratePhPerS,
      mining,
      hosting,
      hostingAdvantageCents: hosting.netCents - mining.netCents,
      breakEvenHashpriceCentsPerPhDay: breakEvenHashpriceUsd > 0 ? toCents(breakEvenHashpriceUsd) : null,
      breakEvenPriceCentsPerKwMonth: breakEvenPriceUsd > 0 ? toCents(breakEvenPriceUsd) : null,
    },
  };
}

function option(grossUsd: number, powerUsd: number): OptionFigures {
  const grossCents = toCents(grossUsd);
  const powerCents = toCents(powerUsd);
  return { grossCents, powerCents, netCents: grossCents - powerCents };
}

function toCents(usd: number): number {
  // Math.round rounds -0.5 towards zero; money rounds half away from zero either side.
  const cents = Math.round(Math.abs(usd) * 100);
  return usd < 0 ? -cents : cents;
}
