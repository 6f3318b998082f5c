// Owns the true-cost figure: what a listing's price per kW-month comes to per GPU-hour for a given cluster.
//
// Model (documented here because the listing page and the tests rely on it):
// - Hosting is priced per kW of IT capacity a month, power and cooling included: the marketplace's convention.
//   The cluster reserves its peak IT kW rounded up to the listing's granularity (bookings are whole kW) and pays
//   for it whatever it draws, so the site's PUE is already inside the price.
// - Some hosts, interruptible and mining-style ones especially, pass power through at cost. Then the price covers
//   space and cooling, and power is billed on the cluster's average draw × PUE × hours × $/MWh. The average draw is
//   a share of the cluster's peak IT draw, not of the reserved kW, because the kW reserved by rounding up draw nothing.
// - A month is 730 hours (8,760 ÷ 12), the month GPU-cloud hourly prices assume.
// - The $/GPU-hour covers power, cooling and space only. A cloud GPU-hour also pays for the GPU, its server and
//   network, so the comparison shows how small a share hosting is, not a like-for-like price.
import { sizeCluster, type Cluster, type ClusterInput } from "./gpu-fit";

export const HOURS_PER_MONTH = 730;

export type PowerBilling = "included" | "separate";

export type TrueCostInput = ClusterInput & {
  /** The listing's price, integer cents per kW of IT capacity a month. */
  priceCentsPerKwMonth: number;
  /** The site's PUE: facility power per unit of IT power. */
  pue: number;
  power?: PowerBilling;
  /** Power price when billed separately, USD per MWh. */
  powerUsdPerMwh?: number;
  /** The cluster's average draw as a share of its peak IT draw, percent; it only moves a separate power bill. */
  utilisationPercent?: number;
  /** The kW step a booking is made in. */
  granularityKw?: number;
  /** The listing's capacity, to say when the cluster does not fit. */
  capacityKw?: number;
};

export type TrueCostField = keyof TrueCostInput;

type Default<T> = { value: T; source: string };

export const TRUE_COST_DEFAULTS = {
  power: { value: "included", source: "Marketplace convention: prices are per kW of IT capacity, power and cooling included." } as Default<PowerBilling>,
  powerUsdPerMwh: { value: 50, source: "Reference: miners seek power under $50/MWh." } as Default<number>,
  utilisationPercent: { value: 80, source: "Assumption: a busy training cluster averages about 80 % of its peak draw." } as Default<number>,
  granularityKw: { value: 1, source: "Bookings are made in whole kW." } as Default<number>,
};

/** What GPU clouds charge, for comparison (PRODUCT.md reference figures). */
export const GPU_CLOUD_REFERENCE = {
  lowCentsPerGpuHour: 200,
  highCentsPerGpuHour: 400,
  model: "H100",
  source: "Reference: GPU clouds rent an H100 for about $2–4 per GPU-hour (2024–2026).",
} as const;

type Limit = { min: number; max: number; integer?: boolean; unit: string };

export const TRUE_COST_LIMITS = {
  priceCentsPerKwMonth: { min: 1, max: 100_000, integer: true, unit: "cents per kW-month" },
  pue: { min: 1, max: 3, unit: "" },
  powerUsdPerMwh: { min: 0, max: 1000, unit: "$/MWh" },
  utilisationPercent: { min: 0, max: 100, unit: "%" },
  granularityKw: { min: 1, max: 10_000, integer: true, unit: "kW" },
} as const satisfies Record<string, Limit>;

export type TrueCostFigures = {
  cluster: Cluster;
  power: PowerBilling;
  /** Peak IT kW rounded up to the granularity: what the booking pays for. */
  reservedKw: number;
  /** Reserved kW × price. */
  capacityCents: number;
  /** The pass-through power bill; 0 when power is included. */
  powerCents: number;
  monthlyCents: number;
  /** Monthly cost over every GPU's 730 hours, in whole cents. */
  centsPerGpuHour: number;
  /** This cost as a share of the cloud's low and high GPU-hour price (0.1 = 10 %). */
  shareOfCloud: { low: number; high: number };
  /** True when the listing's capacity is known and the reservation is larger. */
  exceedsCapacity: boolean;
  input: { priceCentsPerKwMonth: number; pue: number; powerUsdPerMwh: number; utilisationPercent: number; granularityKw: number };
};

