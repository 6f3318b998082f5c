// Owns the GPU-fit arithmetic: a GPU cluster's power draw, how it fills racks, the cooling it needs and the search that finds room for it.
//
// Model (documented here because the UI, the search link and the tests all rely on it):
// - GPUs come in servers (8 to an HGX-style board) and a part-filled server still needs its chassis, so the
//   count rounds up to whole servers, each drawing its GPUs' board power plus the server and network overhead.
//   A rack-scale system (GB200 NVL72) is one server that fills one rack; its vendor figure is the whole rack's
//   draw, CPUs, switches and fans included, so its overhead defaults to 0 %.
// - IT kW is the cluster's peak draw. Board power is already a peak figure, so the rack density uses it as is;
//   the headroom (growth, failover, spikes) only widens the capacity the search asks for.
// - Cooling: air carries at most about MAX_AIR_KW_PER_RACK kW a rack (the same limit listings obey). Up to it any
//   cooling qualifies; above it only hydro, direct-liquid or immersion does. The search's density filter already
//   requires each listing to carry that many kW a rack with its own cooling, so the cooling list only rules out
//   what cannot carry it at all. Systems built for direct-to-chip liquid (NVL72) qualify only there.
import { MAX_AIR_KW_PER_RACK } from "@/lib/validations/listing";
import type { COOLING_TYPES } from "@/lib/validations/site";
import { parseDay, toDay } from "@/lib/domain/days";

export type Cooling = (typeof COOLING_TYPES)[number];
export { MAX_AIR_KW_PER_RACK };

export type GpuModel = {
  id: string;
  name: string;
  /** The name without the vendor, where space is short. */
  shortName: string;
  /** kW of one GPU's board, or of the whole system when `rackScale`. */
  powerKw: number;
  /** What `powerKw` measures, as the UI labels it. */
  powerUnit: "gpu" | "system";
  gpusPerServer: number;
  /** One server is a whole rack (NVL72): servers per rack is always 1. */
  rackScale: boolean;
  defaultOverheadPercent: number;
  defaultServersPerRack: number;
  /** Cooling the vendor designs the system for, when nothing else will do. */
  requiresCooling?: Cooling;
  source: string;
};

/** Board power from PRODUCT.md's reference figures and the vendors' data sheets. */
export const GPU_MODELS = [
  { id: "h100_sxm", name: "NVIDIA H100 SXM", shortName: "H100 SXM", powerKw: 0.7, powerUnit: "gpu", gpusPerServer: 8, rackScale: false, defaultOverheadPercent: 40, defaultServersPerRack: 4, source: "NVIDIA H100 data sheet: up to 700 W a GPU (SXM5)." },
  { id: "h200", name: "NVIDIA H200 SXM", shortName: "H200 SXM", powerKw: 0.7, powerUnit: "gpu", gpusPerServer: 8, rackScale: false, defaultOverheadPercent: 40, defaultServersPerRack: 4, source: "NVIDIA H200 data sheet: up to 700 W a GPU (SXM)." },
  { id: "b200", name: "NVIDIA B200", shortName: "B200", powerKw: 1, powerUnit: "gpu", gpusPerServer: 8, rackScale: false, defaultOverheadPercent: 40, defaultServersPerRack: 4, source: "NVIDIA HGX B200: up to 1,000 W a GPU." },
  {
    id: "gb200_nvl72",
    name: "NVIDIA GB200 NVL72", shortName: "GB200 NVL72",
    powerKw: 132,
    powerUnit: "system",
    gpusPerServer: 72,
    rackScale: true,
    defaultOverheadPercent: 0,
    defaultServersPerRack: 1,
    requiresCooling: "direct_liquid",
    source: "NVIDIA GB200 NVL72: about 120–132 kW a rack of 72 GPUs (132 kW used), liquid cooling mandatory.",
  },
  { id: "mi300x", name: "AMD Instinct MI300X", shortName: "MI300X", powerKw: 0.75, powerUnit: "gpu", gpusPerServer: 8, rackScale: false, defaultOverheadPercent: 40, defaultServersPerRack: 4, source: "AMD Instinct MI300X data sheet: 750 W a GPU (OAM)." },
  { id: "l40s", name: "NVIDIA L40S", shortName: "L40S", powerKw: 0.35, powerUnit: "gpu", gpusPerServer: 8, rackScale: false, defaultOverheadPercent: 40, defaultServersPerRack: 4, source: "NVIDIA L40S data sheet: 350 W a GPU (PCIe)." },
  { id: "a100_sxm", name: "NVIDIA A100 SXM", shortName: "A100 SXM", powerKw: 0.4, powerUnit: "gpu", gpusPerServer: 8, rackScale: false, defaultOverheadPercent: 40, defaultServersPerRack: 4, source: "NVIDIA A100 data sheet: 400 W a GPU (SXM4)." },
] as const satisfies readonly GpuModel[];

