// Mail: written to the outbox in the transaction of the change it reports (so a rolled-back
// change never mails), then delivered by SMTP when configured; otherwise kept for the
// developer outbox page.
import "server-only";
import { and, asc, desc, eq, inArray, lt, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { outboxEmails } from "@/db/schema";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

export type Mail = { to: string; subject: string; text: string; template: string };

const MAX_ATTEMPTS = 5;

export async function enqueueMail(db: Executor, mail: Mail): Promise<string> {
  const [row] = await db
    .insert(outboxEmails)
    .values({
      toAddress: mail.to.toLowerCase(),
      subject: mail.subject,
      textBody: mail.text,
      template: mail.template,
      status: env.smtp ? "pending" : "stored",
    })
    .returning({ id: outboxEmails.id });
  return row!.id;
}

/**
 * Sends pending mail over SMTP. Safe to run from several instances at once: each batch
 * is claimed with SKIP LOCKED inside its own transaction.
 */
export async function deliverPendingMail(db: Executor, limit = 20): Promise<number> {
  const smtp = env.smtp;
  if (!smtp) return 0;
  const { createTransport } = await import("nodemailer");
  const transport = createTransport(smtp);
  let sent = 0;
  await db.transaction(async (tx) => {
    const batch = await tx
      .select()
      .from(outboxEmails)
      .where(and(eq(outboxEmails.status, "pending"), lt(outboxEmails.attempts, MAX_ATTEMPTS)))
      .orderBy(asc(outboxEmails.createdAt))
      .limit(limit)
      .for("update", { skipLocked: true });
    for (const mail of batch) {
      try {
        await transport.sendMail({ from: env.mailFrom, to: mail.toAddress, subject: mail.subject, text: mail.textBody });
        await tx.update(outboxEmails).set({ status: "sent", sentAt: new Date(), attempts: mail.attempts + 1 }).where(eq(outboxEmails.id, mail.id));
        sent++;
      } catch (error) {
        const attempts = mail.attempts + 1;
        await tx
          .update(outboxEmails)
          .set({ attempts, lastError: String(error).slice(0, 500), status: attempts >= MAX_ATTEMPTS ? "failed" : "pending" })
          .where(eq(outboxEmails.id, mail.id));
      }
    }
  });
  return sent;
}

/** Delivery after the response; a failure is logged and retried on the next delivery run. */
export function deliverSoon(db: Executor): void {
  if (!env.smtp) return;
  void deliverPendingMail(db).catch((error: unknown) => console.error("mail delivery failed", error));
}

/**
 * Who may read the outbox: anyone on a development server (the demo's own mail), and
 * otherwise only admins. The outbox holds reset, verification and invitation links, so on
 * a production build ENABLE_DEV_TOOLS alone must not open it to everyone.
 */
export function canReadOutbox(viewer: { role: string } | null): boolean {
  return env.nodeEnv === "development" || viewer?.role === "admin";
}

export async function listOutbox(db: Executor, viewer: { role: string } | null, options: { to?: string; limit?: number } = {}) {
  if (!canReadOutbox(viewer)) throw AppError.forbidden("Only admins can read the mail outbox.");
  return db
    .select({
      id: outboxEmails.id,
      to: outboxEmails.toAddress,
      subject: outboxEmails.subject,
      text: outboxEmails.textBody,
      template: outboxEmails.template,
      status: outboxEmails.status,
      createdAt: outboxEmails.createdAt,
      sentAt: outboxEmails.sentAt,
    })
    .from(outboxEmails)
    .where(options.to ? eq(outboxEmails.toAddress, options.to.toLowerCase()) : undefined)
    .orderBy(desc(outboxEmails.createdAt))
    .limit(options.limit ?? 100);
}

export async function countOutbox(db: Executor, statuses: ("stored" | "pending" | "sent" | "failed")[]) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(outboxEmails)
    .where(inArray(outboxEmails.status, statuses));
  return row?.n ?? 0;
}
