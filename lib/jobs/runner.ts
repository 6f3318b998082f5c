// Runs the booking sweeps (lib/jobs/sweeps.ts) in the background, so that holds expire,
// requests lapse and bookings start and complete even when nobody looks.
//
// With DATABASE_URL: pg-boss, a job queue kept in PostgreSQL (its own schema, `pgboss`,
// in our database). Every instance schedules "booking-sweep" each minute and works the
// queue, yet the sweep runs once a minute in all: pg-boss's cron lets one instance per
// minute enqueue, with a singleton key per minute slot, and the queue's "stately" policy
// keeps at most one sweep queued and one running across every instance. If an instance
// dies mid-sweep its transaction rolls back, and the job times out and the next minute's
// runs. The sweep is safe to overlap anyway (see sweeps.ts), so this only saves work.
//
// Without DATABASE_URL: the embedded PGlite, which is one process by design (two would
// lose writes). pg-boss cannot run on it, and no other instance exists to miss a timer,
// so a plain interval in this process is the whole truth there.
import "server-only";
import PgBoss from "pg-boss";
import { getDb } from "@/db";
import { env } from "@/lib/env";
import { paymentProvider } from "@/lib/payments";
import { runSweeps, sweepDueReviews, sweepUnreadMessageMail, type SweepCounts } from "./sweeps";

export const SWEEP_QUEUE = "booking-sweep";
const EMBEDDED_SWEEP_MS = 30_000;

export type Jobs = { kind: "pg-boss"; boss: PgBoss; stop: () => Promise<void> } | { kind: "interval"; stop: () => Promise<void> };

// On globalThis so that dev's module reloads (and a second register()) find the running jobs.
const globalForJobs = globalThis as unknown as { substationJobs?: Promise<Jobs>; substationJobsSignals?: boolean };

/** Starts the background jobs once per process; later calls return the same jobs. */
export function startJobs(): Promise<Jobs> {
  globalForJobs.substationJobs ??= (env.databaseUrl ? startPgBoss(env.databaseUrl) : startInterval()).catch((error: unknown) => {
    globalForJobs.substationJobs = undefined;
    throw error;
  });
  stopOnSignals();
  return globalForJobs.substationJobs;
}

/** Stops them, letting a running sweep finish (its work is transactional either way). */
export async function stopJobs(): Promise<void> {
  const jobs = globalForJobs.substationJobs;
  globalForJobs.substationJobs = undefined;
  if (jobs) await (await jobs).stop();
}

/** One sweep with the process's database and payment provider: unread-message mail and due reviews, then the bookings (whose sweep delivers mail). */
export async function sweepNow(now = new Date()): Promise<SweepCounts & { messageMail: number; reviewsPublished: number }> {
  const appUrl = env.appUrl?.replace(/\/+$/, "") ?? "http://localhost:3000";
  const db = await getDb();
  const messageMail = await sweepUnreadMessageMail(db, { appUrl }, now);
  const reviewsPublished = await sweepDueReviews(db, { appUrl }, now);
  return { ...(await runSweeps(db, { provider: await paymentProvider(), appUrl }, now)), messageMail, reviewsPublished };
}

async function startPgBoss(connectionString: string): Promise<Jobs> {
  // Two connections: the queue's own polling and upkeep are light; the sweep itself uses
  // the app's pool (db/connection.ts).
  const boss = new PgBoss({ connectionString, schema: "pgboss", max: 2, application_name: "substation-jobs" });
  boss.on("error", (error) => console.error("[jobs] pg-boss:", error));
  await boss.start();
  // A sweep that has run five minutes is presumed dead (its instance stopped): pg-boss
  // fails it so the next can start. No retries: the next minute's sweep is the retry.
  await boss.createQueue(SWEEP_QUEUE, { name: SWEEP_QUEUE, policy: "stately", retryLimit: 0, expireInSeconds: 300 });
  await boss.schedule(SWEEP_QUEUE, "* * * * *");
  await boss.work(SWEEP_QUEUE, { pollingIntervalSeconds: 5 }, async () => {
    const counts = await sweepNow();
    if (counts.expired + counts.lapsed + counts.released + counts.started + counts.completed > 0) console.log("[jobs] booking sweep:", counts);
    return counts;
  });
  return { kind: "pg-boss", boss, stop: () => boss.stop({ graceful: true, wait: true, timeout: 10_000 }) };
}

async function startInterval(): Promise<Jobs> {
  let running: Promise<unknown> | null = null;
  const tick = () => {
    // A sweep slower than the interval is not started twice over itself.
    running ??= sweepNow()
      .catch((error: unknown) => console.error("[jobs] booking sweep failed:", error))
      .finally(() => (running = null));
  };
  tick();
  const timer = setInterval(tick, EMBEDDED_SWEEP_MS);
  timer.unref();
  return {
    kind: "interval",
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}

function stopOnSignals() {
  if (globalForJobs.substationJobsSignals) return;
  globalForJobs.substationJobsSignals = true;
  // Next closes its server on these signals too and then exits; stopping here lets a
  // sweep in progress finish if there is time, and an unfinished one rolls back. When
  // nobody else listens (a script, NEXT_MANUAL_SIG_HANDLE), the signal is raised again
  // once stopped, so the process still ends as it would have.
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      void stopJobs()
        .catch((error: unknown) => console.error("[jobs] stop failed:", error))
        .finally(() => {
          if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
        });
    });
  }
}