export type GpuModelId = (typeof GPU_MODELS)[number]["id"];

export function gpuModel(id: string): GpuModel | undefined {
  return GPU_MODELS.find((model) => model.id === id);
}

/** Sources the UI cites beside the assumptions that are not the GPU's own figure. */
export const GPU_FIT_SOURCES = {
  overheadPercent: "Reference: server and network overhead typically adds 30–50 % to board power. A DGX H100 is rated at about 10.2 kW, 8 × 0.7 kW + 82 %: raise it to size for that peak.",
  serversPerRack: "Assumption: four 8-GPU servers a rack, common in AI halls; AI racks run 20–130 kW against 3–5 kW in classic colocation.",
  rackScaleOverheadPercent: "The rack's own figure already covers its CPUs, switches and fans, so nothing is added by default.",
  headroomPercent: "Assumption: 10 % spare for growth, failover and spikes. It raises the kW searched for, not the rack density.",
  cooling: `Listing rules: air carries at most about ${MAX_AIR_KW_PER_RACK} kW a rack; denser racks need hydro, direct-liquid or immersion cooling.`,
} as const;

export const GPU_FIT_DEFAULTS = { headroomPercent: 10 } as const;

/** The search schema's own ceilings (lib/validations/search.ts): a filter beyond them would be refused. */
export const SEARCH_MAX_KW = 2_000_000;
export const SEARCH_MAX_DENSITY = 300;

type Limit = { min: number; max: number; minExclusive?: boolean; integer?: boolean; unit: string };

export const GPU_FIT_LIMITS = {
  gpuCount: { min: 1, max: 1_000_000, integer: true, unit: "GPUs" },
  gpuPowerKw: { min: 0, max: 3, minExclusive: true, unit: "kW" },
  systemPowerKw: { min: 0, max: SEARCH_MAX_DENSITY, minExclusive: true, unit: "kW" },
  gpusPerServer: { min: 1, max: 16, integer: true, unit: "GPUs" },
  overheadPercent: { min: 0, max: 150, unit: "%" },
  serversPerRack: { min: 1, max: 64, integer: true, unit: "servers" },
  targetKwPerRack: { min: 1, max: SEARCH_MAX_DENSITY, unit: "kW" },
  headroomPercent: { min: 0, max: 100, unit: "%" },
} as const satisfies Record<string, Limit>;

/** The cluster: which GPUs, how many, and how each server draws. Shared with the true-cost figure. */
export type ClusterInput = {
  model: string;
  gpuCount: number;
  /** Overrides the model's `powerKw` (per GPU, or per system when rack-scale). */
  powerKw?: number;
  /** Overrides the model's GPUs per server; ignored for rack-scale systems. */
  gpusPerServer?: number;
  overheadPercent?: number;
};

export type GpuFitInput = ClusterInput & {
  /** Servers stacked in a rack; ignored when `targetKwPerRack` is given, and for rack-scale systems. */
  serversPerRack?: number;
  /** Fill each rack up to this many kW instead of a fixed server count. */
  targetKwPerRack?: number;
  headroomPercent?: number;
};

export type GpuFitField = keyof GpuFitInput;

export type Cluster = {
  model: GpuModel;
  gpuCount: number;
  powerKw: number;
  gpusPerServer: number;
  overheadPercent: number;
  servers: number;
  kwPerServer: number;
  /** Peak IT draw, overhead included. */
  itKw: number;
};

export type CoolingNeed = {
  /** "any": air will do; "liquid": anything but air; or the one cooling the system is built for. */
  needs: "any" | "liquid" | Cooling;
  /** The listing coolings that can carry it, as the search filter lists them. */
  accepts: Cooling[];
  why: string;
};

export type SearchFilters = { minKw: number; minDensity: number; cooling: Cooling[] };

export type GpuFitFigures = Cluster & {
  headroomPercent: number;
  serversPerRack: number;
  racks: number;
  /** Draw of the fullest rack. */
  kwPerRack: number;
  cooling: CoolingNeed;
  filters: SearchFilters;
};

export type GpuFitResult = { ok: true; figures: GpuFitFigures } | { ok: false; fields: Partial<Record<GpuFitField, string>> };

