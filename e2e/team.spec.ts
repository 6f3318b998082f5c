import { expect, test } from "@playwright/test";
import { DEMO, storageState } from "./support/accounts";
import { e2eSql } from "./support/database";
import { mailedLink } from "./support/mail";

const uniqueEmail = (label: string) => `${label}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.test`;

test.use({ storageState: storageState("miner") });

test("an owner invites a colleague, who joins from the mailed link; removed, their next page is signed out", async ({ page, browser }) => {
  const email = uniqueEmail("colleague");
  const name = "Ines Colleague";

  await page.goto("/settings/organization");
  await expect(page.getByRole("heading", { name: "Members" })).toBeVisible();
  const invite = page.getByRole("form", { name: /Invite someone to/ });
  await invite.getByLabel("Email address").fill(email);
  await invite.getByLabel("Role").selectOption("member");
  await invite.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText(`Invitation sent to ${email}. The link works for 7 days.`)).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: email })).toContainText("Pending");

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: "test-results/team-organization-1280.png", fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: "test-results/team-organization-390.png", fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });

  // The colleague, in a browser of their own, follows the link from the mail.
  const link = await mailedLink(email, "/invitations/");
  const colleague = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const theirs = await colleague.newPage();
  await theirs.goto(link);
  await expect(theirs.getByRole("heading", { name: /^Join / })).toBeVisible();
  await expect(theirs.getByRole("link", { name: "Sign in to accept" })).toBeVisible();
  await theirs.setViewportSize({ width: 390, height: 844 });
  await theirs.screenshot({ path: "test-results/team-invitation-390.png", fullPage: true });
  const join = theirs.getByRole("form", { name: /Create an account and join/ });
  await join.getByLabel("Your name").fill(name);
  await join.getByLabel("Choose a password").fill("hashrate for hire 42");
  await join.getByRole("button", { name: "Create account and join" }).click();
  await expect(theirs).toHaveURL(/\/dashboard/);
  await expect(theirs.getByText(/^Miner · /)).toBeVisible();

  // The link is spent: opening it again explains, and changes nothing.
  await theirs.goto(link);
  await expect(theirs.getByRole("heading", { name: "This invitation was already accepted" })).toBeVisible();

  // The owner sees them and removes them, with a confirm step.
  await page.reload();
  const row = page.getByRole("row").filter({ hasText: email });
  await expect(row).toContainText(name);
  await row.getByRole("button", { name: `Remove ${name}` }).click();
  await row.getByRole("form", { name: `Confirm removing ${name}` }).getByRole("button", { name: "Yes, remove" }).click();
  await expect(page.getByRole("row").filter({ hasText: email })).toHaveCount(0);

  // Their very next page load is a signed-out one.
  await theirs.goto("/dashboard");
  await expect(theirs).toHaveURL(/\/sign-in/);
  await colleague.close();
});

/** A booking request on the demo miner's listings that is waiting for the miner's answer. */
async function awaitingRequest(): Promise<string> {
  const sql = e2eSql();
  try {
    const [row] = await sql<{ id: string }[]>`
      select b.id from bookings b
      join listings l on l.id = b.listing_id
      join users u on u.organization_id = l.organization_id and u.email = ${DEMO.miner}
      where b.status = 'awaiting_provider' and (b.respond_by is null or b.respond_by > now())
      order by b.created_at desc limit 1`;
    if (!row) throw new Error("the seed has no booking request awaiting the demo miner");
    return row.id;
  } finally {
    await sql.end();
  }
}

test("a colleague who joined from the mailed link answers a booking request", async ({ page, browser }) => {
  test.slow();
  const email = uniqueEmail("ops");
  await page.goto("/settings/organization");
  const invite = page.getByRole("form", { name: /Invite someone to/ });
  await invite.getByLabel("Email address").fill(email);
  await invite.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText(`Invitation sent to ${email}. The link works for 7 days.`)).toBeVisible();

  const colleague = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const theirs = await colleague.newPage();
  await theirs.goto(await mailedLink(email, "/invitations/"));
  const join = theirs.getByRole("form", { name: /Create an account and join/ });
  await join.getByLabel("Your name").fill("Omar Operations");
  await join.getByLabel("Choose a password").fill("hashrate for hire 42");
  await join.getByRole("button", { name: "Create account and join" }).click();
  await expect(theirs).toHaveURL(/\/dashboard/);

  const bookingId = await awaitingRequest();
  await theirs.goto(`/miner/bookings/${bookingId}`);
  await theirs.getByRole("button", { name: "Accept", exact: true }).click();
  await theirs.getByRole("button", { name: "Yes, accept" }).click();
  await expect(theirs.getByText(/^Accepted\. The deposit was captured/)).toBeVisible();

  // A member sees the team but cannot manage it.
  await theirs.goto("/settings/organization");
  await expect(theirs.getByRole("row").filter({ hasText: email })).toContainText("Member");
  await expect(theirs.getByRole("button", { name: /^Remove / })).toHaveCount(0);
  await expect(theirs.getByRole("form", { name: /Invite someone to/ })).toHaveCount(0);
  await colleague.close();
});

test("a forged invitation link gets a clear page", async ({ page }) => {
  await page.goto("/invitations/not-a-real-token");
  await expect(page.getByRole("heading", { name: "This invitation link is not valid" })).toBeVisible();
  await page.goto(`/invitations/${"A".repeat(43)}`);
  await expect(page.getByRole("heading", { name: "This invitation link is not valid" })).toBeVisible();
});
