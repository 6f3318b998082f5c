// The miner turns on two-factor sign-in and signs in again with an authenticator code, then
// with a recovery code; a script signs in with the code in one request. miner2 gets its
// password-only sign-in back at the end, for any spec that signs in as it later.
import fs from "node:fs";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import { SignInPage, signOut } from "./pages/auth-pages";
import { DEMO, DEMO_PASSWORD } from "./support/accounts";

const SHOTS = "test-results/two-factor";

/** Codes as the user's phone would show them, each 30-second step used at most once (the server refuses replays). */
function authenticator(base32: string) {
  const totp = new TOTP({ secret: Secret.fromBase32(base32), period: 30 });
  let lastStep = -1;
  return {
    claim(step: number) {
      lastStep = Math.max(lastStep, step);
      return totp.generate({ timestamp: step * 30_000 });
    },
    /** The current step's code, or the next one's (accepted as clock drift) if the current one was used. */
    async fresh(): Promise<string> {
      for (;;) {
        const now = Math.floor(Date.now() / 30_000);
        if (now > lastStep) return this.claim(now);
        if (now + 1 > lastStep) return this.claim(now + 1);
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      }
    },
  };
}

async function shoot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}-1280.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SHOTS}/${name}-390.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 720 });
}

async function sessionEmail(request: APIRequestContext): Promise<string | undefined> {
  const session = await (await request.get("/api/auth/session")).json();
  return session?.user?.email;
}

test("the miner turns on two-factor sign-in and signs in again with an authenticator code, then a recovery code", async ({ page, playwright, baseURL }) => {
  test.setTimeout(120_000);
  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signIn(DEMO.miner2, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/dashboard/);

  // Enrol: the QR code and the key in text; a wrong first code turns nothing on.
  await page.goto("/settings/security");
  await expect(page.getByRole("heading", { level: 2, name: /^Two-factor sign-in/ })).toContainText("Off");
  await page.getByRole("button", { name: "Set up authenticator" }).click();
  await expect(page.getByRole("img", { name: /QR code that adds your Substation account/ })).toBeVisible();
  const grouped = (await page.getByLabel("Setup key").textContent())!;
  expect(grouped).toMatch(/^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$/);
  const phone = authenticator(grouped.replace(/\s+/g, ""));
  await expect(page.getByLabel("6-digit code")).toBeFocused();
  await shoot(page, "enrol");

  await page.getByLabel("6-digit code").fill("12345");
  await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  await expect(page.getByText("Enter the 6-digit code from your authenticator app.")).toBeVisible();

  await page.getByLabel("6-digit code").fill(await phone.fresh());
  await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  const codesBox = page.getByRole("region", { name: /Save your recovery codes/ });
  await expect(codesBox).toBeVisible();
  const recovery = (await codesBox.getByRole("list", { name: "Recovery codes" }).getByRole("listitem").allTextContents()).map((c) => c.trim());
  expect(recovery).toHaveLength(10);
  await expect(codesBox).toContainText("They will not be shown again");
  await expect(page.getByRole("heading", { level: 2, name: /^Two-factor sign-in/ })).toContainText("On");
  await expect(page.getByText("10 of 10 recovery codes left")).toBeVisible();
  await shoot(page, "codes");
  await codesBox.getByRole("button", { name: "I have stored them" }).click();
  await expect(codesBox).toBeHidden();

  // Signing in now asks for a code after the password.
  await signOut(page);
  await signIn.open();
  await signIn.signIn(DEMO.miner2, DEMO_PASSWORD);
  const code = page.getByLabel("6-digit code");
  await expect(code).toBeFocused();
  await expect(code).toHaveAttribute("autocomplete", "one-time-code");
  await expect(code).toHaveAttribute("inputmode", "numeric");
  await expect(page.getByText("Enter the 6-digit code from your authenticator app.")).toBeVisible();
  await shoot(page, "sign-in-code");
  await code.fill("000000");
  await page.getByRole("button", { name: "Verify and sign in" }).click();
  await expect(page.getByText(/That code is not right/)).toBeVisible();
  await page.getByLabel("6-digit code").fill(await phone.fresh());
  await page.getByRole("button", { name: "Verify and sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard/);

  // A recovery code works once.
  await signOut(page);
  await signIn.open();
  await signIn.signIn(DEMO.miner2, DEMO_PASSWORD);
  await page.getByRole("button", { name: "Use a recovery code instead" }).click();
  await page.getByLabel("Recovery code").fill(recovery[0]!);
  await page.getByRole("button", { name: "Verify and sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard/);
  await signOut(page);
  await signIn.open();
  await signIn.signIn(DEMO.miner2, DEMO_PASSWORD);
  await page.getByRole("button", { name: "Use a recovery code instead" }).click();
  await page.getByLabel("Recovery code").fill(recovery[0]!);
  await page.getByRole("button", { name: "Verify and sign in" }).click();
  await expect(page.getByText("That recovery code is not right, or it was already used.")).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);

  // A script sends email, password and code in one request; without the code it gets no session.
  const script = await playwright.request.newContext({ baseURL });
  const post = async (form: Record<string, string>) => {
    const { csrfToken } = await (await script.get("/api/auth/csrf")).json();
    return script.post("/api/auth/callback/credentials", { form: { csrfToken, ...form, callbackUrl: "/dashboard" }, maxRedirects: 0 });
  };
  const refused = await post({ email: DEMO.miner2, password: DEMO_PASSWORD });
  expect(refused.headers().location).toContain("code=mfa_required");
  expect(await sessionEmail(script)).toBeUndefined();
  await post({ email: DEMO.miner2, password: DEMO_PASSWORD, code: await phone.fresh() });
  expect(await sessionEmail(script)).toBe(DEMO.miner2);
  await script.dispose();

  // Turn it off again (password and a code) with the last session.
  await page.getByLabel("Recovery code").fill(recovery[1]!);
  await page.getByRole("button", { name: "Verify and sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard/);
  await page.goto("/settings/security");
  await page.getByRole("button", { name: "Turn off…" }).click();
  await page.getByLabel("Current password").fill(DEMO_PASSWORD);
  await page.getByLabel("Authenticator code or recovery code").fill(recovery[2]!);
  await page.getByRole("button", { name: "Turn off", exact: true }).click();
  await expect(page.getByText("Two-factor sign-in is off. Sign-in asks only for your password now.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: /^Two-factor sign-in/ })).toContainText("Off");
});
