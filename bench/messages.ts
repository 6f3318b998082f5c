// The conversations benchmark, run by hand: seeds a marketplace with many threads and
// messages into a fresh local database, prints the plans of the inbox and thread-page
// statements (no sequential scan over messages), and measures GET /api/v1/threads and
// GET /api/v1/threads/{id} under concurrent load beside a static route in the same run.
//
//   npx tsx --conditions=react-server bench/messages.ts [--threads 20000] [--messages 400000]
//     [--connections 50] [--seconds 15] [--warmup 3] [--pool 10] [--port 3410]
//     [--build [--tree /tmp/bench-tree] | --app-dir <path>] [--keep] [--plans-only]
//
// `--conditions=react-server` makes the queries' `import "server-only"` resolve outside Next.
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import postgres from "postgres";
import { migrateDatabase } from "@/db/migrate";
import type { Actor } from "@/lib/auth/policy";
import { createTestDatabase, dropTestDatabase } from "@/scripts/test-database";
import { buildApp, prepareBuildTree, startApp, type RunningApp } from "./app-server";
import { runLoad, type LoadResult, type Task } from "./load";
import { loadTable, num, ratio, section, verdict } from "./report";
import { seedLarge } from "./seed-large";
import { captureStatements, explain } from "./sql-probe";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const BUYERS = 100;
const MEASURED_USERS = 20;

