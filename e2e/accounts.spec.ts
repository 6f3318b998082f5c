import { expect, test } from "@playwright/test";
import { SignInPage, SignUpPage, signOut } from "./pages/auth-pages";
import { DEMO, DEMO_PASSWORD } from "./support/accounts";

const uniqueEmail = (label: string) => `${label}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.test`;

test("a new miner signs up, gets a welcome mail, signs out; the demo buyer signs in", async ({ page }) => {
  const email = uniqueEmail("miner");
  const signUp = new SignUpPage(page);
  await signUp.open();
  await signUp.fill({ kind: "miner", name: "Marta Okafor", organization: "Okafor Hash Ltd", email, password: "flare gas to flops" });
  await signUp.submit();

  await expect(page).toHaveURL(/\/dashboard\?welcome=1/);
  await expect(page.getByRole("heading", { name: "Welcome, Marta" })).toBeVisible();
  await expect(page.getByText("Miner · Okafor Hash Ltd")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Add your first site" })).toBeVisible();

  await page.goto(`/dev/outbox?to=${encodeURIComponent(email)}`);
  const mail = page.getByRole("article", { name: "Welcome to Substation" });
  await expect(mail).toContainText("Okafor Hash Ltd");

  await signOut(page);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fdashboard/);

  const signIn = new SignInPage(page);
  await signIn.signIn(DEMO.buyer, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("heading", { name: /Welcome back/ })).toBeVisible();
  await expect(page.getByText(/^AI team · /)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Your bookings by status" })).toBeVisible();
  await expect(page.getByText("Confirmed", { exact: true })).toBeVisible();
});

test("sign-up explains every bad input and creates nothing", async ({ page }) => {
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

  // Checked on the server: the email is taken (whatever its case).
  await signUp.fill({ name: "Sam", organization: "Sam's GPUs", email: DEMO.buyer.toUpperCase(), password: "a perfectly fine passphrase" });
  await signUp.submit();
  await expect(page.getByText("An account with this email already exists. Sign in instead.")).toBeVisible();
  await expect(page).toHaveURL(/\/sign-up/);
  // What the user typed is kept.
  await expect(page.getByLabel("Your name")).toHaveValue("Sam");
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
