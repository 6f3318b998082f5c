// Conversations: the inbox, a thread's pages, new inquiries and replies, reports of a
// message, and the mail opt-out. Every function authorizes inside its statements: a thread
// is visible to active members of its buyer and miner organizations (while those are not
// suspended) and to admins; anyone else is told it does not exist.
import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { rawRows, type Executor } from "@/db";
import { recordHit } from "@/db/queries/rate-limits";
import { assertRole, isAdmin, requireOrganization, type Actor } from "@/lib/auth/policy";
import { maskContactDetails } from "@/lib/domain/contact-masking";
import { AppError, fieldErrorsOf } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { inquirySchema, MESSAGES_PER_MINUTE, NEW_INQUIRIES_PER_HOUR, postMessageSchema, reportMessageSchema } from "@/lib/validations/messages";
import type { z } from "zod";

export type Counterparty = { id: string; name: string };
export type ThreadSummary = {
  id: string;
  kind: "booking" | "inquiry";
  listingId: string;
  listingTitle: string;
  bookingId: string | null;
  counterparty: Counterparty;
  lastMessageAt: Date;
  lastMessage: { body: string; authorName: string | null; mine: boolean } | null;
  unreadCount: number;
};
export type ThreadMessage = {
  id: string;
  author: { id: string; name: string; organizationName: string } | null;
  body: string;
  masked: boolean;
  mine: boolean;
  createdAt: Date;
};
export type ThreadView = {
  id: string;
  kind: "booking" | "inquiry";
  listingId: string;
  listingTitle: string;
  bookingId: string | null;
  buyerOrganization: Counterparty;
  minerOrganization: Counterparty;
  contactsShared: boolean;
};

// Flood limits are per sender, in fixed windows kept in PostgreSQL so every instance shares them.
export { MESSAGES_PER_MINUTE, NEW_INQUIRIES_PER_HOUR };
const INBOX_PAGE = 50;
const THREAD_PAGE = 50;
const SINCE_LIMIT = 100;
const STAFF_NAME = "Substation";

// ---------------------------------------------------------------------------------------
// SQL fragments shared by the statements (the thread is aliased `t`).

/** The caller is an active user of an active organization that is a party to `t`, or an active admin. */
const canSeeThread = (actor: Actor) => sql`exists (
  select 1 from users u left join organizations o on o.id = u.organization_id
  where u.id = ${actor.userId} and u.status = 'active' and u.removed_at is null
    and (u.role = 'admin' or (o.status = 'active' and o.id in (t.buyer_organization_id, t.miner_organization_id))))`;

/** The caller is an active member of their (active) organization: the inbox's gate. */
const activeMember = (actor: Actor, organizationId: string) => sql`exists (
  select 1 from users u join organizations o on o.id = u.organization_id
  where u.id = ${actor.userId} and u.organization_id = ${organizationId} and u.status = 'active' and u.removed_at is null and o.status = 'active')`;

/**
 * The two organizations of `t` have a booking between them that the miner accepted
 * (confirmed, active or completed; on any of the miner's listings): from then on contact
 * details are shown as written.
 */
const contactsSharedSql = sql`exists (
  select 1 from bookings b join listings bl on bl.id = b.listing_id
  where b.buyer_organization_id = t.buyer_organization_id and bl.organization_id = t.miner_organization_id
    and b.status in ('confirmed', 'active', 'completed'))`;

/** Messages by someone else after the caller's read position in `t` (r: the caller's thread_reads row). */
const unreadIn = (actor: Actor, thread: SQL, read: SQL) =>
  sql`m.thread_id = ${thread} and m.created_at > coalesce(${read}, '-infinity'::timestamptz) and m.author_user_id is distinct from ${actor.userId}`;

function inboxSide(actor: Actor): { mine: SQL; other: SQL; organizationId: string } {
  const organizationId = requireOrganization(actor);
  return actor.role === "buyer"
    ? { mine: sql.raw("buyer_organization_id"), other: sql.raw("miner_organization_id"), organizationId }
    : { mine: sql.raw("miner_organization_id"), other: sql.raw("buyer_organization_id"), organizationId };
}

