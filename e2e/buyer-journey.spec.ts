import { expect, test } from "@playwright/test";
import { storageState } from "./support/accounts";

test.use({ storageState: storageState("buyer") });

test("search → listing page with the chosen kW and dates → GPU fit → search with its filters", async ({ page }) => {
  const from = `${new Date().getUTCFullYear() + 1}-03-01`;
  const to = `${new Date().getUTCFullYear() + 3}-03-01`;
  await page.goto(`/search?cooling=immersion,direct_liquid&minKw=1000&from=${from}&to=${to}`);
  const count = page.getByText(/listings? match/).first();
  await expect(count).toBeVisible();

  // The first result carries the need to its listing page.
  const first = page.locator("li[data-site-id]").first().getByRole("link").first();
  await first.click();
  await expect(page).toHaveURL(new RegExp(`/listings/[0-9a-f-]{36}\\?kw=1000&start=${from}&end=${to}`));
  await expect(page.getByRole("img", { name: /^Free capacity from/ })).toBeVisible();
  await expect(page.getByLabel("Capacity you need (kW)")).toHaveValue("1000");
  await expect(page.getByLabel("Start")).toHaveValue(from);
  await expect(page.getByRole("region", { name: "What it costs per GPU-hour" })).toBeVisible();

  // The GPU-fit calculator turns a cluster into search filters.
  await page.goto("/calculators/gpu-fit");
  await page.getByRole("link", { name: /Search listings that fit/ }).click();
  await expect(page).toHaveURL(/\/search\?minKw=\d+&minDensity=\d+&cooling=/);
  await expect(page.getByText(/listings? match/).first()).toBeVisible();
});
