// Conversations through the route handlers: who gets 401/404, bad bodies, flood limits,
// suspension, masking around confirmation, the unread-mail rule, NOTIFY across
// connections and the SSE stream.
import { and, eq, sql } from "drizzle-orm";
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { POST as listingAction } from "@/app/api/v1/listings/[id]/[action]/route";
import { GET as getBookingRoute } from "@/app/api/v1/bookings/[id]/route";
import { GET as getThreads } from "@/app/api/v1/threads/route";
import { GET as getThreadRoute } from "@/app/api/v1/threads/[id]/route";
import { POST as postMessageRoute } from "@/app/api/v1/threads/[id]/messages/route";
import { GET as threadEvents } from "@/app/api/v1/threads/[id]/events/route";
import { acceptBooking } from "@/db/queries/booking-actions";
import { createBooking } from "@/db/queries/bookings";
import { getThread, postMessage, setMessageMail } from "@/db/queries/messages";
import { processPaymentEvent } from "@/db/queries/payment-events";
import { messages, organizations, outboxEmails, rateLimits } from "@/db/schema";
import { callerOf } from "@/lib/api/handler";
import { threadEventStream } from "@/lib/api/thread-events";
import { CONTACT_MASK } from "@/lib/domain/contact-masking";
import { sweepUnreadMessageMail } from "@/lib/jobs/sweeps";
import { testPaymentIntentId, testProvider } from "@/lib/payments/test-provider";
import { subscribeThreadMessages, subscriberCount } from "@/lib/realtime";
import { publishedListing, window } from "../support/bookings";
import { apiRequest, makeAccount, makeAdminWithToken, params } from "../support/fixtures";

const ctx = { provider: testProvider, appUrl: "http://localhost:3000" };
const MINUTE = 60_000;

async function ask(token: string, listingId: string, body: unknown) {
  return listingAction(apiRequest("POST", `/api/v1/listings/${listingId}/inquiry`, token, body), params({ id: listingId, action: "inquiry" }));
}
async function post(token: string | null, threadId: string, body: unknown) {
  return postMessageRoute(apiRequest("POST", `/api/v1/threads/${threadId}/messages`, token, body), params({ id: threadId }));
}
async function read(token: string | null, threadId: string, query = "") {
  return getThreadRoute(apiRequest("GET", `/api/v1/threads/${threadId}${query}`, token), params({ id: threadId }));
}

async function conversation(question = "Is the substation energized today?") {
  const { miner, listing } = await publishedListing();
  const buyer = await makeAccount("buyer");
  const response = await ask(buyer.token, listing.id, { body: question });
  expect(response.status).toBe(201);
  const { threadId, messageId } = (await response.json()) as { threadId: string; messageId: string };
  return { miner, buyer, listing, threadId, messageId };
}

async function messageCount(db: Awaited<ReturnType<typeof makeAccount>>["db"], threadId: string) {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(messages).where(eq(messages.threadId, threadId));
  return row!.n;
}

/** Waits until the current fixed minute has at least `seconds` left, so a limit test does not straddle two windows. */
async function roomInMinute(seconds: number) {
  const left = 60 - (Date.now() % MINUTE) / 1000;
  if (left < seconds) await new Promise((r) => setTimeout(r, left * 1000 + 50));
}

