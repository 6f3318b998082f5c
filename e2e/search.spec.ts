import { expect, test, type Page } from "@playwright/test";
import { e2eSql } from "./support/database";

/** "From March for 24 months": the next March 1st, so the seed's relative dates always cover it. */
function marchWindow(now = new Date()) {
  const year = now.getUTCMonth() >= 2 ? now.getUTCFullYear() + 1 : now.getUTCFullYear();
  return { from: `${year}-03-01`, to: `${year + 2}-03-01` };
}

const NEED = { cooling: ["direct_liquid", "immersion"], minKw: 2000, maxPriceCents: 15_000, renewableMin: 60, ...marchWindow() };

/**
 * The buyer's need counted straight from the tables, day by day (not the way the search
 * computes it): published listings of active organizations offering the whole window, with a
 * minimum term that fits it, and 2 MW free on every day after the bookings that count.
 */
async function countNeedInDatabase(): Promise<number> {
  const sql = e2eSql();
  try {
    const [row] = await sql<{ n: number }[]>`
      select count(*)::int as n
      from listings l join sites s on s.id = l.site_id join organizations o on o.id = l.organization_id
      where l.status = 'published' and o.status = 'active'
        and l.cooling::text in ${sql(NEED.cooling)}
        and l.price_cents_per_kw_month <= ${NEED.maxPriceCents}
        and s.renewable_share >= ${NEED.renewableMin}
        and l.available_from <= ${NEED.from}::date and l.available_until >= ${NEED.to}::date
        and (${NEED.from}::date + make_interval(months => l.min_term_months))::date <= ${NEED.to}::date
        and l.capacity_kw - coalesce((
          select max(used) from (
            select day, sum(b.kw) as used
            from generate_series(${NEED.from}::date, ${NEED.to}::date - 1, interval '1 day') as day
            join bookings b on b.listing_id = l.id and b.start_date <= day and b.end_date > day
            where b.status in ('awaiting_provider', 'confirmed', 'active') or (b.status = 'pending_deposit' and b.expires_at > now())
            group by day
          ) per_day
        ), 0) >= ${NEED.minKw}`;
    return row!.n;
  } finally {
    await sql.end();
  }
}

async function countPublished(): Promise<number> {
  const sql = e2eSql();
  try {
    const [row] = await sql<{ n: number }[]>`
      select count(*)::int as n from listings l join organizations o on o.id = l.organization_id
      where l.status = 'published' and o.status = 'active'`;
    return row!.n;
  } finally {
    await sql.end();
  }
}

const countText = (n: number) => (n === 1 ? "1 listing matches" : `${n} listings match`);
const filters = (page: Page) => page.getByRole("search", { name: "Filters" });
const results = (page: Page) => page.getByRole("list", { name: "Matching listings" }).getByRole("listitem");
const countHeading = (page: Page) => page.getByRole("heading", { level: 2, name: /match/ });
const query = (page: Page) => new URL(page.url()).searchParams;

test("the buyer's need typed into the filters updates the URL and the results without a page load", async ({ page }) => {
  const expected = await countNeedInDatabase();
  expect(expected).toBeGreaterThan(0);
  expect(expected).toBeLessThan(20);

  await page.goto("/search");
  await expect(page.getByRole("heading", { level: 1, name: "Search capacity" })).toBeVisible();
  // A full page load would lose this.
  await page.evaluate(() => ((window as unknown as { __marker: number }).__marker = 1));

  const form = filters(page);
  await form.getByLabel("Direct liquid").check();
  await form.getByLabel("Immersion", { exact: true }).check();
  await form.getByLabel("From", { exact: true }).fill(NEED.from);
  await form.getByLabel("To", { exact: true }).fill(NEED.to);
  await form.getByLabel("Minimum kW").fill(String(NEED.minKw));
  await form.getByLabel("Maximum price").fill("150");
  await form.getByLabel("Minimum renewable share").fill(String(NEED.renewableMin));

  await expect.poll(() => query(page).get("renewableMin")).toBe("60");
  const params = query(page);
  expect(params.get("cooling")).toBe("direct_liquid,immersion");
  expect(params.get("from")).toBe(NEED.from);
  expect(params.get("to")).toBe(NEED.to);
  expect(params.get("minKw")).toBe("2000");
  expect(params.get("maxPrice")).toBe("15000");
  expect(params.get("page")).toBeNull();

  await expect(countHeading(page)).toHaveText(countText(expected));
  await expect(results(page)).toHaveCount(expected);
  await expect(page.locator("section[aria-busy=true]")).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __marker?: number }).__marker)).toBe(1);

  // Each result shows its free kW over the window and carries the need to the listing page.
  const first = results(page).first();
  await expect(first).toContainText(/free of/);
  const href = await first.getByRole("link").first().getAttribute("href");
  expect(href).toMatch(new RegExp(`^/listings/[0-9a-f-]+\\?kw=2000&start=${NEED.from}&end=${NEED.to}$`));
});

