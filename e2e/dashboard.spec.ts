import { expect, test } from "@playwright/test";
import { storageState } from "./support/accounts";

test.describe("as the demo miner", () => {
  test.use({ storageState: storageState("miner") });

  test("the dashboard shows the organization's sites, listings and requests", async ({ page }) => {
    await page.goto("/dashboard");
    await expect(page.getByText(/^Miner · /)).toBeVisible();
    await expect(page.getByRole("heading", { name: "Listings by status" })).toBeVisible();
    const main = page.getByRole("main");
    await expect(main.getByText("Published", { exact: true }).first()).toBeVisible();
    await expect(main.getByRole("heading", { name: "Requests awaiting your answer" })).toBeVisible();
    await expect(main.getByRole("heading", { name: "Occupancy" })).toBeVisible();
    await expect(main.getByRole("heading", { name: "Revenue by month" })).toBeVisible();
  });

  test("the header shows the signed-in user's menu", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("button", { name: "Account menu" }).click();
    const menu = page.getByRole("menu");
    await expect(menu).toContainText("miner@substation.test");
    await page.keyboard.press("Escape");
    await expect(menu).toBeHidden();
  });
});

test.describe("as the demo admin", () => {
  test.use({ storageState: storageState("admin") });

  test("the dashboard shows the marketplace's queue", async ({ page }) => {
    await page.goto("/dashboard");
    await expect(page.getByText("Marketplace admin", { exact: true })).toBeVisible();
    await expect(page.getByText("Listings awaiting review")).toBeVisible();
  });
});

test("signed-out visitors of private pages are sent to sign in", async ({ page }) => {
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fdashboard/);
});
