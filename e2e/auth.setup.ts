import { expect, test as setup } from "@playwright/test";
import { SignInPage } from "./pages/auth-pages";
import { DEMO, DEMO_PASSWORD, storageState } from "./support/accounts";

for (const role of ["buyer", "miner", "admin"] as const) {
  setup(`sign in once as the demo ${role}`, async ({ page }) => {
    const signIn = new SignInPage(page);
    await signIn.open();
    await signIn.signIn(DEMO[role], DEMO_PASSWORD);
    await expect(page).toHaveURL(/\/dashboard/);
    await page.context().storageState({ path: storageState(role) });
  });
}