test("hovering a result highlights its site's pin, and focusing a pin highlights its results", async ({ page }) => {
  await page.goto("/search?cooling=direct_liquid,immersion");
  const card = results(page).first();
  const siteId = await card.getAttribute("data-site-id");

  await card.hover();
  await expect(card).toHaveAttribute("data-highlighted", "true");
  await expect(page.locator(`[data-highlighted-site="${siteId}"]`)).toBeVisible();
  await page.mouse.move(0, 0);
  await expect(page.locator("[data-highlighted-site]")).toHaveCount(0);

  // Pins follow the list's order, so the first pin is the first result's site.
  const pins = page.getByRole("group", { name: /^Map of/ }).getByRole("button");
  await pins.first().focus();
  await expect(page.locator(`[data-highlighted-site="${siteId}"]`)).toBeVisible();
  await expect(results(page).and(page.locator(`[data-site-id="${siteId}"]`)).first()).toHaveAttribute("data-highlighted", "true");
  await page.keyboard.press("Enter");
  await expect(pins.first()).toHaveAttribute("aria-current", "true");
  await expect(page.getByText(/matching listings?, .* offered\./)).toBeVisible();
});

test("sites off this page are dots on the map: not in the Tab order, but the pointer highlights and selects them", async ({ page }) => {
  await page.goto("/search?pageSize=2");
  const map = page.getByRole("group", { name: /^Map of the \d+ sites/ });
  const pageSites = await results(page).evaluateAll((cards) => cards.map((card) => card.getAttribute("data-site-id")));
  expect(await map.getByRole("button").count()).toBe(new Set(pageSites).size);

  // The centre of a dot far from the page's pins, in the page's coordinates.
  const dot = await map.evaluate((svg) => {
    const matrix = (svg as SVGSVGElement).getScreenCTM()!;
    const points = (selector: string, read: (el: Element) => [number, number][]) => [...svg.querySelectorAll(selector)].flatMap(read);
    const dots = points("g[aria-hidden] path[class*=stroke-volt-400], g[aria-hidden] path[class*=stroke-slate-400]", (path) =>
      [...path.getAttribute("d")!.matchAll(/M([\d.]+) ([\d.]+)h0/g)].map((m) => [Number(m[1]), Number(m[2])] as [number, number]),
    );
    const pins = points("[role=button] circle:first-child", (c) => [[Number(c.getAttribute("cx")), Number(c.getAttribute("cy"))]]);
    const far = dots.find(([x, y]) => pins.every(([px, py]) => Math.hypot(px - x, py - y) > 40) && dots.filter(([dx, dy]) => Math.hypot(dx - x, dy - y) < 20).length === 1)!;
    const point = new DOMPoint(far[0], far[1]).matrixTransform(matrix);
    return { x: point.x, y: point.y };
  });

  await page.mouse.move(dot.x, dot.y);
  const highlighted = await page.locator("[data-highlighted-site]").getAttribute("data-highlighted-site");
  expect(highlighted).toBeTruthy();
  expect(pageSites).not.toContain(highlighted);
  await page.mouse.click(dot.x, dot.y);
  await expect(page.locator(`[data-selected-site="${highlighted}"]`)).toBeVisible();
  await expect(page.getByText(/matching listings?, .* offered\. None on this page\./)).toBeVisible();
  await page.screenshot({ path: "test-results/search-map-dot-selected.png" });
});

test("the Back button restores the previous filters and their results", async ({ page }) => {
  await page.goto("/search?cooling=immersion");
  const before = (await countHeading(page).textContent())!;
  await page.evaluate(() => ((window as unknown as { __marker: number }).__marker = 1));

  await filters(page).getByLabel("Verified sites only").check();
  await expect.poll(() => query(page).get("verified")).toBe("true");
  await expect(countHeading(page)).not.toHaveText(before);

  await page.goBack();
  await expect.poll(() => query(page).get("verified")).toBeNull();
  await expect(countHeading(page)).toHaveText(before);
  await expect(filters(page).getByLabel("Verified sites only")).not.toBeChecked();
  await expect(filters(page).getByLabel("Immersion", { exact: true })).toBeChecked();
  expect(await page.evaluate(() => (window as unknown as { __marker?: number }).__marker)).toBe(1);
});

test("nonsense parameters are explained on the page, not answered with a 500", async ({ page }) => {
  const response = await page.goto("/search?cooling=plasma&from=2027-05-01&to=2027-01-01");
  expect(response?.status()).toBe(200);
  const alert = page.getByRole("alert").filter({ hasText: "could not be used" });
  await expect(alert).toContainText("Cooling is one of air, hydro, immersion, direct_liquid");
  await expect(alert).toContainText("The end date must come after the start date.");
  await expect(filters(page).getByText("The end date must come after the start date.")).toBeVisible();
  // The rest of the search still runs.
  await expect(countHeading(page)).toHaveText(countText(await countPublished()));
});

test("pagination moves through the matches and keeps the other parameters", async ({ page }) => {
  const total = await countPublished();
  expect(total).toBeGreaterThan(20);
  await page.goto("/search?sort=price");
  const pagination = page.getByRole("navigation", { name: "Pagination" });
  await expect(page.getByText("Showing 1–20")).toBeVisible();
  await expect(pagination.getByText("Previous")).toHaveAttribute("aria-disabled", "true");
  await expect(pagination.getByRole("link", { name: "Page 1" })).toHaveAttribute("aria-current", "page");

  await pagination.getByRole("link", { name: "Next" }).click();
  await expect.poll(() => query(page).get("page")).toBe("2");
  expect(query(page).get("sort")).toBe("price");
  await expect(page.getByText(`Showing 21–${Math.min(40, total)}`)).toBeVisible();
  await expect(pagination.getByRole("link", { name: "Page 2" })).toHaveAttribute("aria-current", "page");
  await expect(results(page)).toHaveCount(Math.min(20, total - 20));

  await pagination.getByRole("link", { name: "Previous" }).click();
  await expect.poll(() => query(page).get("page")).toBeNull();
  await expect(page.getByText("Showing 1–20")).toBeVisible();
});
