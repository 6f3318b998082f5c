import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createBooking } from "@/db/queries/bookings";
import { getHandle, rawRows } from "@/db/connection";
import { migrateDatabase } from "@/db/migrate";
import { bookings, bookingTransitions } from "@/db/schema";
import { startJobs, stopJobs, SWEEP_QUEUE } from "@/lib/jobs/runner";
import { dropTestDatabase } from "../../scripts/test-database";
import { makeAccount } from "../support/fixtures";
import { publishedListing, window } from "../support/bookings";

// The job sweeps every due booking in its database, so this file gets a database of its
// own: in the shared one it would lapse other files' overdue requests while they look.
const databaseUrl = await vi.hoisted(async () => {
  const { createTestDatabase } = await import("../../scripts/test-database");
  const url = await createTestDatabase("substation_jobs");
  process.env.DATABASE_URL = url;
  return url;
});

beforeAll(() => migrateDatabase(databaseUrl));
afterAll(async () => {
  await stopJobs();
  await (await getHandle()).close();
  await dropTestDatabase(databaseUrl);
});

async function until<T>(probe: () => Promise<T | undefined | null | false>, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe("background jobs on pg-boss", () => {
  it("expires an overdue hold through the booking-sweep job, scheduled each minute, and stops without leaving connections", { timeout: 60_000 }, async () => {
    const { listing } = await publishedListing();
    const buyer = await makeAccount("buyer");
    const stale = await createBooking(buyer.db, buyer.actor, { listingId: listing.id, kw: 100, ...window(listing.availableFrom, 0, 60) }, { now: new Date(Date.now() - 31 * 60_000) });

    const jobs = await startJobs();
    if (jobs.kind !== "pg-boss") throw new Error(`expected pg-boss, got ${jobs.kind}`);
    expect(await startJobs()).toBe(jobs);
    const { boss } = jobs;
    expect(await boss.getSchedules()).toContainEqual(expect.objectContaining({ name: SWEEP_QUEUE, cron: "* * * * *" }));

    // Its own singleton key, so it queues beside the sweep the schedule may already have sent.
    const jobId = await boss.send(SWEEP_QUEUE, {}, { singletonKey: "test" });
    expect(jobId).toBeTruthy();
    const job = await until(async () => {
      const found = await boss.getJobById(SWEEP_QUEUE, jobId!);
      return found?.state === "completed" && found;
    }, "the sweep job to complete");
    expect(job.output).toMatchObject({ lapsed: 0, started: 0, completed: 0 });

    const [row] = await buyer.db.select({ status: bookings.status }).from(bookings).where(eq(bookings.id, stale.id));
    expect(row!.status).toBe("expired");
    const moves = await buyer.db
      .select({ to: bookingTransitions.toStatus })
      .from(bookingTransitions)
      .where(and(eq(bookingTransitions.bookingId, stale.id), eq(bookingTransitions.actorKind, "system")));
    expect(moves).toEqual([{ to: "expired" }]);

    const connections = async () => {
      const rows = await rawRows<{ n: number }>(buyer.db, sql`select count(*)::int as n from pg_stat_activity where application_name = 'substation-jobs' and datname = current_database()`);
      return rows[0]!.n;
    };
    expect(await connections()).toBeGreaterThan(0);
    await stopJobs();
    await until(async () => (await connections()) === 0, "pg-boss's connections to close", 5_000);
  });
});
