import { expect, test } from "@playwright/test";
import { SignInPage, SignUpPage, signOut } from "./pages/auth-pages";
import { DEMO, DEMO_PASSWORD } from "./support/accounts";
import { mailedLink } from "./support/mail";

const uniqueEmail = (label: string) => `${label}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.test`;

test("a new miner signs up, confirms the address from the mail, signs out; the demo buyer signs in", async ({ page }) => {
  const email = uniqueEmail("miner");
  const signUp = new SignUpPage(page);
  await signUp.open();
  await signUp.fill({ kind: "miner", name: "Marta Okafor", organization: "Okafor Hash Ltd", email, password: "flare gas to flops" });
  await signUp.submit();
  await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();

  // Signed in before confirming: the account works, reserving and tokens wait for the address.
  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signIn(email, "flare gas to flops");
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByText("Miner · Okafor Hash Ltd")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Add your first site" })).toBeVisible();
  await expect(page.getByText(/Confirm your email address to reserve/)).toBeVisible();
  const refused = await page.request.post("/api/v1/tokens", { headers: { origin: new URL(page.url()).origin }, data: { name: "too early" } });
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error.code).toBe("email_unverified");

  // Opening the link confirms nothing; the button does.
  await page.goto(await mailedLink(email, "/verify-email"));
  await expect(page.getByRole("heading", { name: "Confirm your email address" })).toBeVisible();
  await page.getByRole("button", { name: "Confirm email address" }).click();
  await expect(page.getByText("Your email address is confirmed")).toBeVisible();
  await page.getByRole("link", { name: "Go to your dashboard" }).click();
  await expect(page.getByText(/Confirm your email address to reserve/)).toHaveCount(0);

  await signOut(page);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fdashboard/);

  await signIn.signIn(DEMO.buyer, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("heading", { name: /Welcome back/ })).toBeVisible();
  await expect(page.getByText(/^AI team · /)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Your bookings by status" })).toBeVisible();
  await expect(page.getByText("Confirmed", { exact: true })).toBeVisible();
});

test("sign-up explains every bad input, and a taken address looks like any other", async ({ page }) => {
  const signUp = new SignUpPage(page);
  await signUp.open();

  // Checked in the browser before anything is sent.
  await signUp.submit();
  await expect(page.getByText("Choose whether you offer or need capacity.")).toBeVisible();
  await expect(page.getByText("Enter your name.")).toBeVisible();

  await signUp.fill({ kind: "buyer", name: "Sam", organization: "Sam's GPUs", email: "not-an-email", password: "short" });
  await signUp.submit();
  await expect(page.getByText("Enter a valid email address, like name@company.com.")).toBeVisible();
  await expect(page.getByText("Use at least 10 characters.")).toBeVisible();

  // Checked on the server against the list of common passwords; what the user typed is kept.
  await signUp.fill({ name: "Sam", organization: "Sam's GPUs", email: uniqueEmail("sam"), password: "qwertyuiop1" });
  await signUp.submit();
  await expect(page.getByText("That password appears in lists of common passwords; choose another.")).toBeVisible();
  await expect(page.getByLabel("Your name")).toHaveValue("Sam");

  // A taken address (whatever its case) gets the same answer as a new one; its owner gets a mail.
  await signUp.fill({ name: "Sam", organization: "Sam's GPUs", email: DEMO.buyer2.toUpperCase(), password: "a perfectly fine passphrase" });
  await signUp.submit();
  await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();
  expect(await mailedLink(DEMO.buyer2, "/forgot-password")).toBe("/forgot-password");
});