/** The caller's unread messages over their organization's whole inbox; threads read to the end cost one index probe each. */
function unreadTotalSql(actor: Actor) {
  const side = inboxSide(actor);
  // Counted per thread (a lateral probe of messages_thread_id_idx), never by joining all the
  // organization's messages: the plan stays an index walk however large the inbox grows.
  return sql`(select coalesce(sum(u.n), 0)::int from message_threads t
      left join thread_reads r on r.thread_id = t.id and r.user_id = ${actor.userId}
      cross join lateral (select count(*) as n from messages m where ${unreadIn(actor, sql`t.id`, sql`r.last_read_at`)}) u
    where t.${side.mine} = ${side.organizationId}
      and t.last_message_at > coalesce(r.last_read_at, '-infinity'::timestamptz)
      and ${activeMember(actor, side.organizationId)})`;
}

/** Whether `reader` sees a message as written: their own side's, an admin, or contacts shared. */
function showsOriginal(actor: Actor, authorOrganizationId: string | null, contactsShared: boolean): boolean {
  if (contactsShared || isAdmin(actor)) return true;
  return authorOrganizationId !== null && authorOrganizationId === actor.organizationId;
}

function presentBody(actor: Actor, body: string, authorOrganizationId: string | null, contactsShared: boolean) {
  if (showsOriginal(actor, authorOrganizationId, contactsShared)) return { body, masked: false };
  const masked = maskContactDetails(body);
  return { body: masked, masked: masked !== body };
}

/** Parses input, answering 400 with the fields named (before any statement runs). */
function parse<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input);
  if (!result.success) throw AppError.validation(fieldErrorsOf(result.error));
  return result.data;
}

const toDate = (value: Date | string) => (value instanceof Date ? value : new Date(value));

// ---------------------------------------------------------------------------------------
// The inbox.

type InboxRow = {
  unread_total: number;
  id: string | null;
  kind: "booking" | "inquiry";
  listing_id: string;
  listing_title: string;
  booking_id: string | null;
  last_message_at: string | Date;
  counterparty_id: string;
  counterparty_name: string;
  last_body: string | null;
  last_author_id: string | null;
  last_author_name: string | null;
  last_author_org_id: string | null;
  contacts_shared: boolean;
  unread_count: number;
};

/**
 * The caller's organization's threads, newest activity first, with the last message and
 * the caller's unread count, and the unread total over the whole inbox: one statement.
 * Admins have no inbox (they open threads from reports and organization pages).
 */
export async function listThreads(
  db: Executor,
  actor: Actor,
  options: { limit?: number; before?: Date } = {},
): Promise<{ items: ThreadSummary[]; unreadTotal: number }> {
  if (isAdmin(actor)) return { items: [], unreadTotal: 0 };
  const side = inboxSide(actor);
  const limit = Math.min(Math.max(Math.trunc(options.limit ?? INBOX_PAGE), 1), 100);
  const before = options.before && !Number.isNaN(options.before.getTime()) ? sql`and t.last_message_at < ${options.before.toISOString()}` : sql``;
  const rows = await rawRows<InboxRow>(
    db,
    sql`select total.n as unread_total, p.* from (select ${unreadTotalSql(actor)} as n) total
      left join lateral (
        select t.id, t.kind, t.listing_id, l.title as listing_title, t.booking_id, t.last_message_at,
          c.id as counterparty_id, c.name as counterparty_name,
          lm.body as last_body, lm.author_user_id as last_author_id, lm.author_name as last_author_name, lm.author_org_id as last_author_org_id,
          ${contactsSharedSql} as contacts_shared,
          (select count(*)::int from messages m where ${unreadIn(actor, sql`t.id`, sql`r.last_read_at`)}) as unread_count
        from message_threads t
          join listings l on l.id = t.listing_id
          join organizations c on c.id = t.${side.other}
          left join thread_reads r on r.thread_id = t.id and r.user_id = ${actor.userId}
          left join lateral (
            select m.body, m.author_user_id, au.name as author_name, au.organization_id as author_org_id
            from messages m left join users au on au.id = m.author_user_id
            where m.thread_id = t.id order by m.created_at desc limit 1
          ) lm on true
        where t.${side.mine} = ${side.organizationId} and ${activeMember(actor, side.organizationId)} ${before}
        order by t.last_message_at desc, t.id desc
        limit ${limit}
      ) p on true`,
  );
  const items: ThreadSummary[] = [];
  for (const row of rows) {
    if (!row.id) continue;
    items.push({
      id: row.id,
      kind: row.kind,
      listingId: row.listing_id,
      listingTitle: row.listing_title,
      bookingId: row.booking_id,
      counterparty: { id: row.counterparty_id, name: row.counterparty_name },
      lastMessageAt: toDate(row.last_message_at),
      lastMessage:
        row.last_body === null
          ? null
          : {
              body: presentBody(actor, row.last_body, row.last_author_org_id, row.contacts_shared).body,
              authorName: row.last_author_name,
              mine: row.last_author_id === actor.userId,
            },
      unreadCount: Number(row.unread_count),
    });
  }
  return { items, unreadTotal: Number(rows[0]?.unread_total ?? 0) };
}

