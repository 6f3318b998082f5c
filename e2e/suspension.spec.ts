import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { SignInPage, SignUpPage } from "./pages/auth-pages";
import { DEMO, DEMO_PASSWORD, storageState } from "./support/accounts";

const day = (offset: number) => new Date(Date.now() + offset * 864e5).toISOString().slice(0, 10);

async function signInScript(request: APIRequestContext, email: string) {
  const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
  const response = await request.post("/api/auth/callback/credentials", { form: { csrfToken, email, password: DEMO_PASSWORD, callbackUrl: "/dashboard" } });
  expect(response.ok()).toBe(true);
}

/** The search page's results for one word, as a visitor sees them. */
async function searchFor(page: Page, word: string) {
  await page.goto(`/search?q=${word}`);
  await expect(page.getByRole("heading", { level: 1, name: "Search capacity" })).toBeVisible();
}

test("an admin suspends a miner: its listing leaves search and its page, the miner is signed out and refused; reinstating brings it back", async ({ browser, playwright, baseURL }) => {
  // The longest journey of the suite: three browsers, a sign-up and three sign-ins, about 25 s
  // alone. At the end of a full run on two busy cores it passed 30 s while still on course.
  test.slow();
  const suffix = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
  const word = `quarantine${suffix}`;
  const title = `Flare-gas pods ${word}`;
  const organization = `Suspended Hash ${suffix}`;
  const email = `suspend-${suffix}@example.test`;
  const password = "flare gas to flops, please";
  const origin = { origin: baseURL! };

  // A fresh miner signs up and, from its own session, creates a site and a listing and submits it.
  const miner = await browser.newContext();
  const minerPage = await miner.newPage();
  const signUp = new SignUpPage(minerPage);
  await signUp.open();
  await signUp.createAccount({ kind: "miner", name: "Sasha Volkov", organization, email, password });
  const site = await minerPage.request.post("/api/v1/sites", {
    headers: origin,
    data: { name: "Permian Flare Yard", country: "US", region: "Texas", latitude: 31.9, longitude: -102.1, energizedMw: 12, interconnectionStatus: "energized", powerMix: { flareGas: 80, grid: 20 }, coolingTypes: ["immersion"], pue: 1.08, redundancy: "N", certifications: [] },
  });
  expect(site.status()).toBe(201);
  const listing = await minerPage.request.post("/api/v1/listings", {
    headers: origin,
    data: { siteId: (await site.json()).id, title, capacityKw: 1500, cooling: "immersion", maxKwPerRack: 80, rackCount: 20, priceCentsPerKwMonth: 11000, minTermMonths: 6, availableFrom: day(14), availableUntil: day(500), depositPercent: 20, interruptible: true, description: "Immersion tanks on flare gas." },
  });
  expect(listing.status()).toBe(201);
  const listingId: string = (await listing.json()).id;
  expect((await minerPage.request.post(`/api/v1/listings/${listingId}/submit`, { headers: origin })).status()).toBe(200);

  // Publishing needs an admin: approved through the admin API with the admin's session.
  const adminApi = await playwright.request.newContext({ baseURL });
  await signInScript(adminApi, DEMO.admin);
  const approved = await adminApi.post(`/api/v1/admin/listings/${listingId}/approve`, { headers: origin });
  expect(approved.status()).toBe(200);
  await adminApi.dispose();

  const visitor = await (await browser.newContext()).newPage();
  await searchFor(visitor, word);
  await expect(visitor.getByRole("link", { name: title })).toBeVisible();

  // The admin suspends the organization from the organizations page, with a reason and a second step.
  const admin = await (await browser.newContext({ storageState: storageState("admin") })).newPage();
  await admin.goto(`/admin/organizations?q=${encodeURIComponent(organization)}`);
  const row = admin.getByRole("article", { name: organization, exact: true });
  await row.getByRole("button", { name: `Suspend ${organization}` }).click();
  await row.getByRole("button", { name: "Yes, suspend" }).click();
  await expect(row.getByText("Give a reason for the suspension (at least 3 characters).")).toBeVisible();
  await row.getByLabel("Reason for the suspension").fill("The interconnection agreement is forged.");
  await row.getByRole("button", { name: "Yes, suspend" }).click();
  await expect(row.getByRole("status")).toContainText("Suspended. Its listings are out of search");
  await expect(row.getByText("Suspended", { exact: true })).toBeVisible();
  await expect(row.getByText("The interconnection agreement is forged.")).toBeVisible();

  // At once: out of search, and its page is gone for buyers.
  await searchFor(visitor, word);
  await expect(visitor.getByRole("link", { name: title })).toHaveCount(0);
  await visitor.goto(`/listings/${listingId}`);
  await expect(visitor.getByRole("heading", { name: "We could not find that page" })).toBeVisible();

  // The miner's session stops on its next request, and signing in is refused with the reason why.
  await minerPage.goto("/dashboard");
  await expect(minerPage).toHaveURL(/\/sign-in\?callbackUrl=%2Fdashboard/);
  const signIn = new SignInPage(minerPage);
  await signIn.signIn(email, password);
  await expect(minerPage.getByText("This account is suspended. Contact support@substation.test if you think this is a mistake.")).toBeVisible();
  await expect(minerPage).toHaveURL(/\/sign-in/);

  // Reinstating brings the listing back and lets the miner in again.
  await row.getByRole("button", { name: `Reinstate ${organization}` }).click();
  await row.getByRole("button", { name: "Yes, reinstate" }).click();
  await expect(row.getByRole("status")).toContainText("Reinstated.");
  await expect(row.getByText("Active", { exact: true })).toBeVisible();

  await searchFor(visitor, word);
  await expect(visitor.getByRole("link", { name: title })).toBeVisible();
  await visitor.goto(`/listings/${listingId}`);
  await expect(visitor.getByRole("heading", { level: 1, name: title })).toBeVisible();

  const again = await (await browser.newContext()).newPage();
  const signInAgain = new SignInPage(again);
  await signInAgain.open();
  await signInAgain.signIn(email, password);
  await expect(again).toHaveURL(/\/dashboard/);
  await expect(again.getByText(`Miner · ${organization}`)).toBeVisible();
});
