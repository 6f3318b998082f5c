// The search benchmark, run by hand: seeds a large marketplace into a fresh local database,
// starts the production app on it, and measures the search API and page under concurrent
// load beside a static route and the same search SQL run directly; then plans and counts.
//
//   npx tsx --conditions=react-server bench/search.ts [--listings 10000] [--bookings 200000]
//     [--connections 50] [--seconds 15] [--warmup 3] [--pool 10] [--port 3400]
//     [--build [--tree /tmp/bench-tree] | --app-dir <path>] [--keep]
//
// `--conditions=react-server` makes db/queries/search.ts's `import "server-only"` resolve to
// its empty module outside Next. bench/README.md says what each figure means.
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { migrateDatabase } from "@/db/migrate";
import { todayUtc } from "@/lib/domain/days";
import { searchInput, searchSchema } from "@/lib/validations/search";
import { createTestDatabase, dropTestDatabase } from "@/scripts/test-database";
import { buildApp, prepareBuildTree, startApp, type RunningApp, type StartOptions } from "./app-server";
import { perRequest, plans, queryCounts } from "./inspect";
import { httpGetter, httpTask, runLoad, type LoadOptions, type LoadResult, type Task } from "./load";
import { queryMix, type MixEntry } from "./query-mix";
import { loadTable, num, ratio, section, verdict } from "./report";
import { seedLarge } from "./seed-large";
import { openDirect } from "./sql-probe";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const TARGET_RATIO = 0.35;
const TARGET_P99_MS = 150;

type Options = ReturnType<typeof options>;
type SearchFn = Awaited<ReturnType<typeof loadSearch>>["searchListings"];

function options() {
  const { values } = parseArgs({
    options: {
      listings: { type: "string", default: "10000" },
      bookings: { type: "string", default: "200000" },
      connections: { type: "string", default: "50" },
      seconds: { type: "string", default: "15" },
      warmup: { type: "string", default: "3" },
      pool: { type: "string", default: "10" },
      port: { type: "string", default: "3400" },
      build: { type: "boolean", default: false },
      tree: { type: "string", default: path.join(os.tmpdir(), "bench-tree") },
      "app-dir": { type: "string" },
      keep: { type: "boolean", default: false },
    },
  });
  const int = (name: keyof typeof values, min: number) => {
    const n = Number(values[name]);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be a whole number ≥ ${min}`);
    return n;
  };
  const listings = int("listings", 100);
  return {
    listings,
    bookings: int("bookings", 0),
    // The brief's proportions: ~2,000 sites and ~300 miners for 10,000 listings.
    sites: Math.max(10, Math.round(listings / 5)),
    miners: Math.max(5, Math.round(listings / 33)),
    buyers: 100,
    connections: int("connections", 1),
    seconds: int("seconds", 1),
    warmup: int("warmup", 0),
    pool: int("pool", 1),
    port: int("port", 1),
    build: values.build === true,
    appDir: path.resolve(values.build ? values.tree! : (values["app-dir"] ?? ROOT)),
    keep: values.keep === true,
  };
}

/** db/queries/search.ts, imported only once it is clear why it might fail. */
async function loadSearch() {
  try {
    return await import("@/db/queries/search");
  } catch (error) {
    throw new Error(`could not import db/queries/search.ts; run with \`npx tsx --conditions=react-server bench/search.ts\`\n${String(error)}`);
  }
}

// Other work on the machine skews every figure; printed so a reader can tell.
const loadAverage = () => os.loadavg().map((l) => l.toFixed(1)).join(" ");

async function main() {
  const o = options();
  const { searchListings } = await loadSearch();
  const started = performance.now();
  console.log(`search bench · ${new Date().toISOString()} · ${os.cpus().length} cores · node ${process.version} · load average ${loadAverage()}`);
  console.log(`${o.connections} connections · ${o.seconds} s each after ${o.warmup} s warm-up · app and direct-SQL pool ${o.pool}`);

  const url = await createTestDatabase("substation_bench");
  let app: RunningApp | undefined;
  const cleanup = async () => {
    await app?.stop();
    app = undefined;
    if (o.keep) console.log(`\nkept the database: DATABASE_URL=${url}`);
    else await dropTestDatabase(url);
  };
  process.once("SIGINT", () => void cleanup().finally(() => process.exit(130)));

  try {
    console.log(section("data"));
    await migrateDatabase(url);
    const seed = await seedLarge(url, o);
    console.log(
      `${seed.listings} listings (${seed.published} published) on ${seed.sites} sites of ${seed.miners} miners; ` +
        `${seed.bookings} bookings (${seed.countedBookings} counted, ${seed.expiredHolds} expired holds); ` +
        `overbooked listings: ${seed.overbookedListings}; seeded in ${seed.seconds.toFixed(1)} s`,
    );
    if (o.build) {
      console.log(section(`build in ${o.appDir}`));
      prepareBuildTree(ROOT, o.appDir);
      buildApp(o.appDir);
    }
    const start: StartOptions = { dir: o.appDir, port: o.port, databaseUrl: url, poolSize: o.pool };
    app = await startApp(start);
    console.log(`app: next start in ${o.appDir} at ${app.url}`);

    const mix = queryMix(todayUtc());
    const results = await measureLoad(app, url, mix, o, searchListings);
    await app.stop();
    app = undefined;
    report(results, o);

    await plans(url, mix, searchListings);
    await queryCounts(url, mix, searchListings);
    await perRequest(start, mix, results.page !== undefined);
    console.log(`\ndone in ${((performance.now() - started) / 1000).toFixed(0)} s · load average ${loadAverage()}`);
  } catch (error) {
    if (app) console.error(`\nlast lines of the app's log:\n${app.logTail()}`);
    throw error;
  } finally {
    await cleanup();
  }
}

