// Site verification: an admin reviews a site's evidence and grants or revokes the badge.
// A change to power or cooling facts clears it (db/queries/sites.ts updateSite).
import { isUuid } from "@/lib/ids";
import "server-only";
import { desc, eq, sql } from "drizzle-orm";
import type { Database, Executor } from "@/db";
import { organizations, siteDocuments, sites } from "@/db/schema";
import { assertRole, type Actor } from "@/lib/auth/policy";
import { AppError } from "@/lib/errors";
import { writeAudit } from "./audit";

export async function setSiteVerified(db: Database, actor: Actor, siteId: string, verified: boolean, note: string | null) {
  assertRole(actor, "admin");
  if (!isUuid(siteId)) throw AppError.notFound("Site");
  return db.transaction(async (tx) => {
    const [site] = await tx.select({ id: sites.id, organizationId: sites.organizationId, verifiedAt: sites.verifiedAt }).from(sites).where(eq(sites.id, siteId)).for("update");
    if (!site) throw AppError.notFound("Site");
    if (verified === (site.verifiedAt !== null)) throw AppError.conflict(verified ? "This site is already verified." : "This site is not verified.", "invalid_transition");
    await tx.update(sites).set(verified ? { verifiedAt: new Date(), verifiedBy: actor.userId } : { verifiedAt: null, verifiedBy: null }).where(eq(sites.id, siteId));
    await writeAudit(tx, { actorUserId: actor.userId, action: verified ? "site.verified" : "site.verification_revoked", targetType: "site", targetId: siteId, organizationId: site.organizationId, data: { note } });
    return { id: siteId, verified };
  });
}

/** Sites for review: unverified first, with how much evidence each has. */
export async function verificationQueue(db: Executor, actor: Actor) {
  assertRole(actor, "admin");
  return db
    .select({
      id: sites.id,
      name: sites.name,
      country: sites.country,
      region: sites.region,
      energizedKw: sites.energizedKw,
      verifiedAt: sites.verifiedAt,
      updatedAt: sites.updatedAt,
      organizationId: organizations.id,
      organizationName: organizations.name,
      documents: sql<number>`(select count(*) from ${siteDocuments} d where d.site_id = ${sites.id})::int`,
    })
    .from(sites)
    .innerJoin(organizations, eq(organizations.id, sites.organizationId))
    .orderBy(sql`${sites.verifiedAt} is not null`, desc(sites.updatedAt))
    .limit(500);
}
