import { describe, expect, it } from "vitest";
import {
  fitGpus,
  GPU_MODELS,
  gpusThatFit,
  searchHrefFor,
  windowErrors,
  type GpuFitFigures,
  type GpuFitInput,
} from "@/lib/domain/calculators/gpu-fit";
import { searchInput, searchSchema } from "@/lib/validations/search";

function figuresOf(input: GpuFitInput): GpuFitFigures {
  const result = fitGpus(input);
  if (!result.ok) throw new Error(`unexpected field errors: ${JSON.stringify(result.fields)}`);
  return result.figures;
}

function fieldsOf(input: GpuFitInput) {
  const result = fitGpus(input);
  if (result.ok) throw new Error("expected field errors");
  return result.fields;
}

describe("power draw", () => {
  it("draws 1,003.5 kW of IT power for 1,024 H100 SXM at 40 % server and network overhead", () => {
    const figures = figuresOf({ model: "h100_sxm", gpuCount: 1024, overheadPercent: 40 });
    expect(figures.servers).toBe(128);
    expect(figures.kwPerServer).toBeCloseTo(7.84, 9);
    expect(figures.itKw).toBeCloseTo(1003.52, 9);
  });

  it("uses the catalogue's board power and a 40 % overhead by default", () => {
    const figures = figuresOf({ model: "b200", gpuCount: 8 });
    expect(figures.powerKw).toBe(1);
    expect(figures.overheadPercent).toBe(40);
    expect(figures.itKw).toBeCloseTo(11.2, 9);
  });

  it("counts a part-filled server as a whole one", () => {
    const figures = figuresOf({ model: "h100_sxm", gpuCount: 9, overheadPercent: 0 });
    expect(figures.servers).toBe(2);
    expect(figures.itKw).toBeCloseTo(11.2, 9);
  });

  it("takes an edited board power and GPUs per server", () => {
    const figures = figuresOf({ model: "l40s", gpuCount: 16, powerKw: 0.3, gpusPerServer: 4, overheadPercent: 50 });
    expect(figures.servers).toBe(4);
    expect(figures.kwPerServer).toBeCloseTo(1.8, 9);
  });

  it("lists every model with a positive draw and a source", () => {
    for (const model of GPU_MODELS) {
      expect(model.powerKw).toBeGreaterThan(0);
      expect(model.source).not.toBe("");
    }
  });
});

describe("racks and cooling", () => {
  it("stacks four 8-GPU servers a rack by default, within what air carries", () => {
    const figures = figuresOf({ model: "h100_sxm", gpuCount: 1024 });
    expect(figures.serversPerRack).toBe(4);
    expect(figures.racks).toBe(32);
    expect(figures.kwPerRack).toBeCloseTo(31.36, 9);
    expect(figures.cooling.needs).toBe("any");
    expect(figures.cooling.accepts).toEqual(["air", "hydro", "immersion", "direct_liquid"]);
  });

  it("needs liquid cooling above 40 kW a rack, and still allows air at exactly 40", () => {
    const dense = figuresOf({ model: "b200", gpuCount: 64 });
    expect(dense.kwPerRack).toBeCloseTo(44.8, 9);
    expect(dense.cooling.needs).toBe("liquid");
    expect(dense.cooling.accepts).toEqual(["direct_liquid", "immersion", "hydro"]);
    expect(dense.cooling.why).toContain("above the roughly 40 kW that air can carry");

    const atLimit = figuresOf({ model: "h100_sxm", gpuCount: 32, powerKw: 1.25, overheadPercent: 0 });
    expect(atLimit.kwPerRack).toBe(40);
    expect(atLimit.cooling.needs).toBe("any");
  });

  it("puts a GB200 NVL72 in a rack of its own at 132 kW and requires direct liquid cooling", () => {
    const figures = figuresOf({ model: "gb200_nvl72", gpuCount: 72, serversPerRack: 8, overheadPercent: undefined });
    expect(figures.serversPerRack).toBe(1);
    expect(figures.racks).toBe(1);
    expect(figures.kwPerRack).toBe(132);
    expect(figures.itKw).toBe(132);
    expect(figures.cooling).toMatchObject({ needs: "direct_liquid", accepts: ["direct_liquid"] });
  });

  it("rounds an NVL72 cluster up to whole racks", () => {
    expect(figuresOf({ model: "gb200_nvl72", gpuCount: 100 }).racks).toBe(2);
  });

  it("fills racks up to a target density instead of a fixed server count", () => {
    const figures = figuresOf({ model: "h100_sxm", gpuCount: 1024, targetKwPerRack: 40, serversPerRack: 1 });
    // 40 kW ÷ 7.84 kW a server = 5 servers, 39.2 kW.
    expect(figures.serversPerRack).toBe(5);
    expect(figures.kwPerRack).toBeCloseTo(39.2, 9);
    expect(figures.racks).toBe(26);
  });

  it("counts only the servers a small cluster has in its one rack", () => {
    const figures = figuresOf({ model: "h100_sxm", gpuCount: 8 });
    expect(figures.racks).toBe(1);
    expect(figures.kwPerRack).toBeCloseTo(7.84, 9);
  });
});

