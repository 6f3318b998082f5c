// Stops the e2e server, then drops the fresh database it ran on (scripts/e2e-server.sh
// wrote both its process id and the database's URL). Playwright would stop the server only
// after this teardown; dropping the database under it first cut its job queue's connections
// and printed their errors at the end of every run.
import fs from "node:fs";
import { dropTestDatabase } from "../scripts/test-database";

const PID_FILE = ".next/e2e-server.pid";
const URL_FILE = ".next/e2e-database-url";

export default async function teardown() {
  await stopServer();
  if (!fs.existsSync(URL_FILE) || process.env.KEEP_TEST_DATABASE) return;
  console.log("[teardown] dropping the e2e database");
  await dropTestDatabase(fs.readFileSync(URL_FILE, "utf8").trim());
  fs.rmSync(URL_FILE);
}

/** SIGTERM to the server's process group (next start and the server it forks), then waits up to 15 s for it to go. */
async function stopServer() {
  if (!fs.existsSync(PID_FILE)) return;
  const pid = Number(fs.readFileSync(PID_FILE, "utf8").trim());
  fs.rmSync(PID_FILE);
  if (!Number.isInteger(pid) || pid <= 1 || !signal(-pid, "SIGTERM") && !signal(pid, "SIGTERM")) return;
  for (let waited = 0; waited < 15_000 && signal(pid, 0); waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
}

/** Sends `sig`; false when there is no such process (or group) any more. */
function signal(target: number, sig: NodeJS.Signals | 0): boolean {
  try {
    process.kill(target, sig);
    return true;
  } catch {
    return false;
  }
}