/** The header badge: the caller's unread messages over their organization's inbox. */
export async function unreadTotal(db: Executor, actor: Actor): Promise<number> {
  if (isAdmin(actor) || !actor.organizationId) return 0;
  const [row] = await rawRows<{ n: number }>(db, sql`select ${unreadTotalSql(actor)} as n`);
  return Number(row?.n ?? 0);
}

// ---------------------------------------------------------------------------------------
// One thread.

type HeaderRow = {
  id: string;
  kind: "booking" | "inquiry";
  listing_id: string;
  listing_title: string;
  booking_id: string | null;
  buyer_id: string;
  buyer_name: string;
  miner_id: string;
  miner_name: string;
  contacts_shared: boolean;
};

type MessageRow = {
  id: string;
  body: string;
  created_at: string | Date;
  author_id: string | null;
  author_name: string | null;
  author_org_id: string | null;
  author_org_name: string | null;
};

/** The thread's header when the caller may see it; otherwise not found, whether or not it exists. */
async function threadHeader(db: Executor, actor: Actor, threadId: string): Promise<ThreadView> {
  if (!isUuid(threadId)) throw AppError.notFound("Thread");
  const [row] = await rawRows<HeaderRow>(
    db,
    sql`select t.id, t.kind, t.listing_id, l.title as listing_title, t.booking_id,
        bo.id as buyer_id, bo.name as buyer_name, mo.id as miner_id, mo.name as miner_name,
        ${contactsSharedSql} as contacts_shared
      from message_threads t
        join listings l on l.id = t.listing_id
        join organizations bo on bo.id = t.buyer_organization_id
        join organizations mo on mo.id = t.miner_organization_id
      where t.id = ${threadId} and ${canSeeThread(actor)}`,
  );
  if (!row) throw AppError.notFound("Thread");
  return {
    id: row.id,
    kind: row.kind,
    listingId: row.listing_id,
    listingTitle: row.listing_title,
    bookingId: row.booking_id,
    buyerOrganization: { id: row.buyer_id, name: row.buyer_name },
    minerOrganization: { id: row.miner_id, name: row.miner_name },
    contactsShared: row.contacts_shared,
  };
}

const messageSelect = sql`select m.id, m.body, m.created_at, au.id as author_id, au.name as author_name,
    au.organization_id as author_org_id, ao.name as author_org_name
  from messages m left join users au on au.id = m.author_user_id left join organizations ao on ao.id = au.organization_id`;

function presentMessage(actor: Actor, row: MessageRow, contactsShared: boolean): ThreadMessage {
  const { body, masked } = presentBody(actor, row.body, row.author_org_id, contactsShared);
  return {
    id: row.id,
    author: row.author_id ? { id: row.author_id, name: row.author_name ?? "", organizationName: row.author_org_name ?? STAFF_NAME } : null,
    body,
    masked,
    mine: row.author_id !== null && row.author_id === actor.userId,
    createdAt: toDate(row.created_at),
  };
}

/**
 * A page of a thread: the newest `limit` messages before the cursor message (oldest
 * first), and whether earlier ones exist. Two statements (the header with the access
 * check, and the page), plus the caller's read position moved to the newest message
 * shown when the page is the newest one (members only: an admin reading leaves no trace
 * in the parties' unread counts).
 */
