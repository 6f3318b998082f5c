// The reservations benchmark, run by hand (issue 5, item 7): one listing hammered with
// POST /api/v1/bookings from 50 connections, first through one app instance, then through
// two sharing the database; prints decisions per second, latency, answers by status and the
// day check from the table (oversold days must be 0).
//
//   npx tsx --conditions=react-server bench/reservations.ts [--app-dir <build dir>]
//     [--connections 50] [--seconds 20] [--warmup 3] [--port 3401] [--keep]
//
// `--conditions=react-server` lets the seeding queries' `import "server-only"` resolve outside Next.
import { randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { eq, sql } from "drizzle-orm";
import { openDatabase, rawRows, type Database } from "@/db/connection";
import { migrateDatabase } from "@/db/migrate";
import { createAccount } from "@/db/queries/accounts";
import { hashToken } from "@/db/queries/api-tokens";
import { createListing } from "@/db/queries/listings";
import { createSite } from "@/db/queries/sites";
import { apiTokens, listings } from "@/db/schema";
import { addDays } from "@/lib/domain/days";
import { signUpSchema } from "@/lib/validations/auth";
import { createTestDatabase, dropTestDatabase } from "@/scripts/test-database";
import { listingBody, siteBody } from "../tests/support/fixtures";
import { startApp, type RunningApp } from "./app-server";
import { percentile } from "./load";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const CAPACITY_KW = 20_000;
const BUYERS = 8;

type Listing = { id: string; availableFrom: string };
type Run = { decided: number; seconds: number; p50: number; p99: number; created: number; refused: number; other: Map<string, number>; createdInAll: number };

function options() {
  const { values } = parseArgs({
    options: {
      "app-dir": { type: "string", default: ROOT },
      connections: { type: "string", default: "50" },
      seconds: { type: "string", default: "20" },
      warmup: { type: "string", default: "3" },
      port: { type: "string", default: "3401" },
      keep: { type: "boolean", default: false },
    },
  });
  const int = (name: "connections" | "seconds" | "warmup" | "port", min: number) => {
    const n = Number(values[name]);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be a whole number ≥ ${min}`);
    return n;
  };
  return { appDir: path.resolve(values["app-dir"]!), connections: int("connections", 1), seconds: int("seconds", 1), warmup: int("warmup", 0), port: int("port", 1), keep: values.keep === true };
}

async function account(db: Database, kind: "miner" | "buyer", name: string) {
  const input = signUpSchema.parse({ name: `Bench ${kind}`, email: `${kind}-${randomBytes(4).toString("hex")}@bench.test`, password: "a long enough passphrase", organizationName: name, kind });
  const { user, organization } = await createAccount(db, input, "http://127.0.0.1");
  return { userId: user.id, role: kind, organizationId: organization.id };
}

/** A bearer token for each buyer organization, as API clients would hold. */
async function buyerTokens(db: Database): Promise<string[]> {
  return Promise.all(
    Array.from({ length: BUYERS }, async (_, i) => {
      const buyer = await account(db, "buyer", `Bench buyer ${i + 1}`);
      const token = `sub_${randomBytes(24).toString("base64url")}`;
      await db.insert(apiTokens).values({ userId: buyer.userId, name: "bench", tokenHash: hashToken(token), prefix: token.slice(0, 12) });
      return token;
    }),
  );
}

/** A published listing with nothing booked yet: each run starts from the same empty calendar. */
async function freshListing(db: Database): Promise<Listing> {
  const miner = await account(db, "miner", "Bench miner");
  const site = await createSite(db, miner, siteBody());
  const listing = await createListing(db, miner, listingBody(site.id, { capacityKw: CAPACITY_KW, rackCount: 200, maxKwPerRack: 100, minTermMonths: 1, priceCentsPerKwMonth: 12000 }));
  await db.update(listings).set({ status: "published", publishedAt: new Date() }).where(eq(listings.id, listing.id));
  return listing;
}

/** 10–200 kW, starting in the window's first 180 days, 31–120 days long: windows overlap, the calendar fills. */
function reservation(listing: Listing) {
  const between = (min: number, max: number) => min + Math.floor(Math.random() * (max - min + 1));
  const start = addDays(listing.availableFrom, between(0, 179));
  return { listingId: listing.id, kw: between(1, 20) * 10, start, end: addDays(start, between(31, 120)) };
}

/** A closed loop: each worker sends its next reservation when the last one is answered; requests go round-robin over the apps. */
async function hammer(apps: RunningApp[], tokens: string[], listing: Listing, o: ReturnType<typeof options>): Promise<Run> {
  const recordFrom = performance.now() + o.warmup * 1000;
  const stopAt = recordFrom + o.seconds * 1000;
  const latencies: number[] = [];
  const run: Run = { decided: 0, seconds: 0, p50: 0, p99: 0, created: 0, refused: 0, other: new Map(), createdInAll: 0 };
  let next = 0;
  let lastEnd = recordFrom;

  async function worker() {
    while (performance.now() < stopAt) {
      const n = next++;
      const t0 = performance.now();
      let outcome: string;
      try {
        const response = await fetch(`${apps[n % apps.length]!.url}/api/v1/bookings`, {
          method: "POST",
          headers: { authorization: `Bearer ${tokens[n % tokens.length]}`, "content-type": "application/json" },
          body: JSON.stringify(reservation(listing)),
        });
        const body = await response.text();
        outcome = response.status === 201 || response.status === 409 ? String(response.status) : `${response.status} ${body.slice(0, 120)}`;
      } catch (error) {
        outcome = error instanceof Error ? error.message : String(error);
      }
      const t1 = performance.now();
      if (outcome === "201") run.createdInAll++;
      if (t0 < recordFrom) continue;
      lastEnd = Math.max(lastEnd, t1);
      latencies.push(t1 - t0);
      if (outcome === "201") run.created++;
      else if (outcome === "409") run.refused++;
      else run.other.set(outcome, (run.other.get(outcome) ?? 0) + 1);
    }
  }

  await Promise.all(Array.from({ length: o.connections }, worker));
  const sorted = Float64Array.from(latencies).sort();
  run.decided = run.created + run.refused;
  run.seconds = (lastEnd - recordFrom) / 1000;
  run.p50 = percentile(sorted, 0.5);
  run.p99 = percentile(sorted, 0.99);
  return run;
}

/** The day check, from the table alone: days on which counted bookings hold more than the capacity, the busiest day, the rows. */
async function dayCheck(db: Database, listingId: string) {
  const [row] = await rawRows<{ oversold: number; peak: number; bookings: number }>(
    db,
    sql`with days as (
          select d, coalesce(sum(b.kw), 0) as kw
            from listings l
            cross join generate_series(l.available_from::timestamp, l.available_until::timestamp - interval '1 day', interval '1 day') d
            left join bookings b
              on b.listing_id = l.id and b.start_date <= d and b.end_date > d
             and (b.status in ('awaiting_provider', 'confirmed', 'active') or (b.status = 'pending_deposit' and b.expires_at > now()))
           where l.id = ${listingId}
           group by d)
        select count(*) filter (where kw > ${CAPACITY_KW})::int as oversold, max(kw)::int as peak,
               (select count(*) from bookings where listing_id = ${listingId})::int as bookings
          from days`,
  );
  return row!;
}

const loadAverage = () => `load average ${os.loadavg().map((v) => v.toFixed(2)).join(" ")} (${os.cpus().length} cores)`;

function table(rows: { name: string; run: Run; check: Awaited<ReturnType<typeof dayCheck>> }[]) {
  const header = ["measured", "decided/s", "p50 ms", "p99 ms", "201", "409", "other", "oversold days", "bookings", "busiest day kW"];
  const body = rows.map(({ name, run, check }) => [
    name,
    (run.decided / run.seconds).toFixed(1),
    run.p50.toFixed(1),
    run.p99.toFixed(1),
    String(run.created),
    String(run.refused),
    String([...run.other.values()].reduce((a, b) => a + b, 0)),
    String(check.oversold),
    String(check.bookings),
    `${check.peak} of ${CAPACITY_KW}`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [line(header), ...body.map(line)].join("\n");
}

async function main() {
  const o = options();
  console.log(`Reservations: ${o.connections} connections, ${o.seconds} s measured after ${o.warmup} s warm-up, one ${CAPACITY_KW.toLocaleString("en-US")} kW listing per run, app from ${o.appDir}`);
  console.log(loadAverage());
  const url = await createTestDatabase("substation_resbench");
  const apps: RunningApp[] = [];
  const handle = await openDatabase(url);
  try {
    await migrateDatabase(url);
    const tokens = await buyerTokens(handle.db);
    const rows = [];
    for (const instances of [1, 2]) {
      while (apps.length < instances) apps.push(await startApp({ dir: o.appDir, port: o.port + apps.length, databaseUrl: url, poolSize: 10 }));
      const listing = await freshListing(handle.db);
      const run = await hammer(apps, tokens, listing, o);
      const check = await dayCheck(handle.db, listing.id);
      const name = instances === 1 ? `one app  (:${o.port})` : `two apps (:${o.port}+:${o.port + 1})`;
      rows.push({ name, run, check });
      for (const [what, times] of run.other) console.log(`${name}: ${times} × ${what}`);
      // Every 201, warm-up included, is one row; a mismatch would mean a lost or phantom booking.
      if (run.createdInAll !== check.bookings) console.log(`${name}: MISMATCH ${run.createdInAll} answers 201, ${check.bookings} booking rows`);
    }
    console.log(`\n${table(rows)}\n`);
    const oversold = rows.reduce((sum, r) => sum + r.check.oversold, 0);
    console.log(`${oversold === 0 ? "PASS" : "FAIL"}  oversold days: ${oversold} (must be 0)`);
    console.log(loadAverage());
    if (oversold > 0) process.exitCode = 1;
  } finally {
    await Promise.all(apps.map((app) => app.stop()));
    await handle.close();
    if (o.keep) console.log(`kept ${url}`);
    else await dropTestDatabase(url);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
