import { expect, test, type Browser, type Page } from "@playwright/test";
import { SignInPage } from "./pages/auth-pages";
import { DEMO, DEMO_PASSWORD, storageState } from "./support/accounts";
import { e2eSql } from "./support/database";

type ListingRow = { id: string; title: string };

/**
 * A published listing of `minerEmail`'s organization. With `noDealWith`, only one whose
 * organization has no confirmed (or later) booking with that buyer's organization, so
 * contact details are still masked between them.
 */
async function publishedListing(minerEmail: string, noDealWith?: string): Promise<ListingRow> {
  const sql = e2eSql();
  try {
    const [row] = await sql<ListingRow[]>`
      select l.id, l.title from listings l join organizations o on o.id = l.organization_id
      where l.status = 'published' and o.status = 'active'
        and o.id = (select organization_id from users where email = ${minerEmail})
        and (${noDealWith ?? null}::text is null or not exists (
          select 1 from bookings b join listings bl on bl.id = b.listing_id
          where bl.organization_id = o.id and b.status in ('confirmed', 'active', 'completed')
            and b.buyer_organization_id = (select organization_id from users where email = ${noDealWith ?? null})))
      order by l.created_at, l.id limit 1`;
    if (!row) throw new Error(`The seed has no suitable published listing of ${minerEmail}`);
    return row;
  } finally {
    await sql.end();
  }
}

async function signedIn(browser: Browser, role: "buyer" | "miner"): Promise<Page> {
  const context = await browser.newContext({ storageState: storageState(role) });
  return context.newPage();
}

/** The header's Messages link (desktop nav), whose name carries the unread count. */
const messagesLink = (page: Page) => page.getByRole("navigation", { name: "Main", exact: true }).getByRole("link", { name: /^Messages/ });

async function unreadCount(page: Page): Promise<number> {
  const name = (await messagesLink(page).textContent()) ?? "";
  const match = /, (\d+) unread/.exec(name);
  return match ? Number(match[1]) : 0;
}

