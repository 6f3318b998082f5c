// A closed-loop load generator: a fixed number of workers, each issuing its next request as
// soon as the last one finished, for a fixed time after a warm-up that is not recorded.
import http from "node:http";

/**
 * One request; it throws (or rejects) when the answer is an error, and may return the size
 * of the answer in bytes. `n` counts requests across workers.
 */
export type Task = (n: number) => Promise<number | void>;

export type LoadOptions = { connections: number; seconds: number; warmupSeconds: number };

export type LoadResult = {
  requests: number;
  errors: number;
  /** The most frequent error message, to say what failed. */
  firstError?: string;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
  /** Mean size of a successful answer, when the task reports sizes. */
  meanBytes: number;
};

export async function runLoad(task: Task, o: LoadOptions): Promise<LoadResult> {
  const started = performance.now();
  const recordFrom = started + o.warmupSeconds * 1000;
  const stopAt = recordFrom + o.seconds * 1000;
  const samples: number[] = [];
  let bytes = 0;
  const errors = new Map<string, number>();
  let next = 0;
  let lastEnd = recordFrom;

  async function worker() {
    while (performance.now() < stopAt) {
      const n = next++;
      const t0 = performance.now();
      let failure: string | undefined;
      let size = 0;
      try {
        size = (await task(n)) ?? 0;
      } catch (error) {
        failure = error instanceof Error ? error.message : String(error);
      }
      const t1 = performance.now();
      if (t0 < recordFrom) continue;
      lastEnd = Math.max(lastEnd, t1);
      if (failure === undefined) {
        samples.push(t1 - t0);
        bytes += size;
      } else errors.set(failure, (errors.get(failure) ?? 0) + 1);
    }
  }

  await Promise.all(Array.from({ length: o.connections }, worker));
  const seconds = (lastEnd - recordFrom) / 1000;
  const errorCount = [...errors.values()].reduce((a, b) => a + b, 0);
  const sorted = Float64Array.from(samples).sort();
  return {
    requests: samples.length + errorCount,
    errors: errorCount,
    firstError: [...errors.entries()].sort((a, b) => b[1] - a[1])[0]?.[0],
    seconds,
    rps: seconds > 0 ? samples.length / seconds : 0,
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
    meanBytes: samples.length ? bytes / samples.length : 0,
  };
}

/** Nearest-rank percentile of ascending samples (NaN when there are none). */
export function percentile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/**
 * GETs over keep-alive sockets, one per worker at most: node:http is lighter than fetch, and
 * the load generator shares the machine's two cores with the server it measures.
 */
export function httpGetter(connections: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const get = (url: string) =>
    new Promise<{ status: number; bytes: number }>((resolve, reject) => {
      const request = http.get(url, { agent }, (response) => {
        let bytes = 0;
        response.on("data", (chunk: Buffer) => (bytes += chunk.length));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, bytes }));
        response.on("error", reject);
      });
      request.on("error", reject);
    });
  return { get, close: () => agent.destroy() };
}

/** A task that GETs the paths in turn and fails on any status but 200. */
export function httpTask(get: ReturnType<typeof httpGetter>["get"], base: string, paths: string[]): Task {
  return async (n) => {
    const { status, bytes } = await get(base + paths[n % paths.length]);
    if (status !== 200) throw new Error(`HTTP ${status}`);
    return bytes;
  };
}