describe("the API's visibility rules", () => {
  it("answers both parties and admins, 404 to other organizations and 401 signed out", async () => {
    const { miner, buyer, threadId } = await conversation();
    const admin = await makeAdminWithToken();
    for (const token of [buyer.token, miner.token, admin.token]) {
      const response = await read(token, threadId);
      expect(response.status).toBe(200);
      const body = await response.json();
      expect(body).toMatchObject({ id: threadId, kind: "inquiry", hasEarlier: false, messages: [{ body: "Is the substation energized today?", author: { id: buyer.user.id, organizationName: buyer.organization.name } }] });
    }
    for (const kind of ["buyer", "miner"] as const) {
      const stranger = await makeAccount(kind);
      expect((await read(stranger.token, threadId)).status).toBe(404);
      expect((await post(stranger.token, threadId, { body: "hello" })).status).toBe(404);
      expect((await threadEvents(apiRequest("GET", `/api/v1/threads/${threadId}/events`, stranger.token), params({ id: threadId }))).status).toBe(404);
      const inbox = await (await getThreads(apiRequest("GET", "/api/v1/threads", stranger.token), params({}))).json();
      expect(inbox).toEqual({ items: [], unreadTotal: 0 });
    }
    expect((await read(null, threadId)).status).toBe(401);
    expect((await post(null, threadId, { body: "hello" })).status).toBe(401);
    expect((await threadEvents(apiRequest("GET", `/api/v1/threads/${threadId}/events`, null), params({ id: threadId }))).status).toBe(401);
    expect((await read(buyer.token, "not-a-uuid")).status).toBe(404);
    expect((await read(buyer.token, "8b0e7b8e-2f7c-4c55-9a0b-000000000001")).status).toBe(404);
  });

  it("lists the inbox with unread counts and marks a thread read when it is opened", async () => {
    const { miner, buyer, threadId } = await conversation();
    const inbox = await (await getThreads(apiRequest("GET", "/api/v1/threads", miner.token), params({}))).json();
    expect(inbox.unreadTotal).toBe(1);
    expect(inbox.items[0]).toMatchObject({ id: threadId, kind: "inquiry", bookingId: null, counterparty: { id: buyer.organization.id, name: buyer.organization.name }, unreadCount: 1 });
    expect(typeof inbox.items[0].lastMessageAt).toBe("string");
    await read(miner.token, threadId);
    const after = await (await getThreads(apiRequest("GET", "/api/v1/threads", miner.token), params({}))).json();
    expect(after.unreadTotal).toBe(0);
    const reply = await post(miner.token, threadId, { body: "  Yes: 161 kV, energized.  " });
    expect(reply.status).toBe(201);
    expect(await reply.json()).toMatchObject({ body: "Yes: 161 kV, energized.", id: expect.any(String), createdAt: expect.any(String) });
    expect((await (await getThreads(apiRequest("GET", "/api/v1/threads", buyer.token), params({}))).json()).unreadTotal).toBe(1);
  });

  it("gives every booking a thread, named by GET /api/v1/bookings/{id}", async () => {
    const { miner, listing } = await publishedListing();
    const buyer = await makeAccount("buyer");
    const booking = await createBooking(buyer.db, buyer.actor, { listingId: listing.id, kw: 100, ...window(listing.availableFrom, 0, 40) });
    const detail = await (await getBookingRoute(apiRequest("GET", `/api/v1/bookings/${booking.id}`, miner.token), params({ id: booking.id }))).json();
    expect(detail.threadId).toEqual(expect.any(String));
    const thread = await (await read(buyer.token, detail.threadId)).json();
    expect(thread).toMatchObject({ kind: "booking", bookingId: booking.id, listingId: listing.id, messages: [] });
  });
});

