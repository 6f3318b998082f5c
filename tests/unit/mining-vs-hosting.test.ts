import { describe, expect, it } from "vitest";
import {
  compareMiningVsHosting,
  DAYS_PER_MONTH,
  MINING_VS_HOSTING_DEFAULTS,
  type MiningVsHostingFigures,
  type MiningVsHostingInput,
} from "@/lib/domain/calculators/mining-vs-hosting";

// Strips uptime, pool fee and overhead so the arithmetic under test is the only thing moving.
const IDEAL = { uptimePercent: 100, poolFeePercent: 0, pue: 1, hostingUtilisationPercent: 100 };

function figuresOf(input: MiningVsHostingInput): MiningVsHostingFigures {
  const result = compareMiningVsHosting(input);
  if (!result.ok) throw new Error(`unexpected field errors: ${JSON.stringify(result.fields)}`);
  return result.figures;
}

function fieldsOf(input: MiningVsHostingInput) {
  const result = compareMiningVsHosting(input);
  if (result.ok) throw new Error("expected field errors");
  return result.fields;
}

describe("mining revenue", () => {
  it("runs 50 PH/s on 1 MW at 20 J/TH and earns $2,500 a day before power at $50 per PH-day", () => {
    const figures = figuresOf({ ...IDEAL, hashpriceUsdPerPhDay: 50, efficiencyJPerTh: 20, hostingPriceCentsPerKwMonth: 10_000 });
    expect(figures.hashratePhPerS).toBe(50);
    expect(figures.mining.grossCents).toBe(2_500_00 * DAYS_PER_MONTH);
  });

  it("takes uptime and the pool fee off mining revenue", () => {
    const figures = figuresOf({ ...IDEAL, uptimePercent: 95, poolFeePercent: 2, hostingPriceCentsPerKwMonth: 10_000 });
    // 50 PH/s × $50 × 30.4 days × 0.95 × 0.98
    expect(figures.mining.grossCents).toBe(7_075_600);
  });

  it("uses the PRODUCT.md reference figures as defaults", () => {
    expect(MINING_VS_HOSTING_DEFAULTS.hashpriceUsdPerPhDay.value).toBe(50);
    expect(MINING_VS_HOSTING_DEFAULTS.efficiencyJPerTh.value).toBe(20);
    expect(MINING_VS_HOSTING_DEFAULTS.hashpriceUsdPerPhDay.source).toBe("Reference: $50 per PH-day (2025).");
    const figures = figuresOf({ hostingPriceCentsPerKwMonth: 13_500 });
    expect(figures.input).toMatchObject({ hashpriceUsdPerPhDay: 50, efficiencyJPerTh: 20, powerCostUsdPerMwh: 45, uptimePercent: 95, poolFeePercent: 2, hostingUtilisationPercent: 100, pue: 1 });
  });
});

describe("power cost", () => {
  it("charges 1 MW for every hour of a 30.4-day month at the MWh price", () => {
    const figures = figuresOf({ ...IDEAL, powerCostUsdPerMwh: 45, hostingPriceCentsPerKwMonth: 10_000 });
    // 729.6 MWh × $45
    expect(figures.mining.powerCents).toBe(3_283_200);
    expect(figures.hosting.powerCents).toBe(3_283_200);
  });

  it("buys no power while the fleet is curtailed, and only the tenant's draw while hosting", () => {
    const figures = figuresOf({ ...IDEAL, uptimePercent: 50, hostingUtilisationPercent: 80, powerCostUsdPerMwh: 45, hostingPriceCentsPerKwMonth: 10_000 });
    expect(figures.mining.powerCents).toBe(1_641_600);
    expect(figures.hosting.powerCents).toBe(2_626_560);
  });

  it("adds the site's PUE overhead to both options", () => {
    const figures = figuresOf({ ...IDEAL, pue: 1.25, powerCostUsdPerMwh: 40, hostingPriceCentsPerKwMonth: 10_000 });
    // 729.6 MWh × 1.25 × $40
    expect(figures.mining.powerCents).toBe(3_648_000);
    expect(figures.hosting.powerCents).toBe(3_648_000);
  });
});

