// Organization members: owners invite, change roles and remove; every organization keeps
// at least one active owner. Each change locks its organization's row first, so changes to
// one organization's members run one at a time and the owner count they read stays true.
import "server-only";
import { randomBytes } from "node:crypto";
import { and, asc, count, desc, eq, gt, isNull, max, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { invitations, organizations, users } from "@/db/schema";
import { assertUncommonPassword } from "@/lib/auth/common-passwords";
import { hashPassword, verifyAgainstDummy, verifyPassword } from "@/lib/auth/password";
import { requireOrganization, type Actor } from "@/lib/auth/policy";
import { AppError, sqlStateOf } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { enqueueMail } from "@/lib/mail";
import { invitationMail, removedFromOrganizationMail } from "@/lib/mail/team-templates";
import {
  changeRoleSchema,
  inviteMemberSchema,
  joinWithNewAccountSchema,
  type ChangeRoleInput,
  type InviteMemberInput,
  type JoinWithNewAccountInput,
  type MemberRole,
} from "@/lib/validations/team";
import { hashLinkToken, isLinkTokenShape } from "./account-links";
import { writeAudit } from "./audit";
import { recordHit } from "./rate-limits";
import { revokeUserApiTokens } from "./api-tokens";
import { revokeUserSessions } from "./sessions";
import { requireVerifiedEmail } from "./users";

export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;
/** Open invitations one organization may hold at once: plenty for a team, a wall for a spammer. */
export const MAX_OPEN_INVITATIONS = 50;
/** Password attempts on one invitation link in 15 minutes, for a removed account coming back. */
export const REJOIN_LIMIT = 10;
const REJOIN_WINDOW_SECONDS = 15 * 60;

export type Member = {
  id: string;
  name: string;
  email: string;
  role: MemberRole;
  joinedAt: Date;
  lastSignInAt: Date | null;
};

export type OpenInvitation = {
  id: string;
  email: string;
  role: MemberRole;
  invitedByName: string | null;
  createdAt: Date;
  expiresAt: Date;
  expired: boolean;
};

export type InvitationState = "valid" | "expired" | "used" | "revoked" | "unknown";

export type InvitationDescription =
  | { state: "unknown" }
  | {
      state: Exclude<InvitationState, "unknown">;
      organizationName: string;
      organizationKind: "miner" | "buyer";
      inviterName: string | null;
      email: string;
      role: MemberRole;
      expiresAt: Date;
      /** The invited address belongs to a removed account, which comes back with its password. */
      rejoin: boolean;
    };

const INVITATION_MESSAGES: Record<Exclude<InvitationState, "valid">, string> = {
  unknown: "This invitation link is not valid. Check that you copied all of it, or ask for a new invitation.",
  expired: "This invitation has expired. Ask the person who invited you for a new one.",
  used: "This invitation was already accepted. Sign in to continue.",
  revoked: "This invitation was withdrawn. Ask the organization's owner for a new one if you still need it.",
};

const invalidLink = (state: Exclude<InvitationState, "valid">) => new AppError("invalid_link", 400, INVITATION_MESSAGES[state]);

export const invitationPath = (token: string) => `/invitations/${token}`;

// ---------------------------------------------------------------------------------------
// Reading

/**
 * The organization's active members, owners first. Any member may read them; an admin may
 * name the organization. Removed people are not members any more and are not listed.
 */
export async function listMembers(db: Executor, actor: Actor, organizationId?: string): Promise<Member[]> {
  const orgId = actor.role === "admin" && organizationId ? organizationId : requireOrganization(actor);
  if (!isUuid(orgId)) throw AppError.notFound("That organization");
  // Joined: when the person accepted an invitation into this organization, else when the
  // account (which created the organization) was made.
  const joined = db
    .select({ userId: invitations.acceptedBy, at: max(invitations.acceptedAt).as("joined_at") })
    .from(invitations)
    .where(and(eq(invitations.organizationId, orgId), sql`${invitations.acceptedAt} is not null`))
    .groupBy(invitations.acceptedBy)
    .as("joined");
  const rows = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.memberRole,
      createdAt: users.createdAt,
      joinedAt: joined.at,
      lastSignInAt: users.lastSignInAt,
    })
    .from(users)
    .leftJoin(joined, eq(joined.userId, users.id))
    .where(and(eq(users.organizationId, orgId), isNull(users.removedAt)))
    .orderBy(sql`${users.memberRole} = 'owner' desc`, asc(users.name), asc(users.id));
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role ?? "member",
    joinedAt: row.joinedAt ? new Date(row.joinedAt) : row.createdAt,
    lastSignInAt: row.lastSignInAt,
  }));
}

