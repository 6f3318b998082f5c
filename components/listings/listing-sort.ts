// How the miner's listing table sorts: by a column named in `?sort=`, "-" first for descending.
export const SORT_KEYS = ["title", "site", "capacity", "price", "window", "status", "updated"] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type Sort = { key: SortKey; descending: boolean };

export type SortableListing = {
  title: string;
  siteName: string;
  capacityKw: number;
  priceCentsPerKwMonth: number;
  availableFrom: string;
  status: string;
  updatedAt: Date;
};

export const DEFAULT_SORT: Sort = { key: "updated", descending: true };

/** The lifecycle's order, so "status" groups live listings before drafts and archived ones. */
const STATUS_ORDER = ["published", "pending_review", "draft", "rejected", "paused", "archived"];

export function parseSort(param: unknown): Sort {
  if (typeof param !== "string") return DEFAULT_SORT;
  const descending = param.startsWith("-");
  const key = (descending ? param.slice(1) : param) as SortKey;
  return SORT_KEYS.includes(key) ? { key, descending } : DEFAULT_SORT;
}

export function sortParam(sort: Sort): string {
  return `${sort.descending ? "-" : ""}${sort.key}`;
}

/** Clicking the sorted column flips it; another column starts ascending (newest first for dates). */
export function nextSort(current: Sort, key: SortKey): Sort {
  if (current.key === key) return { key, descending: !current.descending };
  return { key, descending: key === "updated" };
}

const compareBy: Record<SortKey, (a: SortableListing, b: SortableListing) => number> = {
  title: (a, b) => a.title.localeCompare(b.title, "en", { sensitivity: "base" }),
  site: (a, b) => a.siteName.localeCompare(b.siteName, "en", { sensitivity: "base" }),
  capacity: (a, b) => a.capacityKw - b.capacityKw,
  price: (a, b) => a.priceCentsPerKwMonth - b.priceCentsPerKwMonth,
  window: (a, b) => a.availableFrom.localeCompare(b.availableFrom),
  status: (a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status),
  updated: (a, b) => a.updatedAt.getTime() - b.updatedAt.getTime(),
};

/** A sorted copy; ties keep the newest change first so the order is stable between visits. */
export function sortListings<T extends SortableListing>(rows: readonly T[], sort: Sort): T[] {
  const compare = compareBy[sort.key];
  return [...rows].sort((a, b) => (sort.descending ? -compare(a, b) : compare(a, b)) || b.updatedAt.getTime() - a.updatedAt.getTime());
}
