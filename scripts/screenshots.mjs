// By hand: screenshots of the main pages at desktop and phone widths, for looking at them.
// Usage: node scripts/screenshots.mjs http://127.0.0.1:3200 /tmp/shots  (server with demo data)
import fs from "node:fs";
import { chromium } from "@playwright/test";

const [base = "http://127.0.0.1:3200", out = "/tmp/shots", ...only] = process.argv.slice(2);
fs.mkdirSync(out, { recursive: true });
const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--no-first-run"];

const pages = [
  { name: "landing", path: "/" },
  { name: "sign-up", path: "/sign-up" },
  { name: "sign-in", path: "/sign-in" },
  { name: "calculator", path: "/calculators/mining" },
  { name: "miner-dashboard", path: "/dashboard", as: "miner@substation.test" },
  { name: "miner-sites", path: "/miner/sites", as: "miner@substation.test" },
  { name: "miner-site-new", path: "/miner/sites/new", as: "miner@substation.test" },
  { name: "miner-listings", path: "/miner/listings", as: "miner@substation.test" },
  { name: "miner-listing-new", path: "/miner/listings/new", as: "miner@substation.test" },
  { name: "tokens", path: "/settings/tokens", as: "miner@substation.test" },
  { name: "settings", path: "/settings", as: "miner@substation.test" },
  { name: "settings-organization", path: "/settings/organization", as: "miner@substation.test" },
  { name: "settings-security", path: "/settings/security", as: "miner@substation.test" },
  { name: "forgot-password", path: "/forgot-password" },
  { name: "reset-password-bad-link", path: "/reset-password?token=forged" },
  { name: "verify-email-bad-link", path: "/verify-email?token=forged" },
  { name: "buyer-dashboard", path: "/dashboard", as: "buyer@substation.test" },
  { name: "admin-dashboard", path: "/dashboard", as: "admin@substation.test" },
  { name: "outbox", path: "/dev/outbox" },
  { name: "search", path: "/search?cooling=direct_liquid,immersion&minKw=2000&from=2027-03-01&to=2029-03-01&maxPrice=15000&renewableMin=50" },
  { name: "gpu-fit", path: "/calculators/gpu-fit" },
  { name: "admin-queue", path: "/admin/listings", as: "admin@substation.test" },
  { name: "admin-metrics", path: "/admin/metrics", as: "admin@substation.test" },
  { name: "admin-orgs", path: "/admin/organizations", as: "admin@substation.test" },
  { name: "admin-audit", path: "/admin/audit", as: "admin@substation.test" },
  { name: "buyer-bookings", path: "/bookings", as: "buyer@substation.test" },
  { name: "miner-bookings", path: "/miner/bookings", as: "miner@substation.test" },
].filter((p) => only.length === 0 || only.includes(p.name));

const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ARGS });
const contexts = new Map();
async function contextFor(email, width) {
  const key = `${email ?? "anon"}:${width}`;
  if (contexts.has(key)) return contexts.get(key);
  const context = await browser.newContext({ viewport: { width, height: 900 }, deviceScaleFactor: 1 });
  if (email) {
    const page = await context.newPage();
    await page.goto(`${base}/sign-in`);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("substation-demo");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/dashboard/);
    await page.close();
  }
  contexts.set(key, context);
  return context;
}
for (const width of [1280, 390]) {
  for (const p of pages) {
    const page = await (await contextFor(p.as, width)).newPage();
    await page.goto(base + p.path, { waitUntil: "load" });
    await page.waitForTimeout(1200);
    const file = `${out}/${p.name}-${width}.png`;
    await page.screenshot({ path: file, fullPage: true });
    console.log(file);
    await page.close();
  }
}
await browser.close();
