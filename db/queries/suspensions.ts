// Suspending an organization stops it at once: its listings leave search and listing pages
// (every public read requires an active organization), its users cannot sign in, and its
// sessions and tokens stop working on the next request (the guards read the organization's
// status every time). Open holds are released and pending requests declined, deposits released.
import { isUuid } from "@/lib/ids";
import "server-only";
import { and, eq, inArray, or } from "drizzle-orm";
import type { Database } from "@/db";
import { bookings, listings, organizations } from "@/db/schema";
import { assertRole, type Actor } from "@/lib/auth/policy";
import { AppError } from "@/lib/errors";
import type { PaymentProvider } from "@/lib/payments/provider";
import { reinstateSchema, suspendSchema } from "@/lib/validations/admin";
import { writeAudit } from "./audit";
import { releaseByAdmin } from "./booking-actions";

type Context = { provider: PaymentProvider; appUrl: string };

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

  // Its open reservations: holds it made and requests waiting on it, each released in its own
  // transaction (one failure — a provider outage — does not undo the suspension; it is retried
  // by reinstating and suspending again, and reported in the result).
  const open = await db
    .select({ id: bookings.id, buyerOrganizationId: bookings.buyerOrganizationId, status: bookings.status })
    .from(bookings)
    .innerJoin(listings, eq(listings.id, bookings.listingId))
    .where(and(inArray(bookings.status, ["pending_deposit", "awaiting_provider"]), or(eq(bookings.buyerOrganizationId, organizationId), eq(listings.organizationId, organizationId))));
  const released: string[] = [];
  const failed: string[] = [];
  for (const booking of open) {
    const why = `Organization suspended: ${reason}`;
    // A miner's suspension declines the requests waiting on it; everything else is cancelled.
    const event = booking.buyerOrganizationId !== organizationId && booking.status === "awaiting_provider" ? "decline" : "cancel";
    try {
      await releaseByAdmin(db, actor, booking.id, event, why, ctx);
      released.push(booking.id);
    } catch (error) {
      console.error("suspension: could not release booking", booking.id, error);
      failed.push(booking.id);
    }
  }
  return { id: organizationId, status: "suspended" as const, releasedBookings: released.length, failedBookings: failed };
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