function options() {
  const { values } = parseArgs({
    options: {
      threads: { type: "string", default: "20000" },
      messages: { type: "string", default: "400000" },
      connections: { type: "string", default: "50" },
      seconds: { type: "string", default: "15" },
      warmup: { type: "string", default: "3" },
      pool: { type: "string", default: "10" },
      port: { type: "string", default: "3410" },
      build: { type: "boolean", default: false },
      tree: { type: "string", default: path.join(os.tmpdir(), "bench-tree") },
      "app-dir": { type: "string" },
      keep: { type: "boolean", default: false },
      "plans-only": { type: "boolean", default: false },
    },
  });
  const int = (name: keyof typeof values, min: number) => {
    const n = Number(values[name]);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be a whole number ≥ ${min}`);
    return n;
  };
  const threads = int("threads", 100);
  return {
    threads,
    perThread: Math.max(1, Math.round(int("messages", 100) / threads)),
    // Enough listings that every (listing, buyer) inquiry pair is distinct.
    listings: Math.max(200, Math.ceil(threads / 10)),
    connections: int("connections", 1),
    seconds: int("seconds", 1),
    warmup: int("warmup", 0),
    pool: int("pool", 1),
    port: int("port", 1),
    build: values.build === true,
    appDir: path.resolve(values.build ? values.tree! : (values["app-dir"] ?? ROOT)),
    keep: values.keep === true,
    plansOnly: values["plans-only"] === true,
  };
}
type Options = ReturnType<typeof options>;

/**
 * Users (one per organization), inquiry threads spread over every buyer and the listings'
 * miners, `perThread` messages each alternating between the two sides over the last 90
 * days, and read positions for half the buyers' threads. Bulk-loaded with the per-row
 * trigger off (session_replication_role = replica), then last_message_at fixed in one UPDATE.
 */
async function seedConversations(url: string, o: Options) {
  const started = performance.now();
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await sql`select setseed(0.11)`;
    await sql`
      insert into users (email, name, password_hash, role, organization_id, member_role, email_verified_at)
      select 'bench-' || o.slug || '@example.test', 'Bench ' || o.name, 'not-a-real-hash', o.kind::text::user_role, o.id, 'owner', now()
      from organizations o`;
    await sql`create temporary table bench_l as
      select l.id, l.organization_id, row_number() over (order by l.id) - 1 as n from listings l
      join organizations o on o.id = l.organization_id where l.status = 'published' and o.status = 'active'`;
    await sql`create temporary table bench_b as
      select o.id, u.id as user_id, row_number() over (order by o.id) - 1 as n from organizations o join users u on u.organization_id = o.id where o.kind = 'buyer'`;
    const [{ listings }] = (await sql`select count(*)::int as listings from bench_l`) as unknown as [{ listings: number }];
    const [{ buyers }] = (await sql`select count(*)::int as buyers from bench_b`) as unknown as [{ buyers: number }];
    // Thread i: listing i mod L and buyer (i div L + i mod L) mod B: distinct (listing, buyer) pairs while i < L × B.
    await sql`
      insert into message_threads (kind, listing_id, buyer_organization_id, miner_organization_id, created_at, last_message_at)
      select 'inquiry', l.id, b.id, l.organization_id, t.at, t.at
      from (select g, now() - random() * interval '90 days' as at from generate_series(0, ${o.threads - 1}) g) t
      join bench_l l on l.n = t.g % ${listings}
      join bench_b b on b.n = (t.g / ${listings} + t.g % ${listings}) % ${buyers}`;
    await sql`set session_replication_role = replica`;
    await sql`
      insert into messages (thread_id, author_user_id, body, created_at, mail_checked_at)
      select t.id, case when g % 2 = 0 then bu.id else mu.id end,
             'Bench message ' || g || ': what is the interconnection voltage, the SLA for cooling, and can we visit the site in March?',
             t.created_at + g * interval '37 minutes', t.created_at + g * interval '37 minutes'
      from message_threads t
      join users bu on bu.organization_id = t.buyer_organization_id
      join users mu on mu.organization_id = t.miner_organization_id
      cross join generate_series(1, ${o.perThread}) g`;
    await sql`set session_replication_role = origin`;
    await sql`update message_threads t set last_message_at = m.newest from (select thread_id, max(created_at) as newest from messages group by thread_id) m where m.thread_id = t.id`;
    // Half of each buyer's threads read halfway: some unread, some not, as a live inbox is.
    await sql`
      insert into thread_reads (thread_id, user_id, last_read_at)
      select t.id, u.id, t.created_at + (${o.perThread} / 2) * interval '37 minutes'
      from message_threads t join users u on u.organization_id = t.buyer_organization_id
      where hashtext(t.id::text) % 2 = 0`;
    await sql`vacuum analyze`;
    const [counts] = await sql`select (select count(*)::int from message_threads) as threads, (select count(*)::int from messages) as messages`;
    return { threads: counts!.threads as number, messages: counts!.messages as number, listings, buyers, seconds: (performance.now() - started) / 1000 };
  } finally {
    await sql.end({ timeout: 5 });
  }
}

type Caller = { actor: Actor; token: string; threadIds: string[] };

/** The busiest buyers and miners, each with an API token and the ids of some of their threads. */
async function makeCallers(url: string): Promise<Caller[]> {
  const { hashToken } = await import("@/db/queries/api-tokens");
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const rows = await sql<{ user_id: string; role: "buyer" | "miner"; organization_id: string; threads: string[] }[]>`
      with busiest as (
        select o.id, o.kind, count(*) as n from organizations o
        join message_threads t on t.buyer_organization_id = o.id or t.miner_organization_id = o.id
        group by o.id, o.kind)
      (select u.id as user_id, u.role::text as role, u.organization_id,
              (select array_agg(t.id) from (select t.id from message_threads t where t.buyer_organization_id = u.organization_id order by t.id limit 50) t) as threads
       from busiest b join users u on u.organization_id = b.id where b.kind = 'buyer' order by b.n desc limit ${MEASURED_USERS / 2})
      union all
      (select u.id, u.role::text, u.organization_id,
              (select array_agg(t.id) from (select t.id from message_threads t where t.miner_organization_id = u.organization_id order by t.id limit 50) t)
       from busiest b join users u on u.organization_id = b.id where b.kind = 'miner' order by b.n desc limit ${MEASURED_USERS / 2})`;
    const callers: Caller[] = [];
    for (const [i, row] of rows.entries()) {
      const token = `sub_bench_messages_${i}_${Math.random().toString(36).slice(2)}`;
      await sql`insert into api_tokens (user_id, name, token_hash, prefix) values (${row.user_id}, 'bench', ${hashToken(token)}, ${token.slice(0, 12)})`;
      callers.push({ actor: { userId: row.user_id, role: row.role, organizationId: row.organization_id }, token, threadIds: row.threads ?? [] });
    }
    return callers;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** GETs with a bearer token over keep-alive sockets; fails on any status but 200. */
function authedTask(agent: http.Agent, base: string, requests: { path: string; token?: string }[]): Task {
  return (n) =>
    new Promise((resolve, reject) => {
      const { path: p, token } = requests[n % requests.length]!;
      const req = http.get(base + p, { agent, headers: token ? { authorization: `Bearer ${token}` } : {} }, (response) => {
        let bytes = 0;
        response.on("data", (chunk: Buffer) => (bytes += chunk.length));
        response.on("end", () => (response.statusCode === 200 ? resolve(bytes) : reject(new Error(`HTTP ${response.statusCode}`))));
        response.on("error", reject);
      });
      req.on("error", reject);
    });
}

async function printPlans(url: string, callers: Caller[]) {
  const { listThreads, getThread } = await import("@/db/queries/messages");
  const buyer = callers.find((c) => c.actor.role === "buyer")!;
  const miner = callers.find((c) => c.actor.role === "miner")!;
  const cases: [string, (db: Parameters<typeof listThreads>[0]) => Promise<unknown>][] = [
    [`inbox of the busiest buyer`, (db) => listThreads(db, buyer.actor)],
    [`inbox of the busiest miner`, (db) => listThreads(db, miner.actor)],
    [`thread page (newest ${50}), as the miner`, (db) => getThread(db, miner.actor, miner.threadIds[0]!, { markRead: false })],
  ];
  let seqScans = 0;
  for (const [label, run] of cases) {
    const statements = await captureStatements(url, run);
    console.log(section(`${label}: ${statements.length} statement${statements.length === 1 ? "" : "s"}`));
    for (const statement of statements) {
      const plan = await explain(url, statement);
      console.log(plan.custom);
      if (/Seq Scan on messages/.test(plan.custom) || /Seq Scan on messages/.test(plan.generic)) seqScans++;
    }
  }
  console.log(verdict(seqScans === 0, "no Seq Scan on messages in any plan (custom or generic)"));
}

const loadAverage = () => os.loadavg().map((l) => l.toFixed(1)).join(" ");

async function main() {
  const o = options();
  console.log(`messages bench · ${new Date().toISOString()} · ${os.cpus().length} cores · node ${process.version} · load average ${loadAverage()}`);
  const url = await createTestDatabase("substation_benchmsg");
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
    await seedLarge(url, { listings: o.listings, bookings: 0, sites: Math.max(10, Math.round(o.listings / 5)), miners: Math.max(5, Math.round(o.listings / 33)), buyers: BUYERS });
    const seed = await seedConversations(url, o);
    console.log(`${seed.threads} threads with ${seed.messages} messages between ${seed.buyers} buyers and the miners of ${seed.listings} listings; seeded in ${seed.seconds.toFixed(1)} s`);
    const callers = await makeCallers(url);
    await printPlans(url, callers);
    if (o.plansOnly) return;

    if (o.build) {
      console.log(section(`build in ${o.appDir}`));
      prepareBuildTree(ROOT, o.appDir);
      buildApp(o.appDir);
    }
    app = await startApp({ dir: o.appDir, port: o.port, databaseUrl: url, poolSize: o.pool });
    console.log(section(`load: ${o.connections} connections, ${o.seconds} s each after ${o.warmup} s warm-up, app pool ${o.pool}`));
    const agent = new http.Agent({ keepAlive: true, maxSockets: o.connections });
    const load = { connections: o.connections, seconds: o.seconds, warmupSeconds: o.warmup };
    const measure = async (name: string, task: Task) => {
      const result = await runLoad(task, load);
      console.log(`${name}: ${num(result.rps)} req/s, p99 ${num(result.p99)} ms${result.errors ? `, ${result.errors} errors (${result.firstError})` : ""}`);
      return result;
    };
    const inbox = await measure("GET /api/v1/threads", authedTask(agent, app.url, callers.map((c) => ({ path: "/api/v1/threads", token: c.token }))));
    const pages = callers.flatMap((c) => c.threadIds.map((id) => ({ path: `/api/v1/threads/${id}`, token: c.token })));
    const thread = await measure("GET /api/v1/threads/{id}", authedTask(agent, app.url, pages));
    const fixed: LoadResult = await measure("static /api/v1/openapi.json", authedTask(agent, app.url, [{ path: "/api/v1/openapi.json" }]));
    agent.destroy();
    console.log(section("results"));
    console.log(
      loadTable([
        { name: "inbox GET /api/v1/threads", result: inbox },
        { name: "thread GET /api/v1/threads/{id}", result: thread },
        { name: "static GET /api/v1/openapi.json", result: fixed },
      ]),
    );
    console.log(`inbox / static: ${num(ratio(inbox, fixed), 2)} · thread / static: ${num(ratio(thread, fixed), 2)} · load average ${loadAverage()}`);
  } catch (error) {
    if (app) console.error(`\nlast lines of the app's log:\n${app.logTail()}`);
    throw error;
  } finally {
    await cleanup();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
