import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createBooking } from "@/db/queries/bookings";
import {
  createInquiry,
  findInquiryThreadId,
  getMessageMail,
  getThread,
  listThreads,
  messagesSince,
  postMessage,
  reportMessage,
  setMessageMail,
  unreadTotal,
} from "@/db/queries/messages";
import { messageReports, messageThreads } from "@/db/schema";
import { CONTACT_MASK } from "@/lib/domain/contact-masking";
import { AppError } from "@/lib/errors";
import { makeAccount, makeAdmin } from "../support/fixtures";
import { publishedListing, window } from "../support/bookings";

async function caught(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** A published listing, its miner, a buyer who asked about it, and the inquiry thread. */
async function conversation(question = "Is the substation energized today?") {
  const { miner, listing } = await publishedListing();
  const buyer = await makeAccount("buyer");
  const { threadId, messageId } = await createInquiry(buyer.db, buyer.actor, listing.id, { body: question });
  return { miner, buyer, listing, threadId, messageId };
}

describe("inquiry threads", () => {
  it("gives a buyer organization one inquiry thread per listing, found again on the next question", async () => {
    const { buyer, listing, threadId } = await conversation();
    const again = await createInquiry(buyer.db, buyer.actor, listing.id, { body: "And the SLA?" });
    expect(again.threadId).toBe(threadId);
    expect(await findInquiryThreadId(buyer.db, buyer.actor, listing.id)).toBe(threadId);
    const rows = await buyer.db.select({ id: messageThreads.id }).from(messageThreads).where(eq(messageThreads.listingId, listing.id));
    expect(rows).toHaveLength(1);
    const page = await getThread(buyer.db, buyer.actor, threadId);
    expect(page.messages.map((m) => m.body)).toEqual(["Is the substation energized today?", "And the SLA?"]);
    expect(page.messages.every((m) => m.mine)).toBe(true);
  });

  it("lets members of both organizations and admins read, and tells anyone else the thread does not exist", async () => {
    const { miner, buyer, threadId } = await conversation();
    const admin = await makeAdmin();
    const otherBuyer = await makeAccount("buyer");
    const otherMiner = await makeAccount("miner");
    for (const reader of [buyer.actor, miner.actor, admin]) {
      const page = await getThread(buyer.db, reader, threadId);
      expect(page.thread.id).toBe(threadId);
      expect(page.messages).toHaveLength(1);
    }
    for (const stranger of [otherBuyer.actor, otherMiner.actor]) {
      expect(await caught(getThread(buyer.db, stranger, threadId))).toMatchObject({ status: 404 });
      expect(await caught(postMessage(buyer.db, stranger, threadId, { body: "hi" }))).toMatchObject({ status: 404 });
      expect(await caught(messagesSince(buyer.db, stranger, threadId, null))).toMatchObject({ status: 404 });
    }
    expect((await listThreads(buyer.db, otherBuyer.actor)).items).toEqual([]);
  });

  it("refuses miners and unpublished listings", async () => {
    const { miner, listing } = await publishedListing();
    expect(await caught(createInquiry(miner.db, miner.actor, listing.id, { body: "hi" }))).toMatchObject({ status: 403 });
    const buyer = await makeAccount("buyer");
    await miner.db.execute(sql`update listings set status = 'paused' where id = ${listing.id}`);
    expect(await caught(createInquiry(buyer.db, buyer.actor, listing.id, { body: "hi" }))).toMatchObject({ status: 404 });
    expect(await caught(createInquiry(buyer.db, buyer.actor, "not-a-uuid", { body: "hi" }))).toMatchObject({ status: 404 });
  });
});

describe("booking threads", () => {
  it("creates the booking's thread with the booking", async () => {
    const { miner, listing } = await publishedListing();
    const buyer = await makeAccount("buyer");
    const booking = await createBooking(buyer.db, buyer.actor, { listingId: listing.id, kw: 100, ...window(listing.availableFrom, 0, 40) });
    const [thread] = await buyer.db.select().from(messageThreads).where(and(eq(messageThreads.bookingId, booking.id), eq(messageThreads.kind, "booking")));
    expect(thread).toMatchObject({ listingId: listing.id, buyerOrganizationId: buyer.organization.id, minerOrganizationId: miner.organization.id });
    const inbox = await listThreads(miner.db, miner.actor);
    expect(inbox.items.map((t) => t.id)).toContain(thread!.id);
  });
});

describe("unread counts", () => {
  it("counts the other side's messages until the reader opens the thread", async () => {
    const { miner, buyer, threadId } = await conversation();
    await createInquiry(buyer.db, buyer.actor, (await buyer.db.select().from(messageThreads).where(eq(messageThreads.id, threadId)))[0]!.listingId, { body: "Second question" });
    let inbox = await listThreads(miner.db, miner.actor);
    expect(inbox.items[0]).toMatchObject({ id: threadId, unreadCount: 2, counterparty: { id: buyer.organization.id }, lastMessage: { body: "Second question", mine: false } });
    expect(inbox.unreadTotal).toBe(2);
    expect(await unreadTotal(miner.db, miner.actor)).toBe(2);
    // The buyer wrote them: nothing unread on that side.
    expect(await unreadTotal(buyer.db, buyer.actor)).toBe(0);

    await getThread(miner.db, miner.actor, threadId);
    inbox = await listThreads(miner.db, miner.actor);
    expect(inbox.items[0]!.unreadCount).toBe(0);
    expect(inbox.unreadTotal).toBe(0);

    await postMessage(miner.db, miner.actor, threadId, { body: "Yes, energized at 161 kV." });
    expect(await unreadTotal(buyer.db, buyer.actor)).toBe(1);
    expect(await unreadTotal(miner.db, miner.actor)).toBe(0);
    // Reading with markRead: false (a preview) keeps the count.
    await getThread(buyer.db, buyer.actor, threadId, { markRead: false });
    expect(await unreadTotal(buyer.db, buyer.actor)).toBe(1);
    // An admin reading does not touch anyone's count.
    await getThread(buyer.db, await makeAdmin(), threadId);
    expect(await unreadTotal(buyer.db, buyer.actor)).toBe(1);
  });

  it("pages backwards from a cursor, oldest first within a page", async () => {
    const { buyer, threadId } = await conversation("m0");
    for (let i = 1; i < 7; i++) await postMessage(buyer.db, buyer.actor, threadId, { body: `m${i}` });
    const newest = await getThread(buyer.db, buyer.actor, threadId, { limit: 3 });
    expect(newest.messages.map((m) => m.body)).toEqual(["m4", "m5", "m6"]);
    expect(newest.hasEarlier).toBe(true);
    const earlier = await getThread(buyer.db, buyer.actor, threadId, { limit: 3, before: newest.messages[0]!.id });
    expect(earlier.messages.map((m) => m.body)).toEqual(["m1", "m2", "m3"]);
    const first = await getThread(buyer.db, buyer.actor, threadId, { limit: 3, before: earlier.messages[0]!.id });
    expect(first.messages.map((m) => m.body)).toEqual(["m0"]);
    expect(first.hasEarlier).toBe(false);
    const since = await messagesSince(buyer.db, buyer.actor, threadId, earlier.messages[2]!.id);
    expect(since.map((m) => m.body)).toEqual(["m4", "m5", "m6"]);
  });
});

describe("reports and mail settings", () => {
  it("lets a party report a message once while it is open, and nobody else", async () => {
    const { miner, messageId } = await conversation();
    const a = await reportMessage(miner.db, miner.actor, messageId, { reason: "fraud", note: "Asks to pay off-platform" });
    const b = await reportMessage(miner.db, miner.actor, messageId, { reason: "fraud" });
    expect(b.id).toBe(a.id);
    const stranger = await makeAccount("miner");
    expect(await caught(reportMessage(miner.db, stranger.actor, messageId, { reason: "fraud" }))).toMatchObject({ status: 404 });
    expect(await caught(reportMessage(miner.db, miner.actor, messageId, { reason: "nope" }))).toMatchObject({ status: 400, fields: { reason: expect.any(String) } });
    const rows = await miner.db.select().from(messageReports).where(eq(messageReports.messageId, messageId));
    expect(rows).toHaveLength(1);
  });

  it("turns message mail off and on", async () => {
    const buyer = await makeAccount("buyer");
    expect(await getMessageMail(buyer.db, buyer.actor)).toBe(true);
    await setMessageMail(buyer.db, buyer.actor, false);
    expect(await getMessageMail(buyer.db, buyer.actor)).toBe(false);
  });
});

describe("masking until a booking is confirmed", () => {
  it("hides contact details from the other party, not from the author or admins", async () => {
    const { miner, buyer, threadId } = await conversation("Call me on +1 (512) 555-0100 or jane@gridco.io");
    const forMiner = await getThread(miner.db, miner.actor, threadId);
    expect(forMiner.thread.contactsShared).toBe(false);
    expect(forMiner.messages[0]).toMatchObject({ masked: true, body: `Call me on ${CONTACT_MASK} or ${CONTACT_MASK}` });
    expect((await listThreads(miner.db, miner.actor)).items[0]!.lastMessage!.body).not.toContain("555");
    expect((await getThread(buyer.db, buyer.actor, threadId)).messages[0]).toMatchObject({ masked: false, body: "Call me on +1 (512) 555-0100 or jane@gridco.io" });
    expect((await getThread(buyer.db, await makeAdmin(), threadId)).messages[0]!.masked).toBe(false);
    expect((await messagesSince(miner.db, miner.actor, threadId, null))[0]!.masked).toBe(true);
  });
});