test("a buyer asks from a listing page; the miner sees the badge and the thread, replies, and the buyer sees it live", async ({ browser }) => {
  const listing = await publishedListing(DEMO.miner);
  const question = `Can we tour the substation before we reserve? (${Date.now()})`;
  const reply = `Yes, Tuesdays at 10 am work best (${Date.now()}).`;

  const miner = await signedIn(browser, "miner");
  await miner.goto("/dashboard");
  await expect(messagesLink(miner)).toBeVisible();
  const before = await unreadCount(miner);

  const buyer = await signedIn(browser, "buyer");
  await buyer.goto(`/listings/${listing.id}`);
  const ask = buyer.getByRole("region", { name: "Ask the miner" });
  await ask.getByRole("button", { name: "Send question" }).click();
  await expect(ask.getByText("Write a message.")).toBeVisible(); // empty: refused in place
  await ask.getByLabel("Your question").fill(question);
  await ask.getByRole("button", { name: "Send question" }).click();
  await expect(buyer).toHaveURL(/\/messages\/[0-9a-f-]{36}\?sent=1$/);
  const threadUrl = buyer.url().replace(/\?.*$/, "");
  await expect(buyer.getByRole("list", { name: "Messages, oldest first" }).getByText(question)).toBeVisible();

  // The miner's dashboard was not reloaded: the badge follows by itself.
  await expect.poll(() => unreadCount(miner), { timeout: 15_000 }).toBe(before + 1);

  await messagesLink(miner).click();
  await expect(miner).toHaveURL(/\/messages$/);
  const row = miner.getByRole("link", { name: new RegExp(question.replace(/[()?]/g, "\\$&")) });
  await expect(row).toContainText(listing.title);
  await expect(row).toContainText("Lattice Labs");
  await expect(row).toContainText("1 unread");
  await row.click();
  await expect(miner).toHaveURL(threadUrl);
  await expect(miner.getByText(question)).toBeVisible();

  // The buyer's open thread must take the reply without a reload: a marker on the window survives only then.
  await buyer.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
  const composer = miner.getByLabel("Your message");
  await composer.fill(reply);
  await composer.press("Control+Enter");
  await expect(miner.getByRole("list", { name: "Messages, oldest first" }).getByText(reply)).toBeVisible();
  await expect(composer).toHaveValue("");
  await expect(composer).toBeFocused();

  await expect(buyer.getByRole("list", { name: "Messages, oldest first" }).getByText(reply)).toBeVisible({ timeout: 5_000 });
  expect(await buyer.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
  // Shown once, however it arrived (stream, poll or both).
  await expect(buyer.getByText(reply)).toHaveCount(1);

  // Back on the listing, the buyer's team is pointed to the same conversation.
  await buyer.goto(`/listings/${listing.id}`);
  await expect(buyer.getByRole("link", { name: "Continue the conversation" })).toHaveAttribute("href", new URL(threadUrl).pathname);

  await buyer.context().close();
  await miner.context().close();
});

test("contact details are masked to the miner before any confirmed booking; the miner reports the message and an admin reads the original and dismisses it", async ({ browser }) => {
  // The demo buyer already has confirmed bookings with the demo miner (contacts shared); the
  // second demo miner has none with the demo buyer's organization, which the query checks.
  const listing = await publishedListing(DEMO.miner2, DEMO.buyer);
  const question = "Could you call me on +1 415 555 0134 or write to maya.okafor@latticelabs.com before Friday?";

  const buyer = await signedIn(browser, "buyer");
  await buyer.goto(`/listings/${listing.id}`);
  await buyer.getByLabel("Your question").fill(question);
  await buyer.getByRole("button", { name: "Send question" }).click();
  await expect(buyer).toHaveURL(/\/messages\/[0-9a-f-]{36}/);
  const threadPath = new URL(buyer.url()).pathname;
  // The sender sees what they wrote, and the notice says why the other side does not.
  await expect(buyer.getByText(question)).toBeVisible();
  await expect(buyer.getByText("Email addresses, phone numbers and links are hidden from the other side until a booking is confirmed")).toBeVisible();

  const context = await browser.newContext();
  const miner = await context.newPage();
  const signIn = new SignInPage(miner);
  await signIn.open();
  await signIn.signIn(DEMO.miner2, DEMO_PASSWORD);
  await expect(miner).toHaveURL(/\/dashboard/);
  await miner.goto(threadPath);
  const messages = miner.getByRole("list", { name: "Messages, oldest first" });
  await expect(messages.getByText("[contact details are shared once a booking is confirmed]").first()).toBeVisible();
  await expect(messages).not.toContainText("latticelabs.com");
  await expect(messages).not.toContainText("555 0134");
  await expect(messages.getByText("Contact details hidden until a booking is confirmed")).toBeVisible();

  // The miner reports it; an admin reads the original from the report and dismisses it.
  await messages.getByText("Report this message from Maya Okafor").click();
  await messages.getByLabel("What is wrong?").selectOption({ label: "Spam or repeated messages" });
  await messages.getByLabel("Details (optional)").fill("Trying to take the deal off the platform.");
  await messages.getByRole("button", { name: "Send report" }).click();
  await expect(messages.getByText("Reported. Our admins will review it")).toBeVisible();

  const admin = await (await browser.newContext({ storageState: storageState("admin") })).newPage();
  await admin.goto("/admin/messages");
  const report = admin.getByRole("article").filter({ hasText: "Trying to take the deal off the platform." });
  await expect(report).toContainText("maya.okafor@latticelabs.com");
  await report.getByRole("link", { name: "Read the whole conversation" }).click();
  await expect(admin).toHaveURL(new RegExp(`${threadPath}$`));
  await expect(admin.getByText(question)).toBeVisible();
  await admin.goBack();
  await admin.getByRole("article").filter({ hasText: "Trying to take the deal off the platform." }).getByLabel("Note on what you did").fill("Reminded both parties of the off-platform rule.");
  await admin.getByRole("button", { name: "Dismiss" }).click();
  await expect(admin.getByText("Report dismissed")).toBeVisible();

  await admin.context().close();
  await context.close();
  await buyer.context().close();
});

test("a thread the viewer is not a party to is a 404", async ({ browser }) => {
  const sql = e2eSql();
  let threadId: string;
  try {
    // An inquiry of another buyer with a miner other than the demo miner.
    const [row] = await sql<{ id: string }[]>`
      select t.id from message_threads t
      where t.buyer_organization_id <> (select organization_id from users where email = ${DEMO.buyer})
        and t.miner_organization_id <> (select organization_id from users where email = ${DEMO.miner})
      order by t.created_at limit 1`;
    threadId = row!.id;
  } finally {
    await sql.end();
  }
  const buyer = await signedIn(browser, "buyer");
  const response = await buyer.goto(`/messages/${threadId}`);
  expect(response?.status()).toBe(404);
  await buyer.context().close();
});
