import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { freeKwOver, type Span } from "../lib/domain/availability";
import { addDays, addMonths, todayUtc } from "../lib/domain/days";
import { DEMO, DEMO_PASSWORD, storageState } from "./support/accounts";
import { e2eSql } from "./support/database";

type Listing = { id: string; title: string; capacityKw: number; availableFrom: string; availableUntil: string; minTermMonths: number };
type Window = { start: string; end: string; freeKw: number };

/** The shortest stay the listing allows, starting two weeks out (so the clock does not start it mid-test). */
async function windowOf(request: APIRequestContext, listing: Listing, offsetDays = 14): Promise<Window | null> {
  const soon = addDays(todayUtc(), offsetDays);
  const start = listing.availableFrom > soon ? listing.availableFrom : soon;
  const end = addMonths(start, listing.minTermMonths);
  if (end > listing.availableUntil) return null;
  const { availability } = (await (await request.get(`/api/v1/listings/${listing.id}`)).json()) as { availability: Span[] };
  return { start, end, freeKw: freeKwOver(availability, start, end) };
}

async function publishedListings(minerEmail?: string): Promise<Listing[]> {
  const sql = e2eSql();
  try {
    return await sql<Listing[]>`
      select l.id, l.title, l.capacity_kw as "capacityKw", l.available_from::text as "availableFrom",
             l.available_until::text as "availableUntil", l.min_term_months as "minTermMonths"
      from listings l join organizations o on o.id = l.organization_id
      where l.status = 'published' and o.status = 'active'
        and (${minerEmail ?? null}::text is null or o.id = (select organization_id from users where email = ${minerEmail ?? null}))
      order by l.capacity_kw, l.id`;
  } finally {
    await sql.end();
  }
}

/** A published listing of the demo miner with at least `kw` free over a stay inside its window. */
async function demoMinerListing(request: APIRequestContext, kw: number): Promise<{ listing: Listing; window: Window }> {
  for (const listing of await publishedListings(DEMO.miner)) {
    const window = await windowOf(request, listing);
    if (window && window.freeKw >= kw) return { listing, window };
  }
  throw new Error("The seed has no published listing of the demo miner with free capacity");
}

async function signInRequest(request: APIRequestContext, email: string) {
  const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
  const response = await request.post("/api/auth/callback/credentials", { form: { csrfToken, email, password: DEMO_PASSWORD, callbackUrl: "/dashboard" } });
  expect(response.ok()).toBe(true);
}

async function fillReservation(page: Page, listingId: string, kw: number, window: Window) {
  await page.goto(`/listings/${listingId}`);
  await page.getByLabel("Capacity you need (kW)").fill(String(kw));
  await page.getByLabel("Start").fill(window.start);
  await page.getByLabel("End").fill(window.end);
}

/** Reserves on the listing page and pays on the test checkout; returns the booking's id. */
async function reserveAndPay(page: Page, listingId: string, kw: number, window: Window): Promise<string> {
  await fillReservation(page, listingId, kw, window);
  await page.getByRole("button", { name: "Reserve and pay deposit" }).click();
  await expect(page).toHaveURL(/\/pay\/test\/[0-9a-f-]{36}$/);
  await expect(page.getByText("Test mode — no real card is charged")).toBeVisible();
  await page.getByRole("button", { name: /Authorize deposit/ }).click();
  await expect(page).toHaveURL(/\/bookings\/[0-9a-f-]{36}\?paid=1$/);
  await expect(page.getByText("Payment received — waiting for the miner")).toBeVisible();
  await expect(statusBadge(page)).toContainText("Awaiting miner");
  return new URL(page.url()).pathname.split("/").pop()!;
}

/** The booking page's header: title, parties and the status badge. */
const statusBadge = (page: Page) => page.getByRole("main").locator("header").first();

async function minerPage(browser: Browser) {
  const context = await browser.newContext({ storageState: storageState("miner") });
  return { context, page: await context.newPage() };
}

