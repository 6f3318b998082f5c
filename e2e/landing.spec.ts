import { expect, test } from "@playwright/test";
import { e2eSql } from "./support/database";

test("the landing page shows the seeded marketplace's live figures", async ({ page }) => {
  const sql = e2eSql();
  const [expected] = await sql<{ kw: string; sites: number; countries: number }[]>`
    select coalesce(sum(l.capacity_kw), 0) as kw, count(distinct s.id)::int as sites, count(distinct s.country)::int as countries
    from listings l join sites s on s.id = l.site_id join organizations o on o.id = l.organization_id
    where l.status = 'published' and o.status = 'active'`;
  await sql.end();

  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Bitcoin mining sites");
  const mw = Number(expected!.kw) / 1000;
  expect(mw).toBeGreaterThan(0);
  await expect(page.getByTestId("figure-mw")).toHaveText(new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 }).format(mw));
  await expect(page.getByTestId("figure-sites")).toHaveText(String(expected!.sites));
  await expect(page.getByTestId("figure-countries")).toHaveText(String(expected!.countries));
  expect(expected!.countries).toBeGreaterThanOrEqual(10);

  await expect(page.getByRole("heading", { name: "Recently listed capacity" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main", exact: true }).getByRole("link", { name: "For miners" })).toBeVisible();
  await expect(page.getByRole("contentinfo")).toContainText("CBRE");
});

test("security headers are sent with pages and API answers", async ({ request }) => {
  const page = await request.get("/");
  const csp = page.headers()["content-security-policy"] ?? "";
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain("unsafe-eval");
  expect(page.headers()["x-content-type-options"]).toBe("nosniff");
  expect(page.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(page.headers()["x-powered-by"]).toBeUndefined();

  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  expect(await health.json()).toEqual({ status: "ok", db: "ok" });
});

test("an unknown page gets a helpful 404", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "We could not find that page" })).toBeVisible();
});
