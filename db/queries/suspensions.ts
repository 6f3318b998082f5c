// Suspending an organization stops it at once: its listings leave search and listing pages
// (every public read requires an active organization), its users cannot sign in, and its
// sessions and tokens stop working on the next request (the guards read the organization's
// status every time). Open holds are released and pending requests declined, deposits released.
import { isUuid } from "@/lib/ids";
import "server-only";
import { and, asc, eq, inArray, or, type SQL } from "drizzle-orm";
import type { Database } from "@/db";
import { bookings, listings, organizations } from "@/db/schema";
import { assertRole, type Actor } from "@/lib/auth/policy";
import { AppError } from "@/lib/errors";
import type { PaymentProvider } from "@/lib/payments/provider";
import { reinstateSchema, suspendSchema } from "@/lib/validations/admin";
import { writeAudit } from "./audit";
import { releaseByAdmin } from "./booking-actions";

type Context = { provider: PaymentProvider; appUrl: string };

/**
 * Open reservations (holds and requests) with a suspended organization on either side, as
 * buyer or as the listing's miner: `organizationId`'s alone, or every suspended
 * organization's. The suspension releases them, and the booking sweep retries the ones it
 * could not (lib/jobs/sweeps.ts).
 */
export function openReservationsOfSuspended(db: Database, organizationId?: string): SQL {
  const suspended = db
    .select({ id: organizations.id })
    .from(organizations)
    .where(and(eq(organizations.status, "suspended"), organizationId ? eq(organizations.id, organizationId) : undefined));
  const theirListings = db.select({ id: listings.id }).from(listings).where(inArray(listings.organizationId, suspended));
  return and(inArray(bookings.status, ["pending_deposit", "awaiting_provider"]), or(inArray(bookings.buyerOrganizationId, suspended), inArray(bookings.listingId, theirListings)))!;
}

async function loadOrganization(db: Database, id: string) {
  if (!isUuid(id)) return null;
  const [org] = await db.select({ id: organizations.id, name: organizations.name, kind: organizations.kind, status: organizations.status }).from(organizations).where(eq(organizations.id, id));
  return org ?? null;
}

export async function suspendOrganization(db: Database, actor: Actor, organizationId: string, body: unknown, ctx: Context) {
  assertRole(actor, "admin");
  const { reason } = suspendSchema.parse(body);
  const org = await loadOrganization(db, organizationId);
  if (!org) throw AppError.notFound("Organization");
  if (org.status === "suspended") throw AppError.conflict("This organization is already suspended.", "invalid_transition");

  await db.transaction(async (tx) => {
    // Checked again under the row lock: two admins suspending at once get one suspension.
    const [locked] = await tx.select({ status: organizations.status }).from(organizations).where(eq(organizations.id, organizationId)).for("update");
    if (locked?.status === "suspended") throw AppError.conflict("This organization is already suspended.", "invalid_transition");
    await tx.update(organizations).set({ status: "suspended", suspendedAt: new Date(), suspendedReason: reason }).where(eq(organizations.id, organizationId));
    await writeAudit(tx, { actorUserId: actor.userId, action: "organization.suspended", targetType: "organization", targetId: organizationId, organizationId, data: { reason } });
  });

  // Its open reservations, each released in its own transaction: one failure (a provider
  // outage) does not undo the suspension; it is reported in the result and retried by the
  // booking sweep within a minute. One that moved on meanwhile (the sweep or a party got
  // there first) is neither released here nor failed.
  const open = await db.select({ id: bookings.id }).from(bookings).where(openReservationsOfSuspended(db, organizationId)).orderBy(asc(bookings.id));
  let released = 0;
  const failed: string[] = [];
  for (const { id } of open) {
    try {
      await releaseByAdmin(db, actor, id, ctx);
      released++;
    } catch (error) {
      if (error instanceof AppError && (error.code === "invalid_transition" || error.code === "not_found")) continue;
      console.error("suspension: could not release booking", id, error);
      failed.push(id);
    }
  }
  return { id: organizationId, status: "suspended" as const, releasedBookings: released, failedBookings: failed };
}

export async function reinstateOrganization(db: Database, actor: Actor, organizationId: string, body: unknown) {
  assertRole(actor, "admin");
  const { reason } = reinstateSchema.parse(body);
  const org = await loadOrganization(db, organizationId);
  if (!org) throw AppError.notFound("Organization");
  if (org.status === "active") throw AppError.conflict("This organization is not suspended.", "invalid_transition");
  await db.transaction(async (tx) => {
    await tx.update(organizations).set({ status: "active", suspendedAt: null, suspendedReason: null }).where(eq(organizations.id, organizationId));
    await writeAudit(tx, { actorUserId: actor.userId, action: "organization.reinstated", targetType: "organization", targetId: organizationId, organizationId, data: { reason: reason ?? null } });
  });
  return { id: organizationId, status: "active" as const };
}
