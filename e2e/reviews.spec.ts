import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO, storageState } from "./support/accounts";
import { e2eSql } from "./support/database";

type Target = { bookingId: string; minerOrganizationId: string };

/**
 * A booking of the demo buyer on a demo miner's listing that completed inside the 14-day
 * window and that neither side has reviewed (the seed keeps one for newcomers).
 */
async function unreviewedCompletedBooking(): Promise<Target> {
  const sql = e2eSql();
  try {
    const rows = await sql<Target[]>`
      select b.id as "bookingId", l.organization_id as "minerOrganizationId"
      from bookings b join listings l on l.id = b.listing_id
      where b.status = 'completed'
        and b.buyer_organization_id = (select organization_id from users where email = ${DEMO.buyer})
        and l.organization_id = (select organization_id from users where email = ${DEMO.miner})
        and not exists (select 1 from reviews r where r.booking_id = b.id)
        and (select min(t.created_at) from booking_transitions t where t.booking_id = b.id and t.to_status = 'completed') > now() - interval '13 days'
      order by b.id
      limit 1`;
    if (!rows[0]) throw new Error("The seed has no unreviewed completed booking of the demo buyer with the demo miner");
    return rows[0];
  } finally {
    await sql.end();
  }
}

async function pageAs(browser: Browser, role: "buyer" | "miner"): Promise<Page> {
  const context = await browser.newContext({ storageState: storageState(role) });
  return context.newPage();
}

/** Chooses the stars, writes the text and submits, from the booking page's review section. */
async function review(page: Page, words: string, body: string) {
  const section = page.locator("#reviews");
  await expect(section.getByRole("heading", { name: "Reviews" })).toBeVisible();
  const form = section.getByRole("form", { name: /^Review / });
  await form.locator("label").filter({ hasText: words }).click();
  await expect(form.getByRole("radio", { name: new RegExp(words) })).toBeChecked();
  await form.getByLabel("Your review").fill(body);
  await form.getByRole("button", { name: "Submit review" }).click();
}

test("both parties review a completed booking blind, then both reviews appear, and on the miner's page", async ({ browser }) => {
  const { bookingId, minerOrganizationId } = await unreviewedCompletedBooking();
  const stamp = Date.now().toString(36);
  const buyerText = `Power was steady and the team answered fast (${stamp}).\nWould host with them again.`;
  const minerText = `Clean move-in, paid on time (${stamp}).`;

  const buyer = await pageAs(browser, "buyer");
  await buyer.goto(`/bookings/${bookingId}`);
  await review(buyer, "Very good", buyerText);
  await expect(buyer.getByText(/Waiting for the miner.s review/)).toBeVisible();
  await expect(buyer.getByText("Power was steady and the team answered fast", { exact: false })).toBeVisible();
  await expect(buyer.getByText(minerText)).toHaveCount(0);

  const miner = await pageAs(browser, "miner");
  await miner.goto(`/bookings/${bookingId}`);
  // Blind: the AI team's review exists but is not shown to the miner yet.
  await expect(miner.getByRole("form", { name: /^Review / })).toBeVisible();
  await expect(miner.getByText(stamp, { exact: false })).toHaveCount(0);
  await review(miner, "Excellent", minerText);

  // Published together: the miner sees both, without waiting.
  await expect(miner.getByText(minerText)).toBeVisible();
  await expect(miner.getByText("Power was steady and the team answered fast", { exact: false })).toBeVisible();
  await expect(miner.getByText(/Waiting for the AI team.s review/)).toHaveCount(0);

  await buyer.reload();
  await expect(buyer.getByText(minerText)).toBeVisible();
  await expect(buyer.getByText("Power was steady and the team answered fast", { exact: false })).toBeVisible();
  await expect(buyer.getByText(/Waiting for the miner.s review/)).toHaveCount(0);

  // The miner's public page, signed out: the AI team's review, its line break kept as text.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`/miners/${minerOrganizationId}`);
  const reviews = visitor.getByRole("region", { name: "Reviews" });
  await expect(reviews.getByText("Power was steady and the team answered fast", { exact: false })).toBeVisible();
  await expect(reviews.getByText(minerText)).toHaveCount(0);
  await expect(visitor.getByText(/out of 5, \d+ reviews?/).first()).toBeAttached();

  // And in search: best-rated first, the miner's stars on its cards.
  await visitor.goto("/search?sort=rating&minRating=3");
  const card = visitor.locator("[data-listing-id]").first();
  await expect(card.getByText(/out of 5, \d+ reviews?/)).toBeAttached();
  await expect(card.locator(`a[href="/miners/${minerOrganizationId}"]`)).toBeVisible();
});