describe("bad input and floods", () => {
  it.each([
    ["an empty body", { body: "" }, "Write a message."],
    ["a whitespace body", { body: " \n\t " }, "Write a message."],
    ["a missing body", {}, "Write a message."],
    ["a 10,001-character body", { body: "x".repeat(10_001) }, "Use at most 10,000 characters."],
  ])("refuses %s with 400 naming body, writing nothing", async (_label, body, message) => {
    const { buyer, listing, threadId } = await conversation();
    const before = await messageCount(buyer.db, threadId);
    const reply = await post(buyer.token, threadId, body);
    expect(reply.status).toBe(400);
    expect((await reply.json()).error).toMatchObject({ code: "validation_failed", fields: { body: message } });
    const inquiry = await ask(buyer.token, listing.id, body);
    expect(inquiry.status).toBe(400);
    expect((await inquiry.json()).error.fields.body).toBe(message);
    expect(await messageCount(buyer.db, threadId)).toBe(before);
  });

  it("refuses unknown fields and non-JSON bodies", async () => {
    const { buyer, threadId } = await conversation();
    expect((await post(buyer.token, threadId, { body: "hi", authorUserId: buyer.user.id })).status).toBe(400);
    expect((await post(buyer.token, threadId, "not json")).status).toBe(400);
    expect((await read(buyer.token, threadId, "?before=nope")).status).toBe(400);
  });

  it("answers the 21st message in a minute with 429 and Retry-After, writing nothing", async () => {
    await roomInMinute(20);
    const { buyer, threadId } = await conversation("first"); // the inquiry's message counts too
    for (let i = 2; i <= 20; i++) expect((await post(buyer.token, threadId, { body: `message ${i}` })).status).toBe(201);
    const refused = await post(buyer.token, threadId, { body: "one too many" });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await refused.json()).error.code).toBe("rate_limited");
    expect(await messageCount(buyer.db, threadId)).toBe(20);
    // A colleague is not held up by another person's flood.
    const rows = await buyer.db.select().from(rateLimits).where(eq(rateLimits.key, `messages:${buyer.user.id}`));
    expect(rows.at(-1)!.hits).toBe(20);
  });

  it("answers the 11th new inquiry in an hour with 429, creating no thread", async () => {
    const buyer = await makeAccount("buyer");
    const listings = [];
    for (let i = 0; i < 11; i++) listings.push((await publishedListing()).listing);
    for (const listing of listings.slice(0, 10)) expect((await ask(buyer.token, listing.id, { body: "Question?" })).status).toBe(201);
    // A follow-up in an existing inquiry is not a new one.
    expect((await ask(buyer.token, listings[0]!.id, { body: "Another question" })).status).toBe(201);
    const refused = await ask(buyer.token, listings[10]!.id, { body: "Question?" });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    const [row] = await buyer.db.select({ n: sql<number>`count(*)::int` }).from(sql`message_threads`).where(sql`listing_id = ${listings[10]!.id}`);
    expect(row!.n).toBe(0);
  });

  it("keeps a suspended organization's members from reading or writing", async () => {
    const { miner, buyer, threadId } = await conversation();
    await buyer.db.update(organizations).set({ status: "suspended", suspendedAt: new Date(), suspendedReason: "test" }).where(eq(organizations.id, buyer.organization.id));
    // Through the API the token stops working at all; the queries refuse on their own too.
    expect((await read(buyer.token, threadId)).status).toBe(401);
    expect((await post(buyer.token, threadId, { body: "still here?" })).status).toBe(401);
    await expect(getThread(buyer.db, buyer.actor, threadId)).rejects.toMatchObject({ status: 404 });
    await expect(postMessage(buyer.db, buyer.actor, threadId, { body: "still here?" })).rejects.toMatchObject({ status: 404 });
    expect(await messageCount(buyer.db, threadId)).toBe(1);
    // The miner still reads the thread (and the buyer's message).
    expect((await read(miner.token, threadId)).status).toBe(200);
  });
});

describe("masking around confirmation", () => {
  it("hides contact details from the miner until the booking is confirmed, then shows both sides the original", async () => {
    const text = "Reach me at jane@gridco.io or +1 (512) 555-0100; site tour on 2027-01-15?";
    const { miner, buyer, listing, threadId } = await conversation(text);
    const masked = await (await read(miner.token, threadId)).json();
    expect(masked.contactsShared).toBe(false);
    expect(masked.messages[0]).toMatchObject({ masked: true, body: `Reach me at ${CONTACT_MASK} or ${CONTACT_MASK}; site tour on 2027-01-15?` });
    expect((await (await read(buyer.token, threadId)).json()).messages[0].body).toBe(text);

    const booking = await createBooking(buyer.db, buyer.actor, { listingId: listing.id, kw: 100, ...window(listing.availableFrom, 0, 40) });
    await processPaymentEvent(buyer.db, { id: `evt_${booking.id}`, provider: "test", providerType: "test.authorized", kind: "authorized", paymentId: booking.paymentId, paymentIntentId: testPaymentIntentId(booking.paymentId) }, ctx);
    // Paid but not accepted: still masked.
    expect((await (await read(miner.token, threadId)).json()).messages[0].masked).toBe(true);
    await acceptBooking(miner.db, miner.actor, booking.id, ctx);
    const shown = await (await read(miner.token, threadId)).json();
    expect(shown.contactsShared).toBe(true);
    expect(shown.messages[0]).toMatchObject({ masked: false, body: text });
  });
});