type Results = { api: LoadResult; page?: LoadResult; fixed: LoadResult; staticPath: string; direct: LoadResult };

/** The four measurements, one after the other, with the same connections and duration. */
async function measureLoad(app: RunningApp, url: string, mix: MixEntry[], o: Options, searchListings: SearchFn): Promise<Results> {
  console.log(section("load"));
  const http = httpGetter(o.connections);
  const load: LoadOptions = { connections: o.connections, seconds: o.seconds, warmupSeconds: o.warmup };
  const measure = async (name: string, task: Task) => {
    process.stdout.write(`measuring ${name}… `);
    const result = await runLoad(task, load);
    console.log(`${num(result.rps)} req/s`);
    return result;
  };
  const apiPaths = mix.map((m) => `/api/v1/listings?${m.query}`);
  const pagePaths = mix.map((m) => `/search?${m.query}`);
  const pageStatus = (await http.get(app.url + pagePaths[0])).status;
  const openapiStatus = (await http.get(`${app.url}/api/v1/openapi.json`)).status;
  const staticPath = openapiStatus === 200 ? "/api/v1/openapi.json" : "/api/health";
  if (pageStatus === 404) console.log("page: not available yet (/search answers 404)");
  console.log(`static baseline: ${staticPath}${openapiStatus === 200 ? "" : ` (openapi.json answers ${openapiStatus}; /api/health runs select 1)`}`);

  try {
    const api = await measure("search API", httpTask(http.get, app.url, apiPaths));
    const page = pageStatus === 404 ? undefined : await measure("search page", httpTask(http.get, app.url, pagePaths));
    const fixed = await measure(`static ${staticPath}`, httpTask(http.get, app.url, [staticPath]));
    const sql = openDirect(url, o.pool);
    try {
      // Parsed per call, as the route does, so both sides pay for validation.
      const direct = await measure("direct SQL", async (n) => {
        await searchListings(sql.db, searchSchema.parse(searchInput(new URLSearchParams(mix[n % mix.length]!.query))));
      });
      return { api, page, fixed, staticPath, direct };
    } finally {
      await sql.close();
    }
  } finally {
    http.close();
  }
}

function report({ api, page, fixed, staticPath, direct }: Results, o: Options) {
  console.log(section(`load results (${o.connections} connections, ${o.seconds} s each, same run)`));
  console.log(
    loadTable([
      { name: "search API  GET /api/v1/listings", result: api },
      { name: "search page GET /search", result: page, note: "not available yet" },
      { name: `static      GET ${staticPath}`, result: fixed },
      { name: "direct SQL  searchListings()", result: direct },
    ]),
  );
  for (const [name, r] of [["API", api], ["page", page], ["static", fixed], ["direct SQL", direct]] as const) {
    if (r?.errors) console.log(`${name} errors: ${r.errors}, most often: ${r.firstError}`);
  }
  const apiRatio = ratio(api, direct);
  console.log(`\nAPI / direct SQL throughput:  ${num(apiRatio, 2)}`);
  console.log(`page / direct SQL throughput: ${num(ratio(page, direct), 2)}`);
  console.log(`API / static route:           ${num(ratio(api, fixed), 2)}`);
  console.log(verdict(apiRatio >= TARGET_RATIO, `search API at ≥ ${TARGET_RATIO}× the direct-SQL throughput (${num(apiRatio, 2)}×)`));
  const p99 = (r: LoadResult) => r.p99 <= TARGET_P99_MS && r.errors === 0;
  console.log(verdict(p99(api), `search API p99 ≤ ${TARGET_P99_MS} ms at ${o.connections} connections, no errors (${num(api.p99)} ms, ${api.errors} errors)`));
  if (page) console.log(verdict(p99(page), `search page p99 ≤ ${TARGET_P99_MS} ms at ${o.connections} connections, no errors (${num(page.p99)} ms, ${page.errors} errors)`));
  // Little's law: a closed loop of N connections at latency L serves N / L requests a second.
  console.log(`      (p99 ≤ ${TARGET_P99_MS} ms at ${o.connections} connections needs at least ~${Math.round(o.connections / (TARGET_P99_MS / 1000))} req/s)`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