/** The open (not accepted, not withdrawn) invitations, newest first; owners only. */
export async function listInvitations(db: Executor, actor: Actor): Promise<OpenInvitation[]> {
  const orgId = requireOrganization(actor);
  await assertOwner(db, actor, orgId);
  const rows = await db
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.memberRole,
      invitedByName: users.name,
      createdAt: invitations.createdAt,
      expiresAt: invitations.expiresAt,
    })
    .from(invitations)
    .leftJoin(users, eq(users.id, invitations.invitedBy))
    .where(and(eq(invitations.organizationId, orgId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
    .orderBy(desc(invitations.createdAt), desc(invitations.id))
    .limit(MAX_OPEN_INVITATIONS * 2);
  const now = Date.now();
  return rows.map((row) => ({ ...row, expired: row.expiresAt.getTime() <= now }));
}

/** What an invitation link is worth, for its page; looking changes nothing. */
export async function describeInvitation(db: Executor, token: unknown): Promise<InvitationDescription> {
  if (!isLinkTokenShape(token)) return { state: "unknown" };
  const [row] = await db
    .select({
      email: invitations.email,
      role: invitations.memberRole,
      expiresAt: invitations.expiresAt,
      acceptedAt: invitations.acceptedAt,
      revokedAt: invitations.revokedAt,
      organizationName: organizations.name,
      organizationKind: organizations.kind,
      inviterName: users.name,
    })
    .from(invitations)
    .innerJoin(organizations, eq(organizations.id, invitations.organizationId))
    .leftJoin(users, eq(users.id, invitations.invitedBy))
    .where(eq(invitations.tokenHash, hashLinkToken(token)))
    .limit(1);
  if (!row) return { state: "unknown" };
  const state = stateOf(row);
  // Only for a valid link: its holder proved control of the invited mailbox.
  const invitee = state === "valid" ? await findAccount(db, row.email) : undefined;
  return {
    state,
    organizationName: row.organizationName,
    organizationKind: row.organizationKind,
    inviterName: row.inviterName,
    email: row.email,
    role: row.role,
    expiresAt: row.expiresAt,
    rejoin: Boolean(invitee?.removedAt),
  };
}

function stateOf(row: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date }): Exclude<InvitationState, "unknown"> {
  if (row.acceptedAt) return "used";
  if (row.revokedAt) return "revoked";
  return row.expiresAt.getTime() <= Date.now() ? "expired" : "valid";
}

// ---------------------------------------------------------------------------------------
// Owners' changes

/**
 * Invites an address into the actor's organization, or renews the open invitation for it
 * (a new link, a new 7 days; the old link stops working). The answer is the same whether or
 * not the address has an account elsewhere; only an active member of this very organization,
 * whom the owner can already see in the list, is refused.
 */
export async function inviteMember(db: Executor, actor: Actor, raw: InviteMemberInput, appUrl: string) {
  const input = inviteMemberSchema.parse(raw);
  const orgId = requireOrganization(actor);
  await requireVerifiedEmail(db, actor.userId);
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + INVITATION_LIFETIME_MS);
  return db.transaction(async (tx) => {
    const org = await lockOrganization(tx, orgId);
    const inviter = await lockActiveMember(tx, actor.userId, orgId);
    if (inviter.memberRole !== "owner") throw AppError.forbidden("Only the organization's owners can invite people.");

    const [existing] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(sql`lower(${users.email})`, input.email), eq(users.organizationId, orgId), isNull(users.removedAt)))
      .limit(1);
    if (existing) throw AppError.validation({ email: `${input.email} is already a member of ${org.name}.` });

    const [open] = await tx
      .select({ id: invitations.id })
      .from(invitations)
      .where(and(eq(invitations.organizationId, orgId), eq(invitations.email, input.email), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
      .for("update");
    let invitationId: string;
    if (open) {
      await tx
        .update(invitations)
        .set({ tokenHash: hashLinkToken(token), expiresAt, memberRole: input.role, invitedBy: actor.userId })
        .where(eq(invitations.id, open.id));
      invitationId = open.id;
    } else {
      const [pending] = await tx
        .select({ n: count() })
        .from(invitations)
        .where(and(eq(invitations.organizationId, orgId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, new Date())));
      if ((pending?.n ?? 0) >= MAX_OPEN_INVITATIONS) {
        throw AppError.conflict(`${org.name} already has ${MAX_OPEN_INVITATIONS} open invitations. Withdraw some before inviting more people.`);
      }
      const [row] = await tx
        .insert(invitations)
        .values({ organizationId: orgId, email: input.email, memberRole: input.role, invitedBy: actor.userId, tokenHash: hashLinkToken(token), expiresAt })
        .returning({ id: invitations.id });
      invitationId = row!.id;
    }
    await enqueueMail(
      tx,
      invitationMail({ to: input.email, inviterName: inviter.name, organizationName: org.name, kind: org.kind, role: input.role, url: `${appUrl}${invitationPath(token)}`, expiresAt }),
    );
    await writeAudit(tx, {
      actorUserId: actor.userId,
      action: "member.invited",
      targetType: "invitation",
      targetId: invitationId,
      organizationId: orgId,
      data: { email: input.email, role: input.role, renewed: Boolean(open) },
    });
    return { id: invitationId, email: input.email, role: input.role, expiresAt, renewed: Boolean(open) };
  });
}