describe("mail that respects attention", () => {
  const delay = 10;
  const later = (minutes: number) => new Date(Date.now() + minutes * MINUTE);
  const mailTo = async (db: Awaited<ReturnType<typeof makeAccount>>["db"], email: string) =>
    db.select().from(outboxEmails).where(and(eq(outboxEmails.toAddress, email), eq(outboxEmails.template, "unread-message")));

  it("mails once about an unread message, not again within the hour, and with the contact details masked", async () => {
    const { miner, buyer, threadId } = await conversation("Can we visit? Call +1 (512) 555-0100.\nSecond line.");
    expect(await sweepUnreadMessageMail(miner.db, ctx, later(5), delay)).toBe(0); // too early
    expect(await mailTo(miner.db, miner.user.email)).toHaveLength(0);
    await sweepUnreadMessageMail(miner.db, ctx, later(11), delay);
    const [mail, ...more] = await mailTo(miner.db, miner.user.email);
    expect(more).toHaveLength(0);
    expect(mail!.textBody).toContain(`http://localhost:3000/messages/${threadId}`);
    expect(mail!.textBody).toContain("Can we visit?");
    expect(mail!.textBody).toContain("Second line.");
    expect(mail!.textBody).not.toContain("555");
    expect(mail!.subject).toContain(buyer.organization.name);
    // The author is never mailed about their own message.
    expect(await mailTo(miner.db, buyer.user.email)).toHaveLength(0);

    await postMessage(buyer.db, buyer.actor, threadId, { body: "Any news?" });
    await sweepUnreadMessageMail(miner.db, ctx, later(30), delay);
    expect(await mailTo(miner.db, miner.user.email)).toHaveLength(1);
    // After the hour, a new unread message mails again.
    await postMessage(buyer.db, buyer.actor, threadId, { body: "Hello again" });
    await sweepUnreadMessageMail(miner.db, ctx, later(75), delay);
    expect(await mailTo(miner.db, miner.user.email)).toHaveLength(2);
  });

  it("does not mail someone who read the message in time, or who turned message mail off", async () => {
    const read = await conversation();
    await getThread(read.miner.db, read.miner.actor, read.threadId);
    const off = await conversation();
    await setMessageMail(off.miner.db, off.miner.actor, false);
    await sweepUnreadMessageMail(read.miner.db, ctx, later(11), delay);
    expect(await mailTo(read.miner.db, read.miner.user.email)).toHaveLength(0);
    expect(await mailTo(off.miner.db, off.miner.user.email)).toHaveLength(0);
    // Checked once: a later sweep does not look at them again.
    const [row] = await read.miner.db.select({ checked: messages.mailCheckedAt }).from(messages).where(eq(messages.id, read.messageId));
    expect(row!.checked).not.toBeNull();
  });
});

