// Mail that respects attention: a message still unread MESSAGE_MAIL_DELAY_MINUTES after it
// was written is mailed to each member of the other organization who has not read past it,
// has message mail on, and was not mailed about that thread in the last hour. Run by the
// minute sweep (lib/jobs/sweeps.ts).
//
// Safe from several instances at once: each batch of messages is claimed with FOR UPDATE
// SKIP LOCKED in the transaction that writes its mail and marks it checked, so a message
// is looked at once, and a rolled-back batch mails nothing (the outbox is in the same
// transaction).
import "server-only";
import { sql } from "drizzle-orm";
import { rawRows, type Database } from "@/db";
import { maskContactDetails } from "@/lib/domain/contact-masking";
import { enqueueMail } from "@/lib/mail";
import { unreadMessageMail } from "@/lib/mail/message-templates";

const BATCH = 100;
export const MAIL_AT_MOST_EVERY_MINUTES = 60;

type Pending = { id: string; thread_id: string; author_user_id: string | null; author_name: string | null; author_org_id: string | null; author_org_name: string | null; body: string };
type Recipient = { id: string; email: string; name: string; listing_title: string; contacts_shared: boolean };

export async function mailUnreadMessages(db: Database, options: { appUrl: string; delayMinutes: number; now?: Date }): Promise<number> {
  const now = options.now ?? new Date();
  const cutoff = new Date(now.getTime() - options.delayMinutes * 60_000);
  const quietSince = new Date(now.getTime() - MAIL_AT_MOST_EVERY_MINUTES * 60_000);
  const appUrl = options.appUrl.replace(/\/+$/, "");
  let mailed = 0;
  for (;;) {
    const claimed = await db.transaction(async (tx) => {
      const batch = await rawRows<Pending>(
        tx,
        sql`select m.id, m.thread_id, m.author_user_id, au.name as author_name, au.organization_id as author_org_id, ao.name as author_org_name, m.body
          from messages m left join users au on au.id = m.author_user_id left join organizations ao on ao.id = au.organization_id
          where m.mail_checked_at is null and m.created_at <= ${cutoff.toISOString()}
          order by m.created_at, m.id
          limit ${BATCH}
          for update of m skip locked`,
      );
      for (const message of batch) {
        // Members of the thread's organizations other than the author's (both, for an admin's message).
        const recipients = await rawRows<Recipient>(
          tx,
          sql`select u.id, u.email, u.name, l.title as listing_title,
              exists (select 1 from bookings b join listings bl on bl.id = b.listing_id
                      where b.buyer_organization_id = t.buyer_organization_id and bl.organization_id = t.miner_organization_id
                        and b.status in ('confirmed', 'active', 'completed')) as contacts_shared
            from message_threads t
              join messages m on m.id = ${message.id}
              join listings l on l.id = t.listing_id
              join users u on u.organization_id in (t.buyer_organization_id, t.miner_organization_id)
              join organizations o on o.id = u.organization_id
            where t.id = ${message.thread_id}
              and u.organization_id is distinct from ${message.author_org_id}::uuid
              and u.id is distinct from ${message.author_user_id}::uuid
              and u.status = 'active' and u.removed_at is null and u.message_mail and o.status = 'active'
              and not exists (select 1 from thread_reads r where r.thread_id = t.id and r.user_id = u.id and r.last_read_at >= m.created_at)
              and not exists (select 1 from thread_mail_log ml where ml.thread_id = t.id and ml.user_id = u.id and ml.last_mailed_at > ${quietSince.toISOString()})`,
        );
        for (const recipient of recipients) {
          await enqueueMail(
            tx,
            unreadMessageMail({
              to: recipient.email,
              recipientName: recipient.name,
              authorName: message.author_name,
              authorOrganizationName: message.author_org_name,
              listingTitle: recipient.listing_title,
              body: recipient.contacts_shared ? message.body : maskContactDetails(message.body),
              url: `${appUrl}/messages/${message.thread_id}`,
              settingsUrl: `${appUrl}/settings`,
            }),
          );
          await tx.execute(
            sql`insert into thread_mail_log (thread_id, user_id, last_mailed_at) values (${message.thread_id}, ${recipient.id}, ${now.toISOString()})
              on conflict (thread_id, user_id) do update set last_mailed_at = excluded.last_mailed_at`,
          );
          mailed++;
        }
      }
      if (batch.length) {
        await tx.execute(sql`update messages set mail_checked_at = ${now.toISOString()} where id in ${batch.map((m) => m.id)}`);
      }
      return batch.length;
    });
    if (claimed < BATCH) return mailed;
  }
}