export type TrueCostResult = { ok: true; figures: TrueCostFigures } | { ok: false; fields: Partial<Record<TrueCostField, string>> };

function check(value: number, limit: Limit): string | undefined {
  if (typeof value !== "number" || !Number.isFinite(value)) return "Enter a number.";
  if (limit.integer && !Number.isInteger(value)) return "Enter a whole number.";
  if (value < limit.min || value > limit.max) return `Enter ${limit.min} to ${limit.max.toLocaleString("en-US")}${limit.unit === "%" ? " %" : limit.unit ? ` ${limit.unit}` : ""}.`;
  return undefined;
}

/** A listing's price, PUE and a cluster's draw as a monthly bill and an effective $/GPU-hour. */
export function trueCost(raw: TrueCostInput): TrueCostResult {
  const power = raw.power ?? TRUE_COST_DEFAULTS.power.value;
  const input = {
    priceCentsPerKwMonth: raw.priceCentsPerKwMonth,
    pue: raw.pue,
    powerUsdPerMwh: raw.powerUsdPerMwh ?? TRUE_COST_DEFAULTS.powerUsdPerMwh.value,
    utilisationPercent: raw.utilisationPercent ?? TRUE_COST_DEFAULTS.utilisationPercent.value,
    granularityKw: raw.granularityKw ?? TRUE_COST_DEFAULTS.granularityKw.value,
  };
  const sized = sizeCluster(raw);
  const fields: Partial<Record<TrueCostField, string>> = sized.ok ? {} : { ...sized.fields };
  for (const field of Object.keys(TRUE_COST_LIMITS) as (keyof typeof TRUE_COST_LIMITS)[]) {
    // A pass-through power price and draw mean nothing when power is included: a stale one must not block the figure.
    if (power === "included" && (field === "powerUsdPerMwh" || field === "utilisationPercent")) continue;
    const message = check(input[field], TRUE_COST_LIMITS[field]);
    if (message) fields[field] = message;
  }
  if (power !== "included" && power !== "separate") fields.power = "Choose whether power is included or billed separately.";
  if (!sized.ok || Object.keys(fields).length > 0) return { ok: false, fields };

  const cluster = sized.cluster;
  const reservedKw = Math.ceil(round6(cluster.itKw / input.granularityKw)) * input.granularityKw;
  const capacityCents = reservedKw * input.priceCentsPerKwMonth;
  const powerMwh = ((cluster.itKw * input.utilisationPercent) / 100) * input.pue * HOURS_PER_MONTH / 1000;
  const powerCents = power === "separate" ? Math.round(powerMwh * input.powerUsdPerMwh * 100) : 0;
  const monthlyCents = capacityCents + powerCents;
  const exactCentsPerGpuHour = monthlyCents / (cluster.gpuCount * HOURS_PER_MONTH);

  return {
    ok: true,
    figures: {
      cluster,
      power,
      reservedKw,
      capacityCents,
      powerCents,
      monthlyCents,
      centsPerGpuHour: Math.round(exactCentsPerGpuHour),
      shareOfCloud: {
        low: exactCentsPerGpuHour / GPU_CLOUD_REFERENCE.lowCentsPerGpuHour,
        high: exactCentsPerGpuHour / GPU_CLOUD_REFERENCE.highCentsPerGpuHour,
      },
      exceedsCapacity: raw.capacityKw !== undefined && reservedKw > raw.capacityKw,
      input,
    },
  };
}

// Float quotients such as 1003.52 / 0.01 land a hair off the true value; rounding first keeps ceil honest.
function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