describe("hosting and the comparison", () => {
  it("bills the all-in price on 1,000 kW and nets the power the miner pays", () => {
    const figures = figuresOf({ ...IDEAL, hostingPriceCentsPerKwMonth: 13_500, powerCostUsdPerMwh: 45 });
    expect(figures.hosting).toEqual({ grossCents: 13_500_000, powerCents: 3_283_200, netCents: 10_216_800 });
  });

  it("reports hosting's advantage as hosting net minus mining net, negative when mining earns more", () => {
    const figures = figuresOf({ ...IDEAL, hostingPriceCentsPerKwMonth: 5_000 });
    expect(figures.hostingAdvantageCents).toBe(figures.hosting.netCents - figures.mining.netCents);
    expect(figures.mining.netCents).toBe(7_600_000 - 3_283_200);
    expect(figures.hostingAdvantageCents).toBe(5_000_000 - 7_600_000);
  });

  it("finds the hashprice at which mining nets exactly what hosting does", () => {
    const figures = figuresOf({ hostingPriceCentsPerKwMonth: 13_500 });
    // (135,000 − 32,832 + 31,190.40) / (50 PH/s × 30.4 × 0.95 × 0.98) = $94.23823…
    expect(figures.breakEvenHashpriceCentsPerPhDay).toBe(9_424);
    const atBreakEven = figuresOf({ hostingPriceCentsPerKwMonth: 13_500, hashpriceUsdPerPhDay: 94.23823 });
    expect(Math.abs(atBreakEven.hostingAdvantageCents)).toBeLessThanOrEqual(5);
  });

  it("finds the price per kW-month at which hosting nets exactly what mining does", () => {
    const figures = figuresOf({ hostingPriceCentsPerKwMonth: 13_500 });
    // (70,756 − 31,190.40 + 32,832) / 1,000 kW = $72.3976
    expect(figures.breakEvenPriceCentsPerKwMonth).toBe(7_240);
    const atBreakEven = figuresOf({ hostingPriceCentsPerKwMonth: 7_240 });
    expect(Math.abs(atBreakEven.hostingAdvantageCents)).toBeLessThanOrEqual(250);
  });

  it("has no break-even price when hosting out-earns mining even for free", () => {
    // Power so dear that mining loses money while an idle tenant draws nothing.
    const figures = figuresOf({ powerCostUsdPerMwh: 200, hostingUtilisationPercent: 0, hostingPriceCentsPerKwMonth: 0 });
    expect(figures.mining.netCents).toBeLessThan(0);
    expect(figures.breakEvenPriceCentsPerKwMonth).toBeNull();
  });

  it("has no break-even when mining out-earns hosting at any hashprice", () => {
    // A free lease on a tenant drawing more hours than the curtailed fleet hashes.
    const figures = figuresOf({ ...IDEAL, uptimePercent: 50, hostingPriceCentsPerKwMonth: 0 });
    expect(figures.breakEvenHashpriceCentsPerPhDay).toBeNull();
  });
});

describe("rounding", () => {
  it("rounds each figure to cents once and derives nets from those cents so they add up", () => {
    // 729.6 MWh × $45.005 = $32,835.648
    const figures = figuresOf({ ...IDEAL, powerCostUsdPerMwh: 45.005, hashpriceUsdPerPhDay: 33.3333, hostingPriceCentsPerKwMonth: 9_999 });
    expect(figures.mining.powerCents).toBe(3_283_565);
    // 50 × 30.4 × $33.3333 = $50,666.616
    expect(figures.mining.grossCents).toBe(5_066_662);
    expect(figures.mining.netCents).toBe(5_066_662 - 3_283_565);
    for (const value of [figures.mining.grossCents, figures.mining.powerCents, figures.hosting.netCents, figures.hostingAdvantageCents]) {
      expect(Number.isInteger(value)).toBe(true);
    }
  });
});

describe("invalid input", () => {
  it("returns field errors instead of NaN for blank or non-finite figures", () => {
    const fields = fieldsOf({ hashpriceUsdPerPhDay: Number.NaN, powerCostUsdPerMwh: Number.POSITIVE_INFINITY, hostingPriceCentsPerKwMonth: 13_500 });
    expect(fields).toEqual({ hashpriceUsdPerPhDay: "Enter a number.", powerCostUsdPerMwh: "Enter a number." });
  });

  it("refuses figures outside sensible ranges, naming the range", () => {
    const fields = fieldsOf({
      hashpriceUsdPerPhDay: 0,
      efficiencyJPerTh: 0,
      uptimePercent: 120,
      poolFeePercent: -1,
      pue: 0.9,
      hostingUtilisationPercent: 101,
      hostingPriceCentsPerKwMonth: -100,
    });
    expect(Object.keys(fields).sort()).toEqual(
      ["efficiencyJPerTh", "hashpriceUsdPerPhDay", "hostingPriceCentsPerKwMonth", "hostingUtilisationPercent", "poolFeePercent", "pue", "uptimePercent"],
    );
    expect(fields.uptimePercent).toBe("Enter more than 0 and at most 100 %.");
    expect(fields.efficiencyJPerTh).toBe("Enter 5 to 150 J/TH.");
  });

  it("wants the hosting price in whole cents", () => {
    expect(fieldsOf({ hostingPriceCentsPerKwMonth: 13_500.5 })).toEqual({ hostingPriceCentsPerKwMonth: "Enter a whole number." });
  });
});