test.describe("reserving as the demo buyer", () => {
  test.use({ storageState: storageState("buyer") });

  test("reserve, pay on the test checkout, the miner accepts: both see Confirmed and both are mailed", async ({ page, browser, request }) => {
    test.slow();
    const { listing, window } = await demoMinerListing(request, 100);
    const bookingId = await reserveAndPay(page, listing.id, 100, window);

    const miner = await minerPage(browser);
    // The mail's link for miners.
    await miner.page.goto(`/miner/bookings/${bookingId}`);
    await expect(miner.page).toHaveURL(new RegExp(`/bookings/${bookingId}$`));
    await expect(statusBadge(miner.page)).toContainText("Awaiting miner");
    await miner.page.getByRole("button", { name: "Accept", exact: true }).click();
    await miner.page.getByRole("button", { name: "Yes, accept" }).click();
    await expect(miner.page.getByText(/^Accepted\. The deposit was captured/)).toBeVisible();
    await expect(statusBadge(miner.page)).toContainText("Confirmed");
    await expect(miner.page.getByText("Your share of the deposit")).toBeVisible();

    await page.reload();
    await expect(statusBadge(page)).toContainText("Confirmed");
    await expect(page.getByText("Captured", { exact: true })).toBeVisible();

    // On a production build the outbox (it holds reset and invitation links) is for admins only.
    await page.goto("/dev/outbox");
    await expect(page.getByRole("heading", { name: "We could not find that page" })).toBeVisible();
    const admin = await browser.newContext({ storageState: storageState("admin") });
    const outbox = await admin.newPage();
    for (const to of [DEMO.buyer, DEMO.miner]) {
      await outbox.goto(`/dev/outbox?to=${encodeURIComponent(to)}`);
      await expect(outbox.getByRole("article", { name: `${listing.title}: booking awaiting provider` }).first()).toBeVisible();
      await expect(outbox.getByRole("article", { name: `${listing.title}: booking confirmed` }).first()).toBeVisible();
    }
    await admin.close();
    await miner.context.close();
  });

  test("the miner declines with a reason: the buyer sees Declined, the reason and the deposit released", async ({ page, browser, request }) => {
    test.slow();
    const { listing, window } = await demoMinerListing(request, 100);
    const bookingId = await reserveAndPay(page, listing.id, 100, window);
    const reason = "Hall B is committed to another tenant for those weeks.";

    const miner = await minerPage(browser);
    await miner.page.goto(`/bookings/${bookingId}`);
    await miner.page.getByRole("button", { name: "Decline", exact: true }).click();
    // A decline without a reason is explained before anything is sent.
    await miner.page.getByRole("button", { name: "Decline request" }).click();
    await expect(miner.page.getByText("Tell the AI team why you decline")).toBeVisible();
    await miner.page.getByLabel("Reason for the AI team").fill(reason);
    await miner.page.getByRole("button", { name: "Decline request" }).click();
    await expect(statusBadge(miner.page)).toContainText("Declined");
    await miner.context.close();

    await page.goto("/bookings?status=declined");
    await page.getByRole("link", { name: listing.title }).first().click();
    await expect(page).toHaveURL(new RegExp(`/bookings/${bookingId}$`));
    await expect(statusBadge(page)).toContainText("Declined");
    await expect(page.getByText(reason).first()).toBeVisible();
    await expect(page.getByText("Released: nothing was charged", { exact: true })).toBeVisible();
  });
});

test("two AI teams race for the last 100 kW: one gets the checkout, the other a clear refusal", async ({ browser, request, baseURL }) => {
  test.slow();
  // The smallest listing with a stay of which at least 100 kW is free; buyer2 then takes all but 100 kW of it.
  let target: { listing: Listing; window: Window } | null = null;
  for (const listing of await publishedListings()) {
    const window = await windowOf(request, listing, 60);
    if (window && window.freeKw >= 100) {
      target = { listing, window };
      break;
    }
  }
  if (!target) throw new Error("The seed has no published listing with 100 kW free");
  const { listing, window } = target;

  const first = await browser.newContext({ storageState: storageState("buyer") });
  const second = await browser.newContext();
  await signInRequest(second.request, DEMO.buyer2);
  const origin = { origin: new URL(baseURL!).origin };
  if (window.freeKw > 100) {
    const filler = await second.request.post("/api/v1/bookings", { headers: origin, data: { listingId: listing.id, kw: window.freeKw - 100, start: window.start, end: window.end } });
    expect(filler.status()).toBe(201);
  }

  const pages = [await first.newPage(), await second.newPage()];
  for (const page of pages) {
    await fillReservation(page, listing.id, 100, window);
    await expect(page.getByText(/^100 kW$/).first()).toBeVisible();
  }
  await Promise.all(pages.map((page) => page.getByRole("button", { name: "Reserve and pay deposit" }).click()));
  const outcomes = await Promise.all(
    pages.map((page) =>
      Promise.race([
        page.waitForURL(/\/pay\/test\//, { timeout: 20_000 }).then(() => "checkout"),
        page.getByText("Not enough capacity is free for those dates.").waitFor({ timeout: 20_000 }).then(() => "refused"),
      ]),
    ),
  );
  expect([...outcomes].sort()).toEqual(["checkout", "refused"]);
  const refused = pages[outcomes.indexOf("refused")]!;
  await expect(refused.getByText(/No capacity is free on every day from|Only \d+ kW are free/).first()).toBeVisible();

  // Give the capacity back: the holds of this test are cancelled through the API.
  for (const context of [first, second]) {
    const { items } = (await (await context.request.get("/api/v1/bookings")).json()) as { items: { id: string; listingId: string; status: string }[] };
    for (const booking of items.filter((b) => b.listingId === listing.id && b.status === "pending_deposit")) {
      expect((await context.request.post(`/api/v1/bookings/${booking.id}/cancel`, { headers: origin, data: {} })).ok()).toBe(true);
    }
    await context.close();
  }
});
