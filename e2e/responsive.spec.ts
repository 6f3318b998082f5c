import { expect, test } from "@playwright/test";
import { storageState } from "./support/accounts";

// The header's compact nav scrolls sideways on a phone; nothing in it (the unread badge's
// screen-reader text was one) may widen the page itself.
for (const role of ["miner", "buyer"] as const) {
  test.describe(`signed in as the demo ${role} at 390 px`, () => {
    test.use({ storageState: storageState(role), viewport: { width: 390, height: 844 } });
    for (const path of ["/dashboard", "/messages", "/settings", "/settings/security", "/settings/organization"]) {
      test(`${path} has no horizontal scroll`, async ({ page }) => {
        await page.goto(path);
        await expect(page.getByRole("navigation", { name: "Main (compact)" })).toBeVisible();
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      });
    }
  });
}