const LIQUID: Cooling[] = ["direct_liquid", "immersion", "hydro"];
const ANY: Cooling[] = ["air", "hydro", "immersion", "direct_liquid"];

function check(value: number | undefined, limit: Limit): string | undefined {
  if (typeof value !== "number" || !Number.isFinite(value)) return "Enter a number.";
  if (limit.integer && !Number.isInteger(value)) return "Enter a whole number.";
  const tooLow = limit.minExclusive ? value <= limit.min : value < limit.min;
  if (tooLow || value > limit.max) {
    const suffix = limit.unit === "%" ? " %" : ` ${limit.unit}`;
    return limit.minExclusive ? `Enter more than ${limit.min} and at most ${limit.max}${suffix}.` : `Enter ${limit.min} to ${limit.max.toLocaleString("en-US")}${suffix}.`;
  }
  return undefined;
}

function collect<F extends string>(checks: [F, string | undefined][]): Partial<Record<F, string>> {
  return Object.fromEntries(checks.filter(([, message]) => message !== undefined)) as Partial<Record<F, string>>;
}

/** The cluster's servers and draw, or the fields to fix. */
export function sizeCluster(input: ClusterInput): { ok: true; cluster: Cluster } | { ok: false; fields: Partial<Record<keyof ClusterInput, string>> } {
  const model = gpuModel(input.model);
  if (!model) return { ok: false, fields: { model: "Choose a GPU model from the list." } };
  const powerKw = input.powerKw ?? model.powerKw;
  const gpusPerServer = model.rackScale ? model.gpusPerServer : (input.gpusPerServer ?? model.gpusPerServer);
  const overheadPercent = input.overheadPercent ?? model.defaultOverheadPercent;
  const fields = collect<keyof ClusterInput>([
    ["gpuCount", check(input.gpuCount, GPU_FIT_LIMITS.gpuCount)],
    ["powerKw", check(powerKw, model.rackScale ? GPU_FIT_LIMITS.systemPowerKw : GPU_FIT_LIMITS.gpuPowerKw)],
    ["gpusPerServer", model.rackScale ? undefined : check(gpusPerServer, GPU_FIT_LIMITS.gpusPerServer)],
    ["overheadPercent", check(overheadPercent, GPU_FIT_LIMITS.overheadPercent)],
  ]);
  if (Object.keys(fields).length > 0) return { ok: false, fields };

  const servers = Math.ceil(input.gpuCount / gpusPerServer);
  const kwPerServer = (model.rackScale ? powerKw : gpusPerServer * powerKw) * (1 + overheadPercent / 100);
  return {
    ok: true,
    cluster: { model, gpuCount: input.gpuCount, powerKw, gpusPerServer, overheadPercent, servers, kwPerServer, itKw: servers * kwPerServer },
  };
}

/** The most GPUs, in whole servers, whose draw fits in `kw` (at least one server, so a small listing still has a cluster to price). */
export function gpusThatFit(kw: number, cluster: Omit<ClusterInput, "gpuCount">): number {
  const sized = sizeCluster({ ...cluster, gpuCount: 1 });
  if (!sized.ok) return 0;
  const { kwPerServer, gpusPerServer } = sized.cluster;
  return Math.max(1, Math.floor(round6(kw / kwPerServer))) * gpusPerServer;
}

export function coolingFor(model: GpuModel, kwPerRack: number): CoolingNeed {
  const density = `${formatKwPerRack(kwPerRack)} a rack`;
  if (model.requiresCooling) {
    return {
      needs: model.requiresCooling,
      accepts: [model.requiresCooling],
      why: `${model.name} racks are built for direct-to-chip liquid cooling; air cannot carry ${density}.`,
    };
  }
  if (kwPerRack <= MAX_AIR_KW_PER_RACK) {
    return { needs: "any", accepts: ANY, why: `${density} is within the roughly ${MAX_AIR_KW_PER_RACK} kW that air can carry, so any cooling will do.` };
  }
  return { needs: "liquid", accepts: LIQUID, why: `${density} is above the roughly ${MAX_AIR_KW_PER_RACK} kW that air can carry: it needs hydro, direct-liquid or immersion cooling.` };
}

