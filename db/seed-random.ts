// Determinism for the demo seed: a seeded PRNG, ids derived from stable names, and UTC day
// arithmetic, so that the same `today` always produces the same rows.
import { createHash } from "node:crypto";

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY_MS = 24 * HOUR;

/** A calendar day in UTC, as whole days since 1970-01-01. */
export type Day = number;

export type Rng = {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** A key of `weights`, chosen in proportion to its weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K;
};

/** mulberry32: tiny, fast and good enough for demo data; never for anything secret. */
export function createRng(seed: string): Rng {
  let state = createHash("sha256").update(seed).digest().readUInt32LE(0);
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    chance: (probability) => next() < probability,
    pick(items) {
      if (items.length === 0) throw new Error("pick from an empty list");
      return items[int(0, items.length - 1)]!;
    },
    weighted(weights) {
      const entries = Object.entries(weights) as [keyof typeof weights, number][];
      let roll = next() * entries.reduce((sum, [, w]) => sum + w, 0);
      for (const [key, weight] of entries) {
        roll -= weight;
        if (roll < 0) return key;
      }
      return entries[entries.length - 1]![0];
    },
  };
}

function digest(name: string): Buffer {
  return createHash("sha256").update(`substation-seed/${name}`).digest();
}

/** A UUID derived from a stable name (formatted as a name-based, version 5 UUID). */
export function stableUuid(name: string): string {
  const bytes = digest(name).subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A stable alphanumeric token for provider-style ids ("test_pi_<token>"). */
export function stableToken(name: string, length = 24): string {
  return digest(name).toString("base64url").replace(/[-_]/g, "").slice(0, length);
}

export function parseDay(value: string): Day {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new Error(`not a YYYY-MM-DD day: ${value}`);
  const ms = Date.parse(`${value}T00:00:00Z`);
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== value) {
    throw new Error(`not a calendar day: ${value}`);
  }
  return ms / DAY_MS;
}

export function formatDay(day: Day): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function dayOf(at: Date): Day {
  return Math.floor(at.getTime() / DAY_MS);
}

/** Midnight UTC at the start of `day`. */
export function midnight(day: Day): Date {
  return new Date(day * DAY_MS);
}

export function addMs(at: Date, ms: number): Date {
  return new Date(at.getTime() + ms);
}

/** The same day of the month `months` later, clamped to the month's last day (Jan 31 + 1 → Feb 28). */
export function addMonths(day: Day, months: number): Day {
  const date = new Date(day * DAY_MS);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return Date.UTC(year, month, Math.min(date.getUTCDate(), lastDay)) / DAY_MS;
}

export function firstOfMonthOnOrAfter(day: Day): Day {
  const date = new Date(day * DAY_MS);
  if (date.getUTCDate() === 1) return day;
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1) / DAY_MS;
}

export function earliest(...dates: Date[]): Date {
  return new Date(Math.min(...dates.map((d) => d.getTime())));
}

export function latest(...dates: Date[]): Date {
  return new Date(Math.max(...dates.map((d) => d.getTime())));
}

/** A moment in [from, to], or null when the range is empty. */
export function between(rng: Rng, from: Date, to: Date): Date | null {
  if (from.getTime() > to.getTime()) return null;
  return new Date(from.getTime() + Math.floor(rng.next() * (to.getTime() - from.getTime())));
}
