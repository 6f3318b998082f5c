import { describe, expect, it } from "vitest";
import { GPU_CLOUD_REFERENCE, HOURS_PER_MONTH, trueCost, type TrueCostFigures, type TrueCostInput } from "@/lib/domain/calculators/true-cost";

// 1,024 H100 SXM at 40 % overhead draw 1,003.52 kW; the listing asks $150 per kW-month.
const CLUSTER = { model: "h100_sxm", gpuCount: 1024, overheadPercent: 40 };
const LISTING = { priceCentsPerKwMonth: 15_000, pue: 1.2 };

function figuresOf(input: TrueCostInput): TrueCostFigures {
  const result = trueCost(input);
  if (!result.ok) throw new Error(`unexpected field errors: ${JSON.stringify(result.fields)}`);
  return result.figures;
}

function fieldsOf(input: TrueCostInput) {
  const result = trueCost(input);
  if (result.ok) throw new Error("expected field errors");
  return result.fields;
}

describe("price per IT kW, power included", () => {
  it("reserves the draw rounded up to a whole kW and bills it at the listing's price", () => {
    const figures = figuresOf({ ...CLUSTER, ...LISTING });
    expect(figures.reservedKw).toBe(1004);
    expect(figures.capacityCents).toBe(15_060_000);
    expect(figures.powerCents).toBe(0);
    expect(figures.monthlyCents).toBe(15_060_000);
  });

  it("comes to $0.20 per GPU-hour at $150 per kW-month over 730-hour months", () => {
    const figures = figuresOf({ ...CLUSTER, ...LISTING });
    expect(HOURS_PER_MONTH).toBe(730);
    // $150,600 ÷ (1,024 GPUs × 730 h) = $0.2015
    expect(figures.centsPerGpuHour).toBe(20);
  });

  it("compares with the $2–4 cloud H100-hour as a share of each end", () => {
    const figures = figuresOf({ ...CLUSTER, ...LISTING });
    expect(GPU_CLOUD_REFERENCE).toMatchObject({ lowCentsPerGpuHour: 200, highCentsPerGpuHour: 400 });
    expect(figures.shareOfCloud.low).toBeCloseTo(0.10073, 4);
    expect(figures.shareOfCloud.high).toBeCloseTo(0.05037, 4);
  });

  it("leaves the PUE out of an all-in price, which already pays for cooling", () => {
    const efficient = figuresOf({ ...CLUSTER, ...LISTING, pue: 1.05 });
    const wasteful = figuresOf({ ...CLUSTER, ...LISTING, pue: 1.5 });
    expect(efficient.monthlyCents).toBe(wasteful.monthlyCents);
  });

  it("rounds the reservation up to the listing's granularity", () => {
    expect(figuresOf({ ...CLUSTER, ...LISTING, granularityKw: 50 }).reservedKw).toBe(1050);
  });

  it("says when the cluster needs more than the listing offers", () => {
    expect(figuresOf({ ...CLUSTER, ...LISTING, capacityKw: 1000 }).exceedsCapacity).toBe(true);
    expect(figuresOf({ ...CLUSTER, ...LISTING, capacityKw: 1004 }).exceedsCapacity).toBe(false);
    expect(figuresOf({ ...CLUSTER, ...LISTING }).exceedsCapacity).toBe(false);
  });
});

describe("power billed separately", () => {
  it("adds the average draw × PUE × 730 h at the power price to the capacity charge", () => {
    const figures = figuresOf({ ...CLUSTER, priceCentsPerKwMonth: 10_000, pue: 1.2, power: "separate", powerUsdPerMwh: 50, utilisationPercent: 80 });
    // 1,003.52 kW × 0.8 × 1.2 × 730 h = 703.27 MWh × $50 = $35,163.34
    expect(figures.powerCents).toBe(3_516_334);
    expect(figures.capacityCents).toBe(10_040_000);
    expect(figures.monthlyCents).toBe(13_556_334);
    // $135,563.34 ÷ 747,520 GPU-hours = $0.1814
    expect(figures.centsPerGpuHour).toBe(18);
  });

  it("defaults to $50/MWh and an 80 % average draw", () => {
    const figures = figuresOf({ ...CLUSTER, ...LISTING, power: "separate" });
    expect(figures.input).toMatchObject({ powerUsdPerMwh: 50, utilisationPercent: 80 });
  });
});

describe("invalid input", () => {
  it("returns field errors for a price that is not whole cents or a PUE below 1", () => {
    expect(fieldsOf({ ...CLUSTER, priceCentsPerKwMonth: 150.5, pue: 0.9 })).toEqual({ priceCentsPerKwMonth: "Enter a whole number.", pue: "Enter 1 to 3." });
  });

  it("passes the cluster's field errors through", () => {
    expect(fieldsOf({ ...LISTING, model: "h100_sxm", gpuCount: 0, overheadPercent: Number.NaN })).toEqual({ gpuCount: "Enter 1 to 1,000,000 GPUs.", overheadPercent: "Enter a number." });
  });

  it("checks the power price and draw only when power is billed separately", () => {
    const stale = { ...CLUSTER, ...LISTING, powerUsdPerMwh: -1, utilisationPercent: 120 };
    expect(trueCost(stale).ok).toBe(true);
    expect(fieldsOf({ ...stale, power: "separate" })).toEqual({ powerUsdPerMwh: "Enter 0 to 1,000 $/MWh.", utilisationPercent: "Enter 0 to 100 %." });
  });
});
