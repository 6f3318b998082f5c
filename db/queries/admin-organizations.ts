// Organizations as admins see them: who they are, whether they are suspended, and how much
// they do on the marketplace (users, listings, bookings), to decide on a suspension.
import { isUuid } from "@/lib/ids";
import "server-only";
import { and, asc, eq, ilike, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { organizations } from "@/db/schema";
import { assertRole, type Actor } from "@/lib/auth/policy";

export type OrganizationFilter = { kind?: "miner" | "buyer"; status?: "active" | "suspended"; q?: string; id?: string; limit?: number };

// Qualified by hand: drizzle leaves columns of a single-table select unqualified, which the
// correlated subqueries below would read as their own tables' ids.
const orgId = sql.raw(`"organizations"."id"`);

export async function listOrganizations(db: Executor, actor: Actor, filter: OrganizationFilter = {}) {
  assertRole(actor, "admin");
  const limit = Math.min(filter.limit ?? 100, 200);
  const q = filter.q?.trim().replace(/[%_\\]/g, "");
  const rows = await db
    .select({
      id: organizations.id,
      name: organizations.name,
      slug: organizations.slug,
      kind: organizations.kind,
      status: organizations.status,
      suspendedAt: organizations.suspendedAt,
      suspendedReason: organizations.suspendedReason,
      createdAt: organizations.createdAt,
      users: sql<number>`(select count(*) from users u where u.organization_id = ${orgId})::int`,
      listings: sql<number>`(select count(*) from listings l where l.organization_id = ${orgId} and l.status <> 'archived')::int`,
      publishedListings: sql<number>`(select count(*) from listings l where l.organization_id = ${orgId} and l.status = 'published')::int`,
      // Holds and requests a suspension would release: made by the organization, or on its listings.
      openBookings: sql<number>`(select count(*) from bookings b join listings l on l.id = b.listing_id
        where b.status in ('pending_deposit', 'awaiting_provider')
          and (b.buyer_organization_id = ${orgId} or l.organization_id = ${orgId}))::int`,
    })
    .from(organizations)
    .where(
      and(
        filter.id ? (isUuid(filter.id) ? eq(organizations.id, filter.id) : sql`false`) : undefined,
        filter.kind ? eq(organizations.kind, filter.kind) : undefined,
        filter.status ? eq(organizations.status, filter.status) : undefined,
        q ? ilike(organizations.name, `%${q}%`) : undefined,
      ),
    )
    .orderBy(asc(sql`lower(${organizations.name})`), asc(organizations.id))
    .limit(limit + 1);
  return { organizations: rows.slice(0, limit), more: rows.length > limit };
}

/** Every organization's name, for pickers (the audit log's filter). */
export async function organizationNames(db: Executor, actor: Actor) {
  assertRole(actor, "admin");
  return db
    .select({ id: organizations.id, name: organizations.name, kind: organizations.kind })
    .from(organizations)
    .orderBy(asc(sql`lower(${organizations.name})`))
    .limit(2000);
}