test("a buyer who forgot the password resets it from the mail, and the old session is signed out", async ({ browser, page }) => {
  const email = uniqueEmail("forgetful");
  const signUp = new SignUpPage(page);
  await signUp.open("buyer");
  await signUp.createAccount({ name: "Femi Adeyemi", organization: `Adeyemi Compute ${Date.now()}`, email, password: "first passphrase here" });

  // On another device: forgot, the mail, the new password.
  const other = await (await browser.newContext()).newPage();
  await other.goto("/sign-in");
  await other.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(other.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
  await other.getByLabel("Email").fill(email);
  await other.getByRole("button", { name: "Send reset link" }).click();
  await expect(other.getByRole("heading", { name: "Check your inbox" })).toBeVisible();
  const link = await mailedLink(email, "/reset-password");

  await other.goto(link);
  await other.getByLabel("New password", { exact: true }).fill("second passphrase here");
  await other.getByLabel("Repeat the new password").fill("second passphrase now");
  await other.getByRole("button", { name: "Set new password" }).click();
  await expect(other.getByText("The two passwords differ.")).toBeVisible();
  await other.getByLabel("Repeat the new password").fill("second passphrase here");
  await other.getByRole("button", { name: "Set new password" }).click();
  await expect(other.getByText("Your password was changed")).toBeVisible();

  // The link works once.
  await other.goto(link);
  await expect(other.getByRole("heading", { name: "This link was already used" })).toBeVisible();
  // A forged one gets the same kind of page, never an error.
  await other.goto("/reset-password?token=forged");
  await expect(other.getByRole("heading", { name: "This link is not valid" })).toBeVisible();

  // The first browser's session ended with the reset.
  await page.goto("/bookings");
  await expect(page).toHaveURL(/\/sign-in/);
  const signIn = new SignInPage(other);
  await signIn.open();
  await signIn.signIn(email, "first passphrase here");
  await expect(other.getByRole("alert").filter({ hasText: "do not match" })).toBeVisible();
  await signIn.signIn(email, "second passphrase here");
  await expect(other).toHaveURL(/\/dashboard$/);
  await other.context().close();
});

test("account settings: a new name shows at once, and signing out the other sessions ends them", async ({ browser, page }) => {
  const email = uniqueEmail("settings");
  const password = "settings passphrase here";
  const signUp = new SignUpPage(page);
  await signUp.open("miner");
  await signUp.createAccount({ name: "Lena Fischer", organization: `Fischer Mining ${Date.now()}`, email, password });

  const laptop = await (await browser.newContext()).newPage();
  const signIn = new SignInPage(laptop);
  await signIn.open();
  await signIn.signIn(email, password);
  await expect(laptop).toHaveURL(/\/dashboard$/);

  await page.goto("/settings");
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  await page.getByLabel("Your name").fill("Lena Fischer-Braun");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByText("Name saved.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Account menu" })).toContainText("Lena Fischer-Braun");

  const sessions = page.getByRole("region", { name: "Where you are signed in" });
  await expect(sessions.getByRole("listitem")).toHaveCount(2);
  await expect(sessions.getByText("This session")).toBeVisible();
  await page.getByRole("button", { name: "Sign out all other sessions" }).click();
  await expect(page.getByText("Signed out 1 other session.")).toBeVisible();

  await laptop.goto("/settings");
  await expect(laptop).toHaveURL(/\/sign-in/);
  await laptop.context().close();
});

test("sign-in refuses a wrong password with a clear message", async ({ page }) => {
  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signIn(DEMO.miner2, "not the password");
  await expect(page.getByRole("alert").filter({ hasText: "do not match" })).toHaveText("That email and password do not match an account.");
  await expect(page.getByLabel("Email")).toHaveValue(DEMO.miner2);
});

test("sign-in through the API is rate limited after 10 failures a minute", async ({ request }) => {
  const email = uniqueEmail("target");
  // Its own address, so this test's failures do not lock the other tests out.
  const headers = { "x-forwarded-for": `203.0.113.${Math.floor(Math.random() * 250) + 1}` };
  const attempt = async () => {
    const { csrfToken } = await (await request.get("/api/auth/csrf", { headers })).json();
    return request.post("/api/auth/callback/credentials", {
      headers,
      form: { csrfToken, email, password: "wrong password", callbackUrl: "/dashboard" },
      maxRedirects: 0,
    });
  };
  for (let i = 0; i < 10; i++) {
    const response = await attempt();
    expect(response.status()).toBe(302);
    expect(response.headers().location).toContain("code=invalid_credentials");
  }
  const limited = await attempt();
  expect(limited.status()).toBe(429);
  expect((await limited.json()).error.code).toBe("rate_limited");
});

test("a script signs in through Auth.js's credentials flow and reads its session", async ({ request }) => {
  const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: DEMO.miner, password: DEMO_PASSWORD, callbackUrl: "/dashboard" },
  });
  expect(response.ok()).toBe(true);
  const session = await (await request.get("/api/auth/session")).json();
  expect(session.user).toMatchObject({ email: DEMO.miner, role: "miner" });
});