export async function getThread(
  db: Executor,
  actor: Actor,
  threadId: string,
  options: { before?: string; limit?: number; markRead?: boolean } = {},
): Promise<{ thread: ThreadView; messages: ThreadMessage[]; hasEarlier: boolean }> {
  if (options.before !== undefined && !isUuid(options.before)) throw AppError.validation({ before: "Use the id of a message in this thread." });
  const limit = Math.min(Math.max(Math.trunc(options.limit ?? THREAD_PAGE), 1), 200);
  // The page's statement only runs with the header's (it carries no access check of its own):
  // both go out together, and the page is dropped if the header says no.
  const cursor = options.before
    ? sql`and (m.created_at, m.id) < (select c.created_at, c.id from messages c where c.id = ${options.before} and c.thread_id = ${threadId})`
    : sql``;
  const [thread, rows] = await Promise.all([
    threadHeader(db, actor, threadId),
    isUuid(threadId)
      ? rawRows<MessageRow>(db, sql`${messageSelect} where m.thread_id = ${threadId} ${cursor} order by m.created_at desc, m.id desc limit ${limit + 1}`)
      : Promise.resolve([]),
  ]);
  const hasEarlier = rows.length > limit;
  const page = rows.slice(0, limit).reverse();
  const newest = page.at(-1);
  if ((options.markRead ?? true) && !options.before && newest && !isAdmin(actor)) {
    await markReadThrough(db, actor, threadId, newest.id);
  }
  return { thread, messages: page.map((row) => presentMessage(actor, row, thread.contactsShared)), hasEarlier };
}

/** Moves the caller's read position forward to a message (never back), to the microsecond. */
async function markReadThrough(db: Executor, actor: Actor, threadId: string, messageId: string): Promise<void> {
  await db.execute(
    sql`insert into thread_reads (thread_id, user_id, last_read_at)
      select ${threadId}, ${actor.userId}, m.created_at from messages m where m.id = ${messageId} and m.thread_id = ${threadId}
      on conflict (thread_id, user_id) do update set last_read_at = greatest(thread_reads.last_read_at, excluded.last_read_at)`,
  );
}

/** Messages after `afterMessageId` (all of them for null), oldest first, as the caller may see them: for the live stream and polling. */
export async function messagesSince(db: Executor, actor: Actor, threadId: string, afterMessageId: string | null): Promise<ThreadMessage[]> {
  const thread = await threadHeader(db, actor, threadId);
  if (afterMessageId !== null && !isUuid(afterMessageId)) return [];
  const after = afterMessageId
    ? sql`and (m.created_at, m.id) > (select c.created_at, c.id from messages c where c.id = ${afterMessageId} and c.thread_id = ${threadId})`
    : sql``;
  const rows = await rawRows<MessageRow>(db, sql`${messageSelect} where m.thread_id = ${threadId} ${after} order by m.created_at, m.id limit ${SINCE_LIMIT}`);
  return rows.map((row) => presentMessage(actor, row, thread.contactsShared));
}

/** The newest message's id in a thread the caller may see (null when it has none): where a live stream starts. */
export async function latestMessageId(db: Executor, actor: Actor, threadId: string): Promise<string | null> {
  if (!isUuid(threadId)) throw AppError.notFound("Thread");
  const rows = await rawRows<{ id: string | null; visible: boolean }>(
    db,
    sql`select (select m.id from messages m where m.thread_id = t.id order by m.created_at desc, m.id desc limit 1) as id, true as visible
      from message_threads t where t.id = ${threadId} and ${canSeeThread(actor)}`,
  );
  if (!rows[0]) throw AppError.notFound("Thread");
  return rows[0].id;
}

/** The thread of a booking (every booking has one): for GET /api/v1/bookings/{id}, after its own access check. */
export async function threadIdForBooking(db: Executor, bookingId: string): Promise<string | null> {
  if (!isUuid(bookingId)) return null;
  const [row] = await rawRows<{ id: string }>(db, sql`select id from message_threads where kind = 'booking' and booking_id = ${bookingId}`);
  return row?.id ?? null;
}

// ---------------------------------------------------------------------------------------
// Writing.

/** Counts one message for the sender's flood limit; over it, the caller's transaction rolls back with 429. */
async function countMessage(tx: Executor, actor: Actor): Promise<void> {
  const hits = await recordHit(tx, `messages:${actor.userId}`, 60);
  if (hits > MESSAGES_PER_MINUTE) {
    throw AppError.rateLimited(`You can send ${MESSAGES_PER_MINUTE} messages a minute. Wait a moment, then send again.`, secondsLeftInWindow(60));
  }
}