describe("live updates", () => {
  it("delivers NOTIFY from one connection to a LISTEN on another, and again after the listening connection drops", async () => {
    const url = process.env.DATABASE_URL!;
    const listener = postgres(url, { max: 1, onnotice: () => {} });
    const writer = postgres(url, { max: 1, onnotice: () => {} });
    try {
      const { threadId, buyer } = await conversation();
      const received: { threadId: string; messageId: string }[] = [];
      let listens = 0;
      await listener.listen("thread_messages", (payload) => received.push(JSON.parse(payload)), () => listens++);
      const [inserted] = await writer`insert into messages (thread_id, author_user_id, body) values (${threadId}, ${buyer.user.id}, 'over the wire') returning id`;
      await expect.poll(() => received.find((e) => e.messageId === inserted!.id), { timeout: 3000 }).toEqual({ threadId, messageId: inserted!.id });

      // Drop the LISTEN connection from the server side: postgres.js reconnects and listens again.
      await writer`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and query ilike 'listen%'`;
      await expect.poll(() => listens, { timeout: 5000 }).toBeGreaterThanOrEqual(2);
      const [again] = await writer`insert into messages (thread_id, author_user_id, body) values (${threadId}, ${buyer.user.id}, 'after the drop') returning id`;
      await expect.poll(() => received.some((e) => e.messageId === again!.id), { timeout: 3000 }).toBe(true);
    } finally {
      await listener.end({ timeout: 1 });
      await writer.end({ timeout: 1 });
    }
  });

  it("fans the process's one LISTEN out to subscribers and stops listening when the last leaves", async () => {
    const { buyer, threadId } = await conversation();
    const a: string[] = [];
    const b: string[] = [];
    const offA = await subscribeThreadMessages((e) => e.threadId === threadId && a.push(e.messageId));
    const offB = await subscribeThreadMessages((e) => e.threadId === threadId && b.push(e.messageId));
    const message = await postMessage(buyer.db, buyer.actor, threadId, { body: "to both" });
    await expect.poll(() => [a, b], { timeout: 3000 }).toEqual([[message.id], [message.id]]);
    offA();
    offA();
    const second = await postMessage(buyer.db, buyer.actor, threadId, { body: "to b" });
    await expect.poll(() => b, { timeout: 3000 }).toEqual([message.id, second.id]);
    expect(a).toEqual([message.id]);
    offB();
    expect(subscriberCount()).toBe(0);
  });

  it("streams the other side's messages as Server-Sent Events, masked as the page would show them, and resumes from Last-Event-ID", async () => {
    const { miner, buyer, threadId } = await conversation();
    const abort = new AbortController();
    const request = new Request(`http://127.0.0.1:3000/api/v1/threads/${threadId}/events`, { headers: { authorization: `Bearer ${miner.token}` }, signal: abort.signal });
    const response = await threadEvents(request, params({ id: threadId }));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = "";
    const until = async (pattern: RegExp) => {
      const deadline = Date.now() + 3000;
      while (!pattern.test(text)) {
        if (Date.now() > deadline) throw new Error(`no ${pattern} in ${text}`);
        const { value, done } = await reader.read();
        if (done) break;
        text += decoder.decode(value);
      }
    };
    const first = await postMessage(buyer.db, buyer.actor, threadId, { body: "Mail me at jane@gridco.io" });
    await until(/event: message\ndata: .*\n\n/);
    expect(text).toContain(`id: ${first.id}\nevent: message\n`);
    const data = JSON.parse(/data: (.*)\n/.exec(text.slice(text.indexOf("event: message")))![1]!);
    expect(data).toMatchObject({ id: first.id, body: `Mail me at ${CONTACT_MASK}`, masked: true, author: { id: buyer.user.id } });
    abort.abort();
    await reader.cancel().catch(() => {});
    await expect.poll(() => subscriberCount(), { timeout: 2000 }).toBe(0);

    // Two messages while away: a reconnect with Last-Event-ID gets both, in order.
    const m2 = await postMessage(buyer.db, buyer.actor, threadId, { body: "two" });
    const m3 = await postMessage(buyer.db, buyer.actor, threadId, { body: "three" });
    const resumed = await threadEvents(
      new Request(`http://127.0.0.1:3000/api/v1/threads/${threadId}/events`, { headers: { authorization: `Bearer ${miner.token}`, "last-event-id": first.id } }),
      params({ id: threadId }),
    );
    const r2 = resumed.body!.getReader();
    let resumedText = "";
    while (!resumedText.includes(m3.id)) resumedText += decoder.decode((await r2.read()).value);
    expect(resumedText.indexOf(m2.id)).toBeLessThan(resumedText.indexOf(m3.id));
    await r2.cancel();
  });

  it("sends heartbeats and ends the stream when the caller's organization is suspended", async () => {
    const { miner, threadId } = await conversation();
    const request = apiRequest("GET", `/api/v1/threads/${threadId}/events`, miner.token);
    const caller = (await callerOf(request))!;
    const response = await threadEventStream(request, caller, threadId, { heartbeatMs: 150 });
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = "";
    while (!text.includes("event: ping")) text += decoder.decode((await reader.read()).value);
    await miner.db.update(organizations).set({ status: "suspended", suspendedAt: new Date(), suspendedReason: "test" }).where(eq(organizations.id, miner.organization.id));
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value);
    }
    expect(text).toContain('event: end\ndata: {"reason":"access_ended"}');
    await expect.poll(() => subscriberCount(), { timeout: 2000 }).toBe(0);
  });
});
