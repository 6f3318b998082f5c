import { expect, test, type Browser, type Page } from "@playwright/test";
import { addDays, todayUtc } from "../lib/domain/days";
import { SignUpPage } from "./pages/auth-pages";
import { DEMO, storageState } from "./support/accounts";

/** A page signed in as a demo role, in a context of its own. */
async function pageAs(browser: Browser, role: "admin" | "buyer") {
  const context = await browser.newContext({ storageState: storageState(role) });
  return context.newPage();
}

/** A fresh miner (so the demo miner's listings and other specs are untouched), signed up in the browser. */
async function newMiner(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  const signUp = new SignUpPage(page);
  await signUp.open("miner");
  await signUp.createAccount({ name: "Mara Quist", organization: `Quist Hash ${Date.now()}`, email: `moderation-${Date.now()}@example.test`, password: "reviewed before it is listed" });
  return page;
}

/** A site and a draft listing made through the API with the miner's browser session (from our own origin). */
async function draftListing(page: Page, baseURL: string, title: string): Promise<string> {
  const headers = { origin: baseURL };
  const site = await page.request.post("/api/v1/sites", {
    headers,
    data: {
      name: "Lulea Review Hall",
      country: "SE",
      region: "Norrbotten",
      latitude: 65.58,
      longitude: 22.15,
      energizedMw: 12,
      interconnectionStatus: "energized",
      powerMix: { hydro: 100 },
      coolingTypes: ["air", "immersion"],
      pue: 1.1,
      redundancy: "N+1",
      certifications: [],
    },
  });
  expect(site.status()).toBe(201);
  const listing = await page.request.post("/api/v1/listings", {
    headers,
    data: {
      siteId: (await site.json()).id,
      title,
      capacityKw: 3000,
      cooling: "immersion",
      maxKwPerRack: 80,
      rackCount: 40,
      priceCentsPerKwMonth: 13500,
      minTermMonths: 6,
      availableFrom: addDays(todayUtc(), 20),
      availableUntil: addDays(todayUtc(), 20 + 730),
      depositPercent: 20,
      interruptible: false,
      description: "Single-phase immersion tanks beside the river.",
    },
  });
  expect(listing.status()).toBe(201);
  return (await listing.json()).id;
}

/** One listing's card in the moderation queue. */
const queueItem = (page: Page, title: string) => page.getByRole("article", { name: title });

test("a listing goes from submission through rejection, an edit and resubmission, to approval and search", async ({ browser, baseURL }) => {
  const title = `Review journey ${Date.now()}`;
  const miner = await newMiner(browser);
  const id = await draftListing(miner, baseURL!, title);
  await miner.goto(`/miner/listings/${id}`);
  await miner.getByRole("button", { name: "Submit for review" }).click();
  await expect(miner.getByText("Submitted for review.")).toBeVisible();

  // The admin rejects; the reason is required and goes to the miner.
  const admin = await pageAs(browser, "admin");
  await admin.goto("/admin/listings");
  await expect(admin.getByRole("heading", { name: "Moderation queue" })).toBeVisible();
  const item = queueItem(admin, title);
  await expect(item.getByText("First submission: nothing to compare with.")).toBeVisible();
  await item.getByText("Reject…", { exact: true }).click();
  await item.getByRole("button", { name: "Reject listing" }).click();
  await expect(item.getByText(/Give the miner a reason they can act on/)).toBeVisible();
  const reason = "At $135 this is well above hydro hosting nearby; check the price per kW-month.";
  await item.getByLabel("Reason for the miner").fill(reason);
  await item.getByRole("button", { name: "Reject listing" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "Rejected" })).toBeVisible();
  await expect(queueItem(admin, title)).toHaveCount(0);

  // The miner reads the reason, lowers the price and submits again.
  await miner.goto(`/miner/listings/${id}`);
  await expect(miner.getByText("An admin rejected this listing")).toBeVisible();
  await expect(miner.getByText(reason)).toBeVisible();
  await miner.getByRole("link", { name: "Edit", exact: true }).click();
  await miner.getByLabel("Price (USD per kW-month)").fill("99");
  await miner.getByRole("button", { name: "Save changes" }).click();
  await expect(miner.getByText("Changes saved.")).toBeVisible();
  await miner.getByRole("button", { name: "Submit for review" }).click();
  await expect(miner.getByText("Submitted for review.")).toBeVisible();

  // The admin sees what changed since the rejection, and approves.
  await admin.goto("/admin/listings");
  const changes = queueItem(admin, title).getByRole("region", { name: "Changed since the last review" });
  await expect(changes.getByRole("row", { name: /Price/ })).toContainText("$135 per kW-month");
  await expect(changes.getByRole("row", { name: /Price/ })).toContainText("$99 per kW-month");
  await queueItem(admin, title).getByRole("button", { name: "Approve" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "Approved and published" })).toBeVisible();
  await expect(queueItem(admin, title)).toHaveCount(0);

  // Anyone finds it in search now.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`/search?q=${encodeURIComponent(title)}`);
  await expect(visitor.getByRole("link", { name: title })).toBeVisible();
});

test("a signed-in buyer reports a listing, and the admin sees the report and dismisses it with a note", async ({ browser, request }) => {
  const { items } = await (await request.get("/api/v1/listings?pageSize=1&sort=newest")).json();
  const listing = items[0] as { id: string; title: string };
  const note = `Checked with the site on ${Date.now()}: the hall is still being built.`;

  const buyer = await pageAs(browser, "buyer");
  await buyer.goto(`/listings/${listing.id}`);
  await buyer.getByText("Report this listing").click();
  await buyer.getByRole("button", { name: "Send report" }).click();
  await expect(buyer.getByText("Choose a reason.")).toBeVisible();
  await buyer.getByLabel("What is wrong?").selectOption({ label: "Capacity is not really available" });
  await buyer.getByLabel("Details (optional)").fill(note);
  await buyer.getByRole("button", { name: "Send report" }).click();
  await expect(buyer.getByText("Thanks — our team will review it.")).toBeVisible();

  const admin = await pageAs(browser, "admin");
  await admin.goto("/admin/reports");
  const report = admin.getByRole("article").filter({ hasText: note });
  await expect(report).toBeVisible();
  await expect(report.getByRole("heading", { name: listing.title })).toBeVisible();
  await expect(report).toContainText("Capacity is not really available");
  await expect(report).toContainText(DEMO.buyer);

  await report.getByRole("button", { name: "Dismiss" }).click();
  await expect(report.getByText(/Give a note on what was done/)).toBeVisible();
  await report.getByLabel("Note on what you did").fill("Called the miner: energized last week, photos sent.");
  await report.getByRole("button", { name: "Dismiss" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "Report dismissed" })).toBeVisible();
  await admin.getByRole("link", { name: "Dismissed" }).click();
  await expect(admin.getByRole("article").filter({ hasText: note })).toContainText("Called the miner: energized last week, photos sent.");
});