function secondsLeftInWindow(windowSeconds: number, now = Date.now()): number {
  return Math.max(1, Math.ceil(windowSeconds - (now / 1000) % windowSeconds));
}

async function insertMessage(tx: Executor, actor: Actor, threadId: string, body: string) {
  const [row] = await rawRows<{ id: string; body: string; created_at: string | Date }>(
    tx,
    sql`insert into messages (thread_id, author_user_id, body) values (${threadId}, ${actor.userId}, ${body}) returning id, body, created_at`,
  );
  // Writing is reading: the sender has seen the thread up to their own message.
  if (!isAdmin(actor)) await markReadThrough(tx, actor, threadId, row!.id);
  return { id: row!.id, body: row!.body, createdAt: toDate(row!.created_at) };
}

/**
 * A buyer's question about a published listing: the organization's inquiry thread for
 * it (created on the first question, found again on later ones) and the message. A new
 * thread counts toward the sender's hourly inquiry limit.
 */
export async function createInquiry(db: Executor, actor: Actor, listingId: string, body: unknown): Promise<{ threadId: string; messageId: string }> {
  assertRole(actor, "buyer");
  const buyerOrganizationId = requireOrganization(actor);
  const input = parse(inquirySchema, body);
  if (!isUuid(listingId)) throw AppError.notFound("Listing");
  return db.transaction(async (tx) => {
    const [listing] = await rawRows<{ id: string; organization_id: string; member: boolean }>(
      tx,
      sql`select l.id, l.organization_id, ${activeMember(actor, buyerOrganizationId)} as member
        from listings l join organizations o on o.id = l.organization_id
        where l.id = ${listingId} and l.status = 'published' and o.status = 'active'`,
    );
    if (!listing) throw AppError.notFound("Listing");
    if (!listing.member) throw AppError.forbidden("Your organization cannot send messages right now.");
    const [created] = await rawRows<{ id: string }>(
      tx,
      sql`insert into message_threads (kind, listing_id, buyer_organization_id, miner_organization_id)
        values ('inquiry', ${listingId}, ${buyerOrganizationId}, ${listing.organization_id})
        on conflict (listing_id, buyer_organization_id) where kind = 'inquiry' do nothing
        returning id`,
    );
    let threadId = created?.id;
    if (threadId) {
      const hits = await recordHit(tx, `inquiries:${actor.userId}`, 3600);
      if (hits > NEW_INQUIRIES_PER_HOUR) {
        throw AppError.rateLimited(`You can start ${NEW_INQUIRIES_PER_HOUR} new conversations an hour. Wait a while, or continue one you started.`, secondsLeftInWindow(3600));
      }
    } else {
      const [existing] = await rawRows<{ id: string }>(
        tx,
        sql`select id from message_threads where kind = 'inquiry' and listing_id = ${listingId} and buyer_organization_id = ${buyerOrganizationId}`,
      );
      threadId = existing!.id;
    }
    await countMessage(tx, actor);
    const message = await insertMessage(tx, actor, threadId, input.body);
    return { threadId, messageId: message.id };
  });
}

/** A message in a thread the caller may see (parties' members and admins). */
export async function postMessage(db: Executor, actor: Actor, threadId: string, body: unknown): Promise<{ id: string; body: string; createdAt: Date }> {
  if (!isUuid(threadId)) throw AppError.notFound("Thread");
  const input = parse(postMessageSchema, body);
  return db.transaction(async (tx) => {
    // KEY SHARE: the thread cannot be deleted under the insert; writers do not queue on each other.
    const [visible] = await rawRows<{ id: string }>(tx, sql`select t.id from message_threads t where t.id = ${threadId} and ${canSeeThread(actor)} for key share of t`);
    if (!visible) throw AppError.notFound("Thread");
    await countMessage(tx, actor);
    return insertMessage(tx, actor, threadId, input.body);
  });
}

/** The caller's organization's inquiry thread about a listing, if it has asked before. */
export async function findInquiryThreadId(db: Executor, actor: Actor, listingId: string): Promise<string | null> {
  if (actor.role !== "buyer" || !actor.organizationId || !isUuid(listingId)) return null;
  const [row] = await rawRows<{ id: string }>(
    db,
    sql`select t.id from message_threads t
      where t.kind = 'inquiry' and t.listing_id = ${listingId} and t.buyer_organization_id = ${actor.organizationId}
        and ${activeMember(actor, actor.organizationId)}`,
  );
  return row?.id ?? null;
}

