// What the bench reports beside the load figures: the search statement's plans, the
// statements one searchListings() call sends, and the statements per HTTP request of the app.
import type { searchListings } from "@/db/queries/search";
import { searchInput, searchSchema } from "@/lib/validations/search";
import { startApp, type StartOptions } from "./app-server";
import { httpGetter } from "./load";
import { startStatementCounter } from "./pg-counter";
import type { MixEntry } from "./query-mix";
import { section, verdict } from "./report";
import { captureStatements, explain } from "./sql-probe";

export const TARGET_QUERIES = 3;

type SearchFn = typeof searchListings;
type Mix = MixEntry[];
const parse = (query: string) => searchSchema.parse(searchInput(new URLSearchParams(query)));
const SEQ_SCAN_BOOKINGS = /Seq Scan on bookings/;

/** The need's plans in full, and for every query of the mix whether bookings are ever read in full. */
export async function plans(url: string, mix: Mix, searchListings: SearchFn) {
  console.log(section(`plan of the need: ${mix[0]!.query}`));
  const rows: string[] = [];
  let needClear = false;
  let allClear = true;
  for (const [i, m] of mix.entries()) {
    const [statement] = await captureStatements(url, (db) => searchListings(db, parse(m.query)));
    const p = await explain(url, statement!);
    if (i === 0) {
      console.log(`-- as planned for these values (a prepared statement's first five runs):\n${p.custom}`);
      console.log(`\n-- generic plan (what a prepared statement may switch to from its sixth run):\n${p.generic}\n`);
      needClear = !SEQ_SCAN_BOOKINGS.test(p.custom);
    }
    const seq = SEQ_SCAN_BOOKINGS.test(p.custom) || SEQ_SCAN_BOOKINGS.test(p.generic);
    allClear &&= !seq;
    rows.push(`  ${seq ? "SEQ SCAN" : "ok      "}  custom ${executionMs(p.custom).padStart(8)} ms  generic ${executionMs(p.generic).padStart(8)} ms  ${m.name}`);
  }
  console.log(verdict(needClear, "no Seq Scan on bookings in the need's plan"));
  console.log(verdict(allClear, "no Seq Scan on bookings in any plan (custom and generic) of the mix:"));
  console.log(rows.join("\n"));
}

const executionMs = (plan: string) => /Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? "?";

/** Statements one searchListings call sends, for each query of the mix. */
export async function queryCounts(url: string, mix: Mix, searchListings: SearchFn) {
  console.log(section("queries per searchListings() call (postgres.js debug hook)"));
  let max = 0;
  for (const m of mix) {
    const n = (await captureStatements(url, (db) => searchListings(db, parse(m.query)))).length;
    max = Math.max(max, n);
    console.log(`  ${n}  ${m.name}`);
  }
  const pastEnd = (await captureStatements(url, (db) => searchListings(db, parse(`${mix[0]!.query}&page=999`)))).length;
  max = Math.max(max, pastEnd);
  console.log(`  ${pastEnd}  need, page 999 (past the end: the total needs its own count)`);
  console.log(verdict(max <= TARGET_QUERIES, `at most ${TARGET_QUERIES} queries per search (max ${max})`));
}

/**
 * Statements per HTTP request, counted on the wire: the app is restarted behind a counting
 * proxy and its connections opened (postgres.js looks up array types once per connection);
 * then each path is requested once (a cache miss: the statements a new search costs) and,
 * after a pause for the cache write to land, once more (a hit within the 15 seconds).
 */
export async function perRequest(o: StartOptions, mix: Mix, pages: boolean): Promise<void> {
  console.log(section("statements per HTTP request (app restarted behind a counting proxy)"));
  const target = new URL(o.databaseUrl);
  const counter = await startStatementCounter({ host: target.hostname, port: Number(target.port || 5432) });
  target.port = String(counter.port);
  const app = await startApp({ ...o, databaseUrl: target.toString() });
  const http = httpGetter(1);
  const countOne = async (path: string) => {
    const before = counter.count();
    const { status } = await http.get(app.url + path);
    return status === 200 ? counter.count() - before : Number.NaN;
  };
  const counted = async (path: string) => {
    const miss = await countOne(path);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const hit = await countOne(path);
    return { miss, hit, text: `${Number.isNaN(miss) ? "err" : miss}/${Number.isNaN(hit) ? "err" : hit}` };
  };
  let max = 0;
  try {
    // Opens the app's connection (requests in turn share one) with a search outside the mix.
    await http.get(`${app.url}/api/v1/listings?q=warm`);
    console.log("statements on a cache miss / on a hit:\n   API  page  query");
    for (const m of mix) {
      const api = await counted(`/api/v1/listings?${m.query}`);
      const page = pages ? await counted(`/search?${m.query}`) : undefined;
      for (const n of [api.miss, api.hit, page?.miss ?? 0, page?.hit ?? 0]) max = Math.max(max, Number.isNaN(n) ? Infinity : n);
      console.log(`  ${api.text.padStart(4)}  ${(page?.text ?? "-").padStart(4)}  ${m.name}`);
    }
  } finally {
    http.close();
    await app.stop();
    await counter.close();
  }
  console.log(verdict(max <= TARGET_QUERIES, `at most ${TARGET_QUERIES} statements per search request, API${pages ? " and page" : ""} (max ${max})`));
}
