// Who may read or change which organization's rows. Queries call these before touching
// data, so a page or route that forgets its own check still cannot leak another
// organization's drafts, bookings or messages.
import { AppError } from "@/lib/errors";

export type Actor = {
  userId: string;
  role: "miner" | "buyer" | "admin";
  organizationId: string | null;
};

export function actorOf(user: { id: string; role: Actor["role"]; organization: { id: string } | null }): Actor {
  return { userId: user.id, role: user.role, organizationId: user.organization?.id ?? null };
}

export const isAdmin = (actor: Actor) => actor.role === "admin";

/** Members of the organization, and admins, may read its private rows. */
export function canReadOrg(actor: Actor, organizationId: string): boolean {
  return isAdmin(actor) || actor.organizationId === organizationId;
}

/** Only members change their organization's rows; admins act through audited admin paths. */
export function canWriteOrg(actor: Actor, organizationId: string): boolean {
  return actor.organizationId === organizationId;
}

/** Throws not-found (not forbidden) so that other organizations' rows are not even confirmed to exist. */
export function assertCanReadOrg(actor: Actor, organizationId: string, what = "That"): void {
  if (!canReadOrg(actor, organizationId)) throw AppError.notFound(what);
}

export function assertCanWriteOrg(actor: Actor, organizationId: string, what = "That"): void {
  if (!canReadOrg(actor, organizationId)) throw AppError.notFound(what);
  if (!canWriteOrg(actor, organizationId)) throw AppError.forbidden();
}

export function assertRole(actor: Actor, ...roles: Actor["role"][]): void {
  if (!roles.includes(actor.role)) throw AppError.forbidden(`Only ${roles.join(" or ")} accounts can do that.`);
}

/** The organization an actor acts for; admins have none and must use admin paths. */
export function requireOrganization(actor: Actor): string {
  if (!actor.organizationId) throw AppError.forbidden("This needs a miner or buyer account.");
  return actor.organizationId;
}
