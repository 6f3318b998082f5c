// Reports: any signed-in user flags a listing; admins resolve or dismiss them with a note,
// and may take the listing down from there.
import { isUuid } from "@/lib/ids";
import "server-only";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { rawRows, type Database, type Executor } from "@/db";
import { listings, organizations, reports, users } from "@/db/schema";
import { assertRole, type Actor } from "@/lib/auth/policy";
import { AppError } from "@/lib/errors";
import { reportSchema, resolveReportSchema } from "@/lib/validations/admin";
import { writeAudit } from "./audit";
import { getListingForViewer } from "./listings";
import { unpublishListing } from "./moderation";

export async function createReport(db: Executor, actor: Actor, body: unknown) {
  const input = reportSchema.parse(body);
  // Only what the reporter can see can be reported (404 otherwise).
  await getListingForViewer(db, actor, input.listingId);
  const [row] = await db
    .insert(reports)
    .values({ listingId: input.listingId, reporterUserId: actor.userId, reason: input.reason, note: input.note ?? "" })
    .returning({ id: reports.id, status: reports.status, createdAt: reports.createdAt });
  return row!;
}

/**
 * Reports nobody has handled yet, as a scalar subquery: the reports tab and the admin
 * overview both show this number, so they count it the same way.
 */
export const openReportsCount = sql<number>`(select count(*) from ${reports} where ${reports.status} = 'open')::int`;

/** How many reports are open, for the reports tab. */
export async function countOpenReports(db: Executor, actor: Actor) {
  assertRole(actor, "admin");
  const [row] = await rawRows<{ n: number }>(db, sql`select ${openReportsCount} as n`);
  return Number(row?.n ?? 0);
}

export async function listReports(db: Executor, actor: Actor, status: "open" | "resolved" | "dismissed" = "open") {
  assertRole(actor, "admin");
  return db
    .select({
      id: reports.id,
      reason: reports.reason,
      note: reports.note,
      status: reports.status,
      resolutionNote: reports.resolutionNote,
      createdAt: reports.createdAt,
      resolvedAt: reports.resolvedAt,
      listingId: listings.id,
      listingTitle: listings.title,
      listingStatus: listings.status,
      organizationId: organizations.id,
      organizationName: organizations.name,
      reporterEmail: users.email,
    })
    .from(reports)
    .innerJoin(listings, eq(listings.id, reports.listingId))
    .innerJoin(organizations, eq(organizations.id, listings.organizationId))
    .leftJoin(users, eq(users.id, reports.reporterUserId))
    .where(eq(reports.status, status))
    .orderBy(status === "open" ? asc(reports.createdAt) : desc(reports.resolvedAt))
    .limit(200);
}

export async function resolveReport(db: Database, actor: Actor, reportId: string, body: unknown) {
  assertRole(actor, "admin");
  const input = resolveReportSchema.parse(body);
  if (!isUuid(reportId)) throw AppError.notFound("Report");
  return db.transaction(async (tx) => {
    const [report] = await tx.select().from(reports).where(eq(reports.id, reportId)).for("update");
    if (!report) throw AppError.notFound("Report");
    if (report.status !== "open") throw AppError.conflict("This report was already handled.", "invalid_transition");
    await tx.update(reports).set({ status: input.outcome, resolutionNote: input.note, resolvedBy: actor.userId, resolvedAt: new Date() }).where(and(eq(reports.id, reportId)));
    const unpublished = input.unpublish ? await unpublishListing(tx, actor, report.listingId, input.note) : false;
    await writeAudit(tx, { actorUserId: actor.userId, action: `report.${input.outcome}`, targetType: "report", targetId: reportId, data: { listingId: report.listingId, note: input.note, unpublished } });
    return { id: reportId, status: input.outcome, unpublished };
  });
}