/** Withdraws an open invitation: its link stops working at once. */
export async function revokeInvitation(db: Executor, actor: Actor, invitationId: string): Promise<void> {
  const orgId = requireOrganization(actor);
  if (!isUuid(invitationId)) throw AppError.notFound("That invitation");
  await db.transaction(async (tx) => {
    await lockOrganization(tx, orgId);
    const me = await lockActiveMember(tx, actor.userId, orgId);
    if (me.memberRole !== "owner") throw AppError.forbidden("Only the organization's owners can withdraw invitations.");
    const [row] = await tx
      .update(invitations)
      .set({ revokedAt: new Date() })
      .where(and(eq(invitations.id, invitationId), eq(invitations.organizationId, orgId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
      .returning({ id: invitations.id, email: invitations.email });
    if (!row) throw AppError.notFound("That invitation");
    await writeAudit(tx, { actorUserId: actor.userId, action: "invitation.revoked", targetType: "invitation", targetId: row.id, organizationId: orgId, data: { email: row.email } });
  });
}

/** Makes a member an owner or an owner a member; the last owner cannot be demoted. */
export async function changeRole(db: Executor, actor: Actor, raw: ChangeRoleInput): Promise<{ changed: boolean }> {
  const input = changeRoleSchema.parse(raw);
  const orgId = requireOrganization(actor);
  if (!isUuid(input.userId)) throw AppError.notFound("That member");
  return db.transaction(async (tx) => {
    await lockOrganization(tx, orgId);
    const me = await lockActiveMember(tx, actor.userId, orgId);
    if (me.memberRole !== "owner") throw AppError.forbidden("Only the organization's owners can change roles.");
    const target = input.userId === actor.userId ? me : await lockMember(tx, input.userId, orgId);
    if (target.memberRole === input.role) return { changed: false };
    if (target.memberRole === "owner" && (await countOwners(tx, orgId)) <= 1) {
      throw AppError.conflict("An organization needs at least one owner. Make someone else an owner first.");
    }
    await tx.update(users).set({ memberRole: input.role, updatedAt: new Date() }).where(eq(users.id, target.id));
    await writeAudit(tx, {
      actorUserId: actor.userId,
      action: "member.role_changed",
      targetType: "user",
      targetId: target.id,
      organizationId: orgId,
      data: { from: target.memberRole, to: input.role },
    });
    return { changed: true };
  });
}

/**
 * Removes a member, or lets a member leave (the actor removing themselves). The account stays
 * (its history names it) but can no longer act: its sessions and API tokens end in the same
 * transaction. The last owner can neither leave nor be removed.
 */
export async function removeMember(db: Executor, actor: Actor, userId: string): Promise<{ sessions: number; tokens: number; self: boolean }> {
  const orgId = requireOrganization(actor);
  if (!isUuid(userId)) throw AppError.notFound("That member");
  const self = userId === actor.userId;
  return db.transaction(async (tx) => {
    const org = await lockOrganization(tx, orgId);
    const me = await lockActiveMember(tx, actor.userId, orgId);
    if (!self && me.memberRole !== "owner") throw AppError.forbidden("Only the organization's owners can remove people.");
    const target = self ? me : await lockMember(tx, userId, orgId);
    if (target.memberRole === "owner" && (await countOwners(tx, orgId)) <= 1) {
      throw AppError.conflict(
        self
          ? "You are the organization's only owner. Make someone else an owner before you leave."
          : "An organization needs at least one owner. Make someone else an owner first.",
      );
    }
    const { sessions, tokens } = await deactivate(tx, target.id);
    if (!self) await enqueueMail(tx, removedFromOrganizationMail({ to: target.email, name: target.name, organizationName: org.name, removerName: me.name }));
    await writeAudit(tx, {
      actorUserId: actor.userId,
      action: self ? "member.left" : "member.removed",
      targetType: "user",
      targetId: target.id,
      organizationId: orgId,
      data: { email: target.email, role: target.memberRole, sessionsRevoked: sessions, tokensRevoked: tokens },
    });
    return { sessions, tokens, self };
  });
}

// ---------------------------------------------------------------------------------------
// Accepting

/**
 * A visitor without an account joins from the invitation: the account is made with the
 * invited address (verified, since the link reached it) inside the invited organization.
 * An address that already has an account is refused with a pointer to sign in instead —
 * said only to the holder of a valid link, who controls that mailbox.
 */
export async function joinWithNewAccount(db: Executor, raw: JoinWithNewAccountInput) {
  const input = joinWithNewAccountSchema.parse(raw);
  assertUncommonPassword(input.password);
  const passwordHash = await hashPassword(input.password);
  try {
    return await insertInvitedAccount(db, input, passwordHash);
  } catch (error) {
    // Two sign-ups racing for one address: the unique index decides, the loser hears the same.
    if (sqlStateOf(error) === "23505") throw accountExists();
    throw error;
  }
}

const accountExists = () =>
  new AppError("conflict", 409, "This address already has a Substation account. Sign in with that address to accept instead.");

async function insertInvitedAccount(db: Executor, input: JoinWithNewAccountInput, passwordHash: string) {
  return db.transaction(async (tx) => {
    const invitation = await claimInvitation(tx, input.token);
    if (await findAccount(tx, invitation.email)) throw accountExists();
    const org = await lockOrganization(tx, invitation.organizationId);
    const [user] = await tx
      .insert(users)
      .values({
        email: invitation.email,
        name: input.name,
        passwordHash,
        role: org.kind,
        organizationId: org.id,
        memberRole: invitation.memberRole,
        emailVerifiedAt: new Date(),
      })
      .returning({ id: users.id, email: users.email });
    await markAccepted(tx, invitation, user!.id, { newAccount: true });
    return { userId: user!.id, email: user!.email, organizationName: org.name };
  });
}

/**
 * A removed account, invited again, comes back with its own password: it is moved into the
 * inviting organization and can sign in again. A wrong password changes nothing.
 */
export async function rejoinWithPassword(db: Executor, input: { token: string; password: string }) {
  // Counted outside the transaction, so a refused attempt still counts.
  if (isLinkTokenShape(input.token) && (await recordHit(db, `rejoin:${hashLinkToken(input.token)}`, REJOIN_WINDOW_SECONDS)) > REJOIN_LIMIT) {
    throw AppError.rateLimited("Too many attempts. Wait 15 minutes, then try again.", REJOIN_WINDOW_SECONDS);
  }
  return db.transaction(async (tx) => {
    const invitation = await claimInvitation(tx, input.token);
    const account = await findAccount(tx, invitation.email);
    if (!account?.removedAt) {
      if (!account) await verifyAgainstDummy(input.password);
      throw new AppError("conflict", 409, "Sign in with the invited address to accept this invitation.");
    }
    const [secret] = await tx.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, account.id)).for("update");
    if (!secret || !(await verifyPassword(secret.passwordHash, input.password))) {
      throw AppError.validation({ password: "That password does not match the account of this address." }, "That password is not right.");
    }
    const org = await moveInto(tx, account.id, invitation);
    return { userId: account.id, email: account.email, organizationName: org.name };
  });
}

/**
 * A signed-in person accepts with one click and moves into the inviting organization. The
 * invitation must name their address; the last owner of an organization with other members
 * must hand it over first.
 */
export async function acceptInvitation(db: Executor, actor: Actor, token: string) {
  return db.transaction(async (tx) => {
    const invitation = await claimInvitation(tx, token);
    const [me] = await tx
      .select({ id: users.id, email: users.email, role: users.role })
      .from(users)
      .where(eq(users.id, actor.userId))
      .for("update");
    if (!me) throw AppError.unauthenticated();
    if (me.email.toLowerCase() !== invitation.email) {
      throw AppError.forbidden(`This invitation is for ${invitation.email}. Sign out, then sign in with that address to accept it.`);
    }
    if (me.role === "admin") throw AppError.forbidden("Staff accounts belong to no organization and cannot accept invitations.");
    const org = await moveInto(tx, me.id, invitation);
    return { organizationName: org.name };
  });
}

// ---------------------------------------------------------------------------------------
// Helpers (inside the caller's transaction)

type ClaimedInvitation = { id: string; organizationId: string; email: string; memberRole: MemberRole; invitedBy: string | null };

/** Locks an invitation by its token and checks that it can still be accepted. */
async function claimInvitation(tx: Executor, token: unknown): Promise<ClaimedInvitation> {
  if (!isLinkTokenShape(token)) throw invalidLink("unknown");
  const [row] = await tx
    .select({
      id: invitations.id,
      organizationId: invitations.organizationId,
      email: invitations.email,
      memberRole: invitations.memberRole,
      invitedBy: invitations.invitedBy,
      acceptedAt: invitations.acceptedAt,
      revokedAt: invitations.revokedAt,
      expiresAt: invitations.expiresAt,
    })
    .from(invitations)
    .where(eq(invitations.tokenHash, hashLinkToken(token)))
    .for("update");
  if (!row) throw invalidLink("unknown");
  const state = stateOf(row);
  if (state !== "valid") throw invalidLink(state);
  return { id: row.id, organizationId: row.organizationId, email: row.email, memberRole: row.memberRole, invitedBy: row.invitedBy };
}

async function markAccepted(tx: Executor, invitation: ClaimedInvitation, userId: string, data: Record<string, unknown>) {
  await tx.update(invitations).set({ acceptedAt: new Date(), acceptedBy: userId }).where(eq(invitations.id, invitation.id));
  await writeAudit(tx, {
    actorUserId: userId,
    action: "member.joined",
    targetType: "user",
    targetId: userId,
    organizationId: invitation.organizationId,
    data: { invitationId: invitation.id, email: invitation.email, role: invitation.memberRole, invitedBy: invitation.invitedBy, ...data },
  });
}

/**
 * Moves an existing account into the invitation's organization with the invited role (its
 * user role becomes the organization's kind). Leaving the old organization follows the
 * rule of removeMember: its last owner cannot go while others remain. API tokens made for
 * the old organization are revoked, so nothing keeps acting for it.
 */
async function moveInto(tx: Executor, userId: string, invitation: ClaimedInvitation) {
  const [current] = await tx
    .select({ organizationId: users.organizationId, memberRole: users.memberRole, removedAt: users.removedAt })
    .from(users)
    .where(eq(users.id, userId))
    .for("update");
  if (!current) throw AppError.unauthenticated();
  const previous = current.organizationId;
  // Lock both organizations in a fixed order, so two people swapping cannot deadlock.
  const orgIds = [...new Set([previous, invitation.organizationId].filter((id): id is string => Boolean(id)))].sort();
  const locked = new Map<string, Awaited<ReturnType<typeof lockOrganization>>>();
  for (const id of orgIds) locked.set(id, await lockOrganization(tx, id));
  const org = locked.get(invitation.organizationId)!;

  if (previous === invitation.organizationId && !current.removedAt) {
    // Already a member: the invitation is spent, nothing else changes.
    await markAccepted(tx, invitation, userId, { alreadyMember: true });
    return org;
  }
  if (previous && previous !== invitation.organizationId && !current.removedAt && current.memberRole === "owner") {
    const owners = await countOwners(tx, previous);
    const [others] = await tx
      .select({ n: count() })
      .from(users)
      .where(and(eq(users.organizationId, previous), isNull(users.removedAt), sql`${users.id} <> ${userId}`));
    if (owners <= 1 && (others?.n ?? 0) > 0) {
      throw AppError.conflict(
        `You are the only owner of ${locked.get(previous)!.name}, which still has other members. Make one of them an owner first, then accept this invitation.`,
      );
    }
  }
  await tx
    .update(users)
    .set({
      organizationId: org.id,
      role: org.kind,
      memberRole: invitation.memberRole,
      removedAt: null,
      emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, now())`,
      updatedAt: new Date(),
    })
    .where(eq(users.id, userId));
  let tokens = 0;
  if (previous !== invitation.organizationId) {
    tokens = await revokeUserApiTokens(tx, userId);
    if (previous && !current.removedAt) {
      await writeAudit(tx, { actorUserId: userId, action: "member.left", targetType: "user", targetId: userId, organizationId: previous, data: { movedTo: org.id, tokensRevoked: tokens } });
    }
  }
  await markAccepted(tx, invitation, userId, { from: previous, rejoined: Boolean(current.removedAt), tokensRevoked: tokens });
  return org;
}

async function lockOrganization(tx: Executor, organizationId: string) {
  // NO KEY UPDATE: serializes membership changes of this organization without blocking
  // inserts elsewhere that merely reference it (listings, bookings).
  const [org] = await tx
    .select({ id: organizations.id, name: organizations.name, kind: organizations.kind })
    .from(organizations)
    .where(eq(organizations.id, organizationId))
    .for("no key update");
  if (!org) throw AppError.notFound("That organization");
  return org;
}

type LockedMember = { id: string; name: string; email: string; memberRole: MemberRole };

async function lockMember(tx: Executor, userId: string, organizationId: string): Promise<LockedMember> {
  const [row] = await tx
    .select({ id: users.id, name: users.name, email: users.email, memberRole: users.memberRole })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.organizationId, organizationId), isNull(users.removedAt)))
    .for("update");
  if (!row?.memberRole) throw AppError.notFound("That member");
  return { ...row, memberRole: row.memberRole };
}

/** The actor as an active member of the organization, or a refusal (they were removed meanwhile). */
async function lockActiveMember(tx: Executor, userId: string, organizationId: string): Promise<LockedMember> {
  try {
    return await lockMember(tx, userId, organizationId);
  } catch {
    throw AppError.forbidden("You are no longer a member of this organization.");
  }
}

async function assertOwner(db: Executor, actor: Actor, organizationId: string): Promise<void> {
  const [row] = await db
    .select({ memberRole: users.memberRole })
    .from(users)
    .where(and(eq(users.id, actor.userId), eq(users.organizationId, organizationId), isNull(users.removedAt)))
    .limit(1);
  if (row?.memberRole !== "owner") throw AppError.forbidden("Only the organization's owners can see its invitations.");
}

/** Active owners; read under the organization's lock, so it cannot change until commit. */
async function countOwners(tx: Executor, organizationId: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.organizationId, organizationId), eq(users.memberRole, "owner"), isNull(users.removedAt)));
  return row?.n ?? 0;
}

/** Ends every session and API token of the person and marks them removed. */
async function deactivate(tx: Executor, userId: string) {
  await tx.update(users).set({ removedAt: new Date(), updatedAt: new Date() }).where(eq(users.id, userId));
  const sessions = await revokeUserSessions(tx, userId);
  const tokens = await revokeUserApiTokens(tx, userId);
  return { sessions, tokens };
}

async function findAccount(db: Executor, email: string) {
  const [row] = await db
    .select({ id: users.id, email: users.email, removedAt: users.removedAt })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.toLowerCase()))
    .limit(1);
  return row;
}
