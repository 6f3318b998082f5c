import { expect, test } from "@playwright/test";

test("a visitor opens a search result's miner, sees its sites and track record, then a site's page", async ({ page }) => {
  await page.goto("/search");
  const card = page.locator("[data-listing-id]").first();
  const minerLink = card.locator('a[href^="/miners/"]');
  const minerName = (await minerLink.textContent())!.trim();
  await minerLink.click();

  await expect(page.getByRole("heading", { level: 1, name: minerName })).toBeVisible();
  await expect(page).toHaveTitle(new RegExp(minerName));
  const record = page.getByRole("region", { name: "Track record" });
  await expect(record.getByText("On Substation since")).toBeVisible();
  await expect(record.getByText("Answer rate")).toBeVisible();
  await expect(record.getByText("Median answer time")).toBeVisible();
  await expect(page.getByRole("group", { name: `Map of ${minerName}'s sites` })).toBeVisible();

  const sites = page.getByRole("region", { name: "Sites" });
  const siteLink = sites.getByRole("listitem").first().getByRole("link");
  const siteName = (await siteLink.textContent())!.trim();
  await siteLink.click();
  await expect(page.getByRole("heading", { level: 1, name: siteName })).toBeVisible();
  await expect(page.getByRole("link", { name: minerName })).toBeVisible();
  const open = page.getByRole("region", { name: "Capacity open here" });
  await expect(open.getByRole("table")).toBeVisible();
  await expect(open.getByRole("columnheader")).toHaveCount(7);
  await expect(page.getByRole("region", { name: "Power, cooling and network" })).toBeVisible();
});

test("a site or miner that is not public is a 404 page", async ({ page }) => {
  for (const path of ["/sites/00000000-0000-4000-8000-000000000000", "/miners/00000000-0000-4000-8000-000000000000", "/sites/not-an-id"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "We could not find that page" })).toBeVisible();
  }
});
