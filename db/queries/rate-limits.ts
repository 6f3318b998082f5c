import "server-only";
import { sql } from "drizzle-orm";
import { rawRows, type Executor } from "@/db";

/** Window start (truncated to windowSeconds) as an ISO string shared by every instance. */
function windowStart(windowSeconds: number, now = Date.now()): Date {
  return new Date(Math.floor(now / (windowSeconds * 1000)) * windowSeconds * 1000);
}

/** Counts one more hit for `key` in the current fixed window and returns the window's total. */
export async function recordHit(db: Executor, key: string, windowSeconds = 60): Promise<number> {
  const start = windowStart(windowSeconds);
  const rows = await rawRows<{ hits: number }>(
    db,
    sql`insert into rate_limits (key, window_start, hits) values (${key}, ${start.toISOString()}, 1)
        on conflict (key, window_start) do update set hits = rate_limits.hits + 1
        returning hits`,
  );
  return Number(rows[0]?.hits ?? 1);
}

/** Hits recorded for each key in the current window (keys absent from the table count 0). */
export async function hitsFor(db: Executor, keys: string[], windowSeconds = 60): Promise<number> {
  if (keys.length === 0) return 0;
  const start = windowStart(windowSeconds);
  const rows = await rawRows<{ hits: number | null }>(
    db,
    sql`select max(hits) as hits from rate_limits
        where window_start = ${start.toISOString()} and key in ${keys}`,
  );
  return Number(rows[0]?.hits ?? 0);
}