describe("search filters", () => {
  it("asks for the draw plus headroom rounded up to 100 kW, the density rounded up to a kW, and every cooling when air will do", () => {
    const figures = figuresOf({ model: "h100_sxm", gpuCount: 1024 });
    // 1,003.52 kW × 1.10 = 1,103.9 kW → 1,200; 31.36 kW a rack → 32.
    expect(figures.filters).toEqual({ minKw: 1200, minDensity: 32, cooling: ["air", "hydro", "immersion", "direct_liquid"] });
  });

  it("does not round an exact hundred up to the next one", () => {
    const figures = figuresOf({ model: "h100_sxm", gpuCount: 800, powerKw: 1.25, overheadPercent: 0, headroomPercent: 0 });
    expect(figures.itKw).toBe(1000);
    expect(figures.filters.minKw).toBe(1000);
  });

  it("asks for at least 100 kW however small the cluster", () => {
    expect(figuresOf({ model: "l40s", gpuCount: 8 }).filters.minKw).toBe(100);
  });

  it("builds the /search link with the search schema's parameter names", () => {
    const figures = figuresOf({ model: "gb200_nvl72", gpuCount: 720 });
    const href = searchHrefFor(figures, { from: "2026-03-01", to: "2028-03-01" });
    expect(href).toBe("/search?minKw=1500&minDensity=132&cooling=direct_liquid&from=2026-03-01&to=2028-03-01");
  });

  it("makes links the search page accepts as they are", () => {
    const figures = figuresOf({ model: "h100_sxm", gpuCount: 1024 });
    const href = searchHrefFor(figures, { from: "2026-03-01", to: "2028-03-01" });
    const parsed = searchSchema.safeParse(searchInput(new URL(href, "http://x").searchParams));
    expect(parsed.success).toBe(true);
    expect(parsed.data).toMatchObject({ minKw: 1200, minDensity: 32, cooling: ["air", "hydro", "immersion", "direct_liquid"], from: "2026-03-01", to: "2028-03-01" });
  });

  it("leaves out a window that is half given or backwards, rather than link to a refused search", () => {
    const figures = figuresOf({ model: "h100_sxm", gpuCount: 1024 });
    expect(searchHrefFor(figures, { from: "2026-03-01" })).not.toContain("from=");
    expect(searchHrefFor(figures, { from: "2026-03-01", to: "2026-02-01" })).not.toContain("from=");
  });
});

describe("invalid input", () => {
  it("returns field errors for a missing, fractional or out-of-range GPU count", () => {
    expect(fieldsOf({ model: "h100_sxm", gpuCount: Number.NaN })).toEqual({ gpuCount: "Enter a number." });
    expect(fieldsOf({ model: "h100_sxm", gpuCount: 1.5 })).toEqual({ gpuCount: "Enter a whole number." });
    expect(fieldsOf({ model: "h100_sxm", gpuCount: 0 })).toEqual({ gpuCount: "Enter 1 to 1,000,000 GPUs." });
  });

  it("refuses an unknown model and overheads outside 0–150 %", () => {
    expect(fieldsOf({ model: "tpu_v5", gpuCount: 8 })).toEqual({ model: "Choose a GPU model from the list." });
    const fields = fieldsOf({ model: "h100_sxm", gpuCount: 8, overheadPercent: 151, headroomPercent: -1, serversPerRack: 0 });
    expect(fields).toEqual({ overheadPercent: "Enter 0 to 150 %.", headroomPercent: "Enter 0 to 100 %.", serversPerRack: "Enter 1 to 64 servers." });
  });

  it("refuses a target density below one server's draw", () => {
    expect(fieldsOf({ model: "b200", gpuCount: 64, targetKwPerRack: 10 })).toEqual({ targetKwPerRack: "One server draws 11.2 kW, more than this density." });
  });

  it("refuses racks denser than any listing and clusters larger than any listing", () => {
    expect(fieldsOf({ model: "b200", gpuCount: 512, serversPerRack: 30 }).serversPerRack).toBe("That is 336 kW a rack; no listing runs above 300 kW a rack.");
    expect(fieldsOf({ model: "gb200_nvl72", gpuCount: 1_000_000 }).gpuCount).toBe("That cluster needs more than 2,000 MW, beyond any listing.");
  });

  it("checks the search window: both days or neither, real days, start before end", () => {
    expect(windowErrors({})).toEqual({});
    expect(windowErrors({ from: "2026-03-01", to: "2028-03-01" })).toEqual({});
    expect(windowErrors({ from: "2026-03-01" })).toEqual({ to: "Add an end date, or clear the start date." });
    expect(windowErrors({ from: "2026-02-30", to: "2026-04-01" })).toEqual({ from: "Enter the start date as YYYY-MM-DD." });
    expect(windowErrors({ from: "2026-03-01", to: "2026-03-01" })).toEqual({ to: "The end date must come after the start date." });
  });
});

describe("what fits in a capacity", () => {
  it("fits 1,016 H100 SXM, whole servers, in 1 MW", () => {
    // 1,000 kW ÷ 7.84 kW a server = 127 servers.
    expect(gpusThatFit(1000, { model: "h100_sxm" })).toBe(1016);
  });

  it("offers one server even when the capacity is smaller", () => {
    expect(gpusThatFit(50, { model: "gb200_nvl72" })).toBe(72);
  });
});
