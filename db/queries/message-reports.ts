// Reported messages, for admins: the open queue with the original text and its thread, and
// the resolution (resolve or dismiss, with a note), one transaction and one audit row each.
import "server-only";
import { asc, desc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { rawRows, type Database, type Executor } from "@/db";
import { listings, messageReports, messages, messageThreads, organizations, users } from "@/db/schema";
import { assertRole, type Actor } from "@/lib/auth/policy";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { resolveMessageReportSchema } from "@/lib/validations/message-reports";
import { writeAudit } from "./audit";

export type MessageReportStatus = "open" | "resolved" | "dismissed";

export async function countOpenMessageReports(db: Executor, actor: Actor): Promise<number> {
  assertRole(actor, "admin");
  const [row] = await rawRows<{ n: number }>(db, sql`select count(*)::int as n from ${messageReports} where ${messageReports.status} = 'open'`);
  return Number(row?.n ?? 0);
}

/** Open reports oldest first (the queue), handled ones newest first; at most 200. */
export async function listMessageReports(db: Executor, actor: Actor, status: MessageReportStatus = "open") {
  assertRole(actor, "admin");
  const reporter = alias(users, "reporter");
  const author = alias(users, "author");
  const authorOrg = alias(organizations, "author_org");
  return db
    .select({
      id: messageReports.id,
      reason: messageReports.reason,
      note: messageReports.note,
      status: messageReports.status,
      resolutionNote: messageReports.resolutionNote,
      createdAt: messageReports.createdAt,
      resolvedAt: messageReports.resolvedAt,
      messageId: messages.id,
      messageBody: messages.body,
      messageCreatedAt: messages.createdAt,
      threadId: messageThreads.id,
      threadKind: messageThreads.kind,
      listingId: listings.id,
      listingTitle: listings.title,
      authorName: author.name,
      authorOrganizationName: authorOrg.name,
      reporterEmail: reporter.email,
    })
    .from(messageReports)
    .innerJoin(messages, eq(messages.id, messageReports.messageId))
    .innerJoin(messageThreads, eq(messageThreads.id, messages.threadId))
    .innerJoin(listings, eq(listings.id, messageThreads.listingId))
    .leftJoin(author, eq(author.id, messages.authorUserId))
    .leftJoin(authorOrg, eq(authorOrg.id, author.organizationId))
    .leftJoin(reporter, eq(reporter.id, messageReports.reporterUserId))
    .where(eq(messageReports.status, status))
    .orderBy(status === "open" ? asc(messageReports.createdAt) : desc(messageReports.resolvedAt))
    .limit(200);
}

export async function resolveMessageReport(db: Database, actor: Actor, reportId: string, body: unknown) {
  assertRole(actor, "admin");
  const input = resolveMessageReportSchema.parse(body);
  if (!isUuid(reportId)) throw AppError.notFound("Report");
  return db.transaction(async (tx) => {
    const [report] = await tx
      .select({ id: messageReports.id, status: messageReports.status, messageId: messageReports.messageId })
      .from(messageReports)
      .where(eq(messageReports.id, reportId))
      .for("update");
    if (!report) throw AppError.notFound("Report");
    if (report.status !== "open") throw AppError.conflict("This report was already handled.", "invalid_transition");
    await tx
      .update(messageReports)
      .set({ status: input.outcome, resolutionNote: input.note, resolvedBy: actor.userId, resolvedAt: new Date() })
      .where(eq(messageReports.id, reportId));
    await writeAudit(tx, {
      actorUserId: actor.userId,
      action: `message_report.${input.outcome}`,
      targetType: "message_report",
      targetId: reportId,
      data: { messageId: report.messageId, note: input.note },
    });
    return { id: reportId, status: input.outcome };
  });
}