/** Reports a message the caller can see to admins; reporting it again while open is the same report. */
export async function reportMessage(db: Executor, actor: Actor, messageId: string, input: unknown): Promise<{ id: string }> {
  const data = parse(reportMessageSchema, input);
  if (!isUuid(messageId)) throw AppError.notFound("Message");
  return db.transaction(async (tx) => {
    const [visible] = await rawRows<{ id: string }>(
      tx,
      sql`select m.id from messages m join message_threads t on t.id = m.thread_id where m.id = ${messageId} and ${canSeeThread(actor)}`,
    );
    if (!visible) throw AppError.notFound("Message");
    const [created] = await rawRows<{ id: string }>(
      tx,
      sql`insert into message_reports (message_id, reporter_user_id, reason, note) values (${messageId}, ${actor.userId}, ${data.reason}, ${data.note ?? ""})
        on conflict (message_id, reporter_user_id) where status = 'open' do nothing returning id`,
    );
    if (created) return { id: created.id };
    const [existing] = await rawRows<{ id: string }>(
      tx,
      sql`select id from message_reports where message_id = ${messageId} and reporter_user_id = ${actor.userId} and status = 'open'`,
    );
    return { id: existing!.id };
  });
}

/** Mail about unread messages (Settings): on unless the person turned it off. */
export async function setMessageMail(db: Executor, actor: Actor, enabled: boolean): Promise<void> {
  await db.execute(sql`update users set message_mail = ${enabled}, updated_at = now() where id = ${actor.userId}`);
}

export async function getMessageMail(db: Executor, actor: Actor): Promise<boolean> {
  const [row] = await rawRows<{ message_mail: boolean }>(db, sql`select message_mail from users where id = ${actor.userId}`);
  if (!row) throw AppError.notFound("Account");
  return row.message_mail;
}

export type OrganizationThread = {
  id: string;
  kind: "booking" | "inquiry";
  listingId: string;
  listingTitle: string;
  bookingId: string | null;
  counterparty: Counterparty;
  lastMessageAt: Date;
  messageCount: number;
};

/**
 * An organization's threads, as either side, for admins (who read any thread from the
 * organization's admin page); newest activity first. One statement.
 */
export async function listOrganizationThreads(db: Executor, actor: Actor, organizationId: string, limit = 100): Promise<{ organization: Counterparty; threads: OrganizationThread[] }> {
  assertRole(actor, "admin");
  if (!isUuid(organizationId)) throw AppError.notFound("Organization");
  const rows = await rawRows<{
    org_name: string;
    id: string | null;
    kind: "booking" | "inquiry";
    listing_id: string;
    listing_title: string;
    booking_id: string | null;
    last_message_at: Date | string;
    counterparty_id: string;
    counterparty_name: string;
    message_count: number;
  }>(
    db,
    sql`select o.name as org_name, p.* from organizations o
      left join lateral (
        select t.id, t.kind, t.listing_id, l.title as listing_title, t.booking_id, t.last_message_at,
          c.id as counterparty_id, c.name as counterparty_name,
          (select count(*)::int from messages m where m.thread_id = t.id) as message_count
        from message_threads t
          join listings l on l.id = t.listing_id
          join organizations c on c.id = case when t.buyer_organization_id = o.id then t.miner_organization_id else t.buyer_organization_id end
        where t.buyer_organization_id = o.id or t.miner_organization_id = o.id
        order by t.last_message_at desc, t.id desc
        limit ${Math.min(Math.max(Math.trunc(limit), 1), 500)}
      ) p on true
      where o.id = ${organizationId}`,
  );
  if (rows.length === 0) throw AppError.notFound("Organization");
  return {
    organization: { id: organizationId, name: rows[0]!.org_name },
    threads: rows
      .filter((row) => row.id)
      .map((row) => ({
        id: row.id!,
        kind: row.kind,
        listingId: row.listing_id,
        listingTitle: row.listing_title,
        bookingId: row.booking_id,
        counterparty: { id: row.counterparty_id, name: row.counterparty_name },
        lastMessageAt: toDate(row.last_message_at),
        messageCount: Number(row.message_count),
      })),
  };
}