/** IT kW, racks, rack density, cooling and the search filters for a GPU cluster. */
export function fitGpus(input: GpuFitInput): GpuFitResult {
  const sized = sizeCluster(input);
  const model = gpuModel(input.model);
  const headroomPercent = input.headroomPercent ?? GPU_FIT_DEFAULTS.headroomPercent;
  const byDensity = input.targetKwPerRack !== undefined && !model?.rackScale;
  const serversPerRackInput = model?.rackScale ? 1 : (input.serversPerRack ?? model?.defaultServersPerRack ?? 1);
  const fields: Partial<Record<GpuFitField, string>> = {
    ...(sized.ok ? {} : sized.fields),
    ...collect<GpuFitField>([
      ["headroomPercent", check(headroomPercent, GPU_FIT_LIMITS.headroomPercent)],
      byDensity ? ["targetKwPerRack", check(input.targetKwPerRack, GPU_FIT_LIMITS.targetKwPerRack)] : ["serversPerRack", check(serversPerRackInput, GPU_FIT_LIMITS.serversPerRack)],
    ]),
  };
  if (!sized.ok || Object.keys(fields).length > 0) return { ok: false, fields };

  const cluster = sized.cluster;
  let serversPerRack = serversPerRackInput;
  if (byDensity) {
    serversPerRack = Math.floor(round6(input.targetKwPerRack! / cluster.kwPerServer));
    if (serversPerRack < 1) {
      return { ok: false, fields: { targetKwPerRack: `One server draws ${formatKwPerRack(cluster.kwPerServer)}, more than this density.` } };
    }
  }
  // A cluster smaller than one rack only part-fills it: the density is what it really puts in the rack.
  const kwPerRack = Math.min(serversPerRack, cluster.servers) * cluster.kwPerServer;
  const racks = Math.ceil(cluster.servers / serversPerRack);
  const cooling = coolingFor(cluster.model, kwPerRack);
  const filters: SearchFilters = {
    minKw: Math.max(100, Math.ceil(round6((cluster.itKw * (1 + headroomPercent / 100)) / 100)) * 100),
    minDensity: Math.max(1, Math.ceil(round6(kwPerRack))),
    cooling: cooling.accepts,
  };
  if (filters.minDensity > SEARCH_MAX_DENSITY) {
    const field = byDensity ? "targetKwPerRack" : cluster.model.rackScale ? "powerKw" : "serversPerRack";
    return { ok: false, fields: { [field]: `That is ${formatKwPerRack(kwPerRack)} a rack; no listing runs above ${SEARCH_MAX_DENSITY} kW a rack.` } };
  }
  if (filters.minKw > SEARCH_MAX_KW) {
    return { ok: false, fields: { gpuCount: `That cluster needs more than ${(SEARCH_MAX_KW / 1000).toLocaleString("en-US")} MW, beyond any listing.` } };
  }
  return { ok: true, figures: { ...cluster, headroomPercent, serversPerRack, racks, kwPerRack, cooling, filters } };
}

/** A start and end day for the search window: both or neither, real days, start before end. */
export function windowErrors(window: { from?: string; to?: string }): Partial<Record<"from" | "to", string>> {
  const { from, to } = window;
  if (from && !isDay(from)) return { from: "Enter the start date as YYYY-MM-DD." };
  if (to && !isDay(to)) return { to: "Enter the end date as YYYY-MM-DD." };
  if (from && !to) return { to: "Add an end date, or clear the start date." };
  if (to && !from) return { from: "Add a start date, or clear the end date." };
  if (from && to && from >= to) return { to: "The end date must come after the start date." };
  return {};
}

function isDay(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(parseDay(value).getTime()) && toDay(parseDay(value)) === value;
}

/**
 * The /search URL for these figures, with the parameter names of lib/validations/search.ts. The window is added
 * only when both days are valid and in order (see windowErrors), so the link never leads to a refused search.
 */
export function searchHrefFor(figures: { filters: SearchFilters }, window: { from?: string; to?: string } = {}): string {
  const params = new URLSearchParams({
    minKw: String(figures.filters.minKw),
    minDensity: String(figures.filters.minDensity),
    cooling: figures.filters.cooling.join(","),
  });
  if (window.from && window.to && Object.keys(windowErrors(window)).length === 0) {
    params.set("from", window.from);
    params.set("to", window.to);
  }
  // Commas are legal in a query string; leaving them unescaped keeps the link readable when shared.
  return `/search?${params.toString().replaceAll("%2C", ",")}`;
}

export function formatKwPerRack(kw: number): string {
  return `${kw.toLocaleString("en-US", { maximumFractionDigits: 1 })} kW`;
}

// Float products such as 4 × 7.84 land a hair above the true value; rounding first keeps ceil and floor honest.
function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
