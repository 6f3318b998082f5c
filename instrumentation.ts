// Next calls register() once as a server starts: here it starts the background jobs that
// expire holds, lapse requests and start and complete bookings (lib/jobs/runner.ts).
export async function register() {
  // Next sets these two itself (NEXT_RUNTIME is inlined per bundle, so the Edge bundle drops
  // the rest); they are read here rather than in lib/env.ts so that the Edge runtime never
  // loads the Node-only modules below. `next build` runs this file in its page-data
  // workers too, which must not sweep (or even open) the database.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;

  const { env } = await import("@/lib/env");
  if (!env.jobsEnabled) return;
  const { startJobs } = await import("@/lib/jobs/runner");

  // Not awaited: the site serves while the queue starts, and a database that is not up yet
  // is retried instead of leaving holds to pile up until the next restart.
  const start = () => {
    startJobs().catch((error: unknown) => {
      console.error("[jobs] background jobs did not start; retrying in 30 s:", error);
      setTimeout(start, 30_000).unref();
    });
  };
  start();
}
