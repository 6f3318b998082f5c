// The app under test: an optional production build in an isolated copy of the working tree
// (so the repo's own .next, rebuilt by others, is never touched), then `next start` on it.
// Never modifies the repository: git is only asked which files it has.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

// Written into a tree this script made, so it never empties a folder it did not create.
const TREE_MARKER = ".substation-bench-tree";

// Not part of the app, and `next build` type-checks every file the tsconfig includes: a
// half-written test elsewhere in the working tree must not stop the bench's build.
const NOT_APP = ["tests/", "e2e/", "bench/"];

/** Copies the working tree's tracked and untracked-but-not-ignored app files into `tree`, keeping its .next cache. */
export function prepareBuildTree(root: string, tree: string): void {
  const resolved = path.resolve(tree);
  if (resolved === path.resolve(root) || path.resolve(root).startsWith(`${resolved}${path.sep}`)) {
    throw new Error(`refusing to use ${resolved} as the build tree: it holds the repository`);
  }
  if (fs.existsSync(resolved) && fs.readdirSync(resolved).length > 0 && !fs.existsSync(path.join(resolved, TREE_MARKER))) {
    throw new Error(`refusing to empty ${resolved}: it was not made by the bench (no ${TREE_MARKER})`);
  }
  fs.mkdirSync(resolved, { recursive: true });
  for (const entry of fs.readdirSync(resolved)) {
    if (entry !== ".next" && entry !== TREE_MARKER) fs.rmSync(path.join(resolved, entry), { recursive: true, force: true });
  }
  fs.writeFileSync(path.join(resolved, TREE_MARKER), "made by bench/app-server.ts; emptied on each --build\n");
  const files = execFileSync("git", ["-C", root, "ls-files", "-z", "--cached", "--others", "--exclude-standard"], { encoding: "utf8" })
    .split("\0")
    .filter((file) => file && !NOT_APP.some((prefix) => file.startsWith(prefix)));
  for (const file of files) {
    const source = path.join(root, file);
    if (!fs.existsSync(source)) continue; // deleted in the working tree, still in the index
    const target = path.join(resolved, file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(source, target);
  }
  // Turbopack refuses a node_modules symlinked from outside the project ("Could not find the
  // Next.js package"), so the tree gets hard links instead: a real folder, made in seconds,
  // no extra space. Remade each time so it follows installs in the repository.
  const modules = path.join(resolved, "node_modules");
  fs.rmSync(modules, { recursive: true, force: true });
  execFileSync("cp", ["-al", path.join(root, "node_modules"), modules]);
}

export function buildApp(dir: string): void {
  execFileSync(path.join(dir, "node_modules/.bin/next"), ["build"], {
    cwd: dir,
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
}

export type RunningApp = { url: string; logTail: () => string; stop: () => Promise<void> };

export type StartOptions = { dir: string; port: number; databaseUrl: string; poolSize: number };

export async function startApp(o: StartOptions): Promise<RunningApp> {
  if (!fs.existsSync(path.join(o.dir, ".next/BUILD_ID"))) {
    throw new Error(`no production build in ${o.dir}: run \`npm run build\` there, or pass --build`);
  }
  const url = `http://127.0.0.1:${o.port}`;
  if (await answers(`${url}/api/health`)) throw new Error(`port ${o.port} is already taken: pass --port`);
  // The next binary itself (not npx), in its own process group, so stopping it stops next-server too.
  const child = spawn(path.join(o.dir, "node_modules/.bin/next"), ["start", "-H", "127.0.0.1", "-p", String(o.port)], {
    cwd: o.dir,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: o.databaseUrl,
      DB_POOL_SIZE: String(o.poolSize),
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      AUTH_TRUST_HOST: "true",
      // The search alone: the booking sweep would expire the seeded holds mid-run, and its
      // queue's polling would be counted as the search's statements.
      JOBS: "off",
    },
  });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString("utf8").split("\n").filter(Boolean));
    lines.splice(0, Math.max(0, lines.length - 40));
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const running: RunningApp = { url, logTail: () => lines.join("\n"), stop: () => stop(child) };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}):\n${running.logTail()}`);
    if (await answers(`${url}/api/health`)) return running;
    await new Promise((r) => setTimeout(r, 250));
  }
  await running.stop();
  throw new Error(`the app did not answer /api/health within 60 s:\n${running.logTail()}`);
}

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(2000) })).ok;
  } catch {
    return false;
  }
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  signalGroup(child.pid, "SIGTERM");
  const timeout = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), 5000).unref());
  if ((await Promise.race([exited, timeout])) === "timeout") {
    signalGroup(child.pid, "SIGKILL");
    await exited;
  }
}

/** Signals the group the server leads (next start and the next-server it forks); gone already is fine. */
function signalGroup(pid: number, signal: NodeJS.Signals) {
  try {
    process.kill(-pid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
  }
}
