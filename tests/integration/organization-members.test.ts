import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { GET as getMembers } from "@/app/api/v1/organization/members/route";
import { GET as getTokens } from "@/app/api/v1/tokens/route";
import { hashLinkToken } from "@/db/queries/account-links";
import { createApiToken } from "@/db/queries/api-tokens";
import {
  acceptInvitation,
  changeRole,
  describeInvitation,
  INVITATION_LIFETIME_MS,
  inviteMember,
  joinWithNewAccount,
  listInvitations,
  listMembers,
  REJOIN_LIMIT,
  rejoinWithPassword,
  removeMember,
  revokeInvitation,
} from "@/db/queries/organization-members";
import { createSession } from "@/db/queries/sessions";
import { apiTokens, auditLog, invitations, outboxEmails, userSessions, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/policy";
import { AppError, toAppError } from "@/lib/errors";
import { uniqueEmail } from "../support/db";
import { apiRequest, makeAccount, makeAdmin, makeAdminWithToken } from "../support/fixtures";

const APP = "http://app.test";
const noParams = { params: Promise.resolve({}) };
const PASSWORD = "a long enough passphrase";

async function failure(promise: Promise<unknown>): Promise<AppError> {
  return toAppError(await promise.then(() => expect.fail("expected a refusal"), (error: unknown) => error));
}

type Db = Awaited<ReturnType<typeof makeAccount>>["db"];

/** The token in the newest invitation mail to the address. */
async function invitationToken(db: Db, email: string): Promise<string> {
  const [mail] = await db
    .select({ text: outboxEmails.textBody, template: outboxEmails.template })
    .from(outboxEmails)
    .where(and(eq(outboxEmails.toAddress, email), eq(outboxEmails.template, "invitation")))
    .orderBy(desc(outboxEmails.createdAt))
    .limit(1);
  const match = /\/invitations\/([A-Za-z0-9_-]{43})/.exec(mail?.text ?? "");
  if (!match) throw new Error(`no invitation mail to ${email}`);
  return match[1]!;
}

/** An owner's organization with a second person who joined through an invitation. */
async function teamWithMember(kind: "miner" | "buyer" = "miner", role: "owner" | "member" = "member") {
  const owner = await makeAccount(kind);
  const email = uniqueEmail("colleague");
  await inviteMember(owner.db, owner.actor, { email, role }, APP);
  const joined = await joinWithNewAccount(owner.db, { token: await invitationToken(owner.db, email), name: "Colleague", password: PASSWORD });
  const member: Actor = { userId: joined.userId, role: kind, organizationId: owner.organization.id };
  return { ...owner, owner: owner.actor, member, memberEmail: email };
}

async function auditActions(db: Db, organizationId: string) {
  const rows = await db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.organizationId, organizationId));
  return rows.map((r) => r.action);
}

async function ownerCount(db: Db, organizationId: string) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(and(eq(users.organizationId, organizationId), eq(users.memberRole, "owner"), isNull(users.removedAt)));
  return row!.n;
}

describe("inviting", () => {
  it("mails a 7-day link naming the inviter and the organization, storing only the token's hash", async () => {
    const { db, actor, organization, user } = await makeAccount("miner", "Hydro Hashers");
    const email = uniqueEmail("invitee");
    const result = await inviteMember(db, actor, { email, role: "member" }, APP);
    expect(result).toMatchObject({ email, role: "member", renewed: false });

    const [mail] = await db.select().from(outboxEmails).where(and(eq(outboxEmails.toAddress, email), eq(outboxEmails.template, "invitation")));
    expect(mail!.subject).toContain("Hydro Hashers");
    expect(mail!.textBody).toContain(user.name);
    expect(mail!.textBody).toContain(`${APP}/invitations/`);
    const token = await invitationToken(db, email);

    const [row] = await db.select().from(invitations).where(eq(invitations.id, result.id));
    expect(row).toMatchObject({ organizationId: organization.id, email, memberRole: "member", invitedBy: actor.userId, tokenHash: hashLinkToken(token), acceptedAt: null });
    expect(JSON.stringify(row)).not.toContain(token);
    const lifetime = row!.expiresAt.getTime() - Date.now();
    expect(lifetime).toBeGreaterThan(INVITATION_LIFETIME_MS - 60_000);
    expect(lifetime).toBeLessThanOrEqual(INVITATION_LIFETIME_MS);

    expect(await describeInvitation(db, token)).toMatchObject({ state: "valid", organizationName: "Hydro Hashers", inviterName: user.name, email, role: "member" });
    expect(await listInvitations(db, actor)).toEqual([expect.objectContaining({ id: result.id, email, expired: false })]);
    expect(await auditActions(db, organization.id)).toContain("member.invited");
  });

  it("renews an open invitation for the same address: a new link, the old one stops working", async () => {
    const { db, actor } = await makeAccount("buyer");
    const email = uniqueEmail("again");
    const first = await inviteMember(db, actor, { email, role: "member" }, APP);
    const oldToken = await invitationToken(db, email);
    const second = await inviteMember(db, actor, { email: email.toUpperCase(), role: "owner" }, APP);
    expect(second).toMatchObject({ id: first.id, renewed: true, role: "owner" });
    const newToken = await invitationToken(db, email);
    expect(newToken).not.toBe(oldToken);
    expect(await describeInvitation(db, oldToken)).toEqual({ state: "unknown" });
    expect(await listInvitations(db, actor)).toHaveLength(1);
  });

  it("answers the same for an address with an account elsewhere, and refuses only this organization's own members", async () => {
    const other = await makeAccount("buyer");
    const { db, actor, user } = await makeAccount("buyer");
    await expect(inviteMember(db, actor, { email: other.user.email, role: "member" }, APP)).resolves.toMatchObject({ renewed: false });
    const self = await failure(inviteMember(db, actor, { email: user.email, role: "member" }, APP));
    expect(self).toMatchObject({ status: 400, code: "validation_failed" });
    expect(self.fields?.email).toMatch(/already a member/);
  });

  it("is for owners only: a member is refused with 403", async () => {
    const { db, member } = await teamWithMember();
    expect(await failure(inviteMember(db, member, { email: uniqueEmail(), role: "member" }, APP))).toMatchObject({ status: 403, code: "forbidden" });
    expect(await failure(listInvitations(db, member))).toMatchObject({ status: 403 });
  });

  it("waits for a verified email (403 email_unverified) and writes nothing", async () => {
    const { db, actor } = await makeAccount("miner", undefined, { verified: false });
    const email = uniqueEmail("early");
    expect(await failure(inviteMember(db, actor, { email, role: "member" }, APP))).toMatchObject({ status: 403, code: "email_unverified" });
    expect(await db.select({ id: invitations.id }).from(invitations).where(eq(invitations.email, email))).toHaveLength(0);
  });

  it("refuses admins, who have no organization", async () => {
    const { db } = await makeAccount("miner");
    expect(await failure(inviteMember(db, await makeAdmin(), { email: uniqueEmail(), role: "member" }, APP))).toMatchObject({ status: 403 });
  });

  it("withdraws an invitation: its link stops working, audited", async () => {
    const { db, actor, organization } = await makeAccount("miner");
    const email = uniqueEmail("withdrawn");
    const { id } = await inviteMember(db, actor, { email, role: "member" }, APP);
    const token = await invitationToken(db, email);
    await revokeInvitation(db, actor, id);
    expect(await describeInvitation(db, token)).toMatchObject({ state: "revoked" });
    expect(await failure(joinWithNewAccount(db, { token, name: "Late", password: PASSWORD }))).toMatchObject({ status: 400, code: "invalid_link" });
    expect(await failure(revokeInvitation(db, actor, id))).toMatchObject({ status: 404 });
    expect(await auditActions(db, organization.id)).toContain("invitation.revoked");
  });
});

describe("accepting", () => {
  it("signs a new person up into the organization with the invited role and a verified email", async () => {
    const { db, organization, memberEmail, member } = await teamWithMember("miner", "owner");
    const [row] = await db.select().from(users).where(eq(users.id, member.userId));
    expect(row).toMatchObject({ email: memberEmail, organizationId: organization.id, role: "miner", memberRole: "owner", removedAt: null });
    expect(row!.emailVerifiedAt).toBeInstanceOf(Date);
    expect(await auditActions(db, organization.id)).toContain("member.joined");
    const members = await listMembers(db, member);
    expect(members.map((m) => m.email)).toContain(memberEmail);
  });

  it("refuses a second use of the link and changes nothing", async () => {
    const { db, actor } = await makeAccount("miner");
    const email = uniqueEmail("twice");
    await inviteMember(db, actor, { email, role: "member" }, APP);
    const token = await invitationToken(db, email);
    await joinWithNewAccount(db, { token, name: "First", password: PASSWORD });
    expect(await describeInvitation(db, token)).toMatchObject({ state: "used" });
    const again = await failure(joinWithNewAccount(db, { token, name: "Second", password: PASSWORD }));
    expect(again).toMatchObject({ status: 400, code: "invalid_link" });
    const [row] = await db.select({ name: users.name }).from(users).where(eq(users.email, email));
    expect(row!.name).toBe("First");
  });

  it("refuses expired and forged links without writing anything", async () => {
    const { db, actor } = await makeAccount("buyer");
    const email = uniqueEmail("expired");
    const { id } = await inviteMember(db, actor, { email, role: "member" }, APP);
    const token = await invitationToken(db, email);
    await db.update(invitations).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(invitations.id, id));
    expect(await describeInvitation(db, token)).toMatchObject({ state: "expired" });
    expect(await failure(joinWithNewAccount(db, { token, name: "Late", password: PASSWORD }))).toMatchObject({ code: "invalid_link", message: expect.stringMatching(/expired/) });

    for (const forged of ["A".repeat(43), "short", "../../etc/passwd", "x".repeat(200), ""]) {
      expect(await describeInvitation(db, forged)).toEqual({ state: "unknown" });
      expect(await failure(joinWithNewAccount(db, { token: forged, name: "Forger", password: PASSWORD }))).toMatchObject({ status: 400, code: "invalid_link" });
    }
    expect(await db.select({ id: users.id }).from(users).where(eq(users.email, email))).toHaveLength(0);
    const [row] = await db.select({ acceptedAt: invitations.acceptedAt }).from(invitations).where(eq(invitations.id, id));
    expect(row!.acceptedAt).toBeNull();
  });

  it("tells the link holder to sign in when the address already has an account, and spends nothing", async () => {
    const other = await makeAccount("buyer");
    const { db, actor } = await makeAccount("buyer");
    await inviteMember(db, actor, { email: other.user.email, role: "member" }, APP);
    const token = await invitationToken(db, other.user.email);
    const refused = await failure(joinWithNewAccount(db, { token, name: "Someone", password: PASSWORD }));
    expect(refused).toMatchObject({ status: 409, message: expect.stringMatching(/Sign in with that address/) });
    expect(await describeInvitation(db, token)).toMatchObject({ state: "valid", rejoin: false });
  });

  it("moves a signed-in person whose address matches into the organization with one click", async () => {
    const mover = await makeAccount("buyer");
    const { db, actor, organization } = await makeAccount("miner");
    await inviteMember(db, actor, { email: mover.user.email, role: "member" }, APP);
    const token = await invitationToken(db, mover.user.email);
    await expect(acceptInvitation(db, mover.actor, token)).resolves.toMatchObject({ organizationName: organization.name });
    const [row] = await db.select().from(users).where(eq(users.id, mover.user.id));
    expect(row).toMatchObject({ organizationId: organization.id, role: "miner", memberRole: "member" });
    // The token made for the old organization does not keep acting.
    expect((await getTokens(apiRequest("GET", "/api/v1/tokens", mover.token, undefined), noParams)).status).toBe(401);
    expect(await auditActions(db, mover.organization.id)).toContain("member.left");
  });

  it("refuses a signed-in person with another address", async () => {
    const stranger = await makeAccount("miner");
    const { db, actor } = await makeAccount("miner");
    const email = uniqueEmail("intended");
    await inviteMember(db, actor, { email, role: "member" }, APP);
    const token = await invitationToken(db, email);
    const refused = await failure(acceptInvitation(db, stranger.actor, token));
    expect(refused).toMatchObject({ status: 403, message: expect.stringContaining(email) });
    expect(await describeInvitation(db, token)).toMatchObject({ state: "valid" });
  });

  it("refuses the last owner of an organization that still has other members", async () => {
    const team = await teamWithMember("buyer");
    const { db, actor } = await makeAccount("miner");
    await inviteMember(db, actor, { email: team.user.email, role: "member" }, APP);
    const token = await invitationToken(db, team.user.email);
    expect(await failure(acceptInvitation(db, team.owner, token))).toMatchObject({ status: 409, message: expect.stringMatching(/only owner/) });
    const [row] = await db.select({ organizationId: users.organizationId }).from(users).where(eq(users.id, team.user.id));
    expect(row!.organizationId).toBe(team.organization.id);
  });

  it("brings a removed person back with their own password; a wrong one changes nothing", async () => {
    const { db, owner, member, memberEmail, organization } = await teamWithMember();
    await removeMember(db, owner, member.userId);
    await inviteMember(db, owner, { email: memberEmail, role: "member" }, APP);
    const token = await invitationToken(db, memberEmail);
    expect(await describeInvitation(db, token)).toMatchObject({ state: "valid", rejoin: true });
    expect(await failure(joinWithNewAccount(db, { token, name: "Again", password: PASSWORD }))).toMatchObject({ status: 409 });
    expect(await failure(rejoinWithPassword(db, { token, password: "not the password" }))).toMatchObject({ status: 400, fields: { password: expect.any(String) } });
    await rejoinWithPassword(db, { token, password: PASSWORD });
    expect(await describeInvitation(db, token)).toMatchObject({ state: "used" });
    const [row] = await db.select({ removedAt: users.removedAt, organizationId: users.organizationId }).from(users).where(eq(users.id, member.userId));
    expect(row).toEqual({ removedAt: null, organizationId: organization.id });
  });

  it("limits password attempts on one rejoin link", async () => {
    const { db, owner, member, memberEmail } = await teamWithMember();
    await removeMember(db, owner, member.userId);
    await inviteMember(db, owner, { email: memberEmail, role: "member" }, APP);
    const token = await invitationToken(db, memberEmail);
    for (let i = 0; i < REJOIN_LIMIT; i++) await failure(rejoinWithPassword(db, { token, password: `wrong ${i}` }));
    expect(await failure(rejoinWithPassword(db, { token, password: PASSWORD }))).toMatchObject({ status: 429, code: "rate_limited" });
    expect(await describeInvitation(db, token)).toMatchObject({ state: "valid" });
  });
});

describe("roles", () => {
  it("lets an owner promote and demote, audited with before and after", async () => {
    const { db, owner, member, organization } = await teamWithMember();
    await expect(changeRole(db, owner, { userId: member.userId, role: "owner" })).resolves.toEqual({ changed: true });
    await expect(changeRole(db, owner, { userId: member.userId, role: "owner" })).resolves.toEqual({ changed: false });
    await changeRole(db, member, { userId: owner.userId, role: "member" });
    expect(await ownerCount(db, organization.id)).toBe(1);
    const [entry] = await db
      .select({ data: auditLog.data })
      .from(auditLog)
      .where(and(eq(auditLog.action, "member.role_changed"), eq(auditLog.targetId, owner.userId)));
    expect(entry!.data).toMatchObject({ from: "owner", to: "member" });
  });

  it("refuses members, other organizations' people and the last owner's demotion", async () => {
    const { db, owner, member } = await teamWithMember();
    expect(await failure(changeRole(db, member, { userId: member.userId, role: "owner" }))).toMatchObject({ status: 403 });
    const stranger = await makeAccount("miner");
    expect(await failure(changeRole(db, owner, { userId: stranger.user.id, role: "member" }))).toMatchObject({ status: 404 });
    const last = await failure(changeRole(db, owner, { userId: owner.userId, role: "member" }));
    expect(last).toMatchObject({ status: 409, message: expect.stringMatching(/at least one owner/) });
  });

  it("leaves one owner when two owners demote each other at the same moment", async () => {
    for (let round = 0; round < 3; round++) {
      const { db, owner, member, organization } = await teamWithMember("miner", "owner");
      await Promise.all(Array.from({ length: 4 }, () => db.execute(sql`select 1`)));
      const results = await Promise.allSettled([
        changeRole(db, owner, { userId: member.userId, role: "member" }),
        changeRole(db, member, { userId: owner.userId, role: "member" }),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      expect(await ownerCount(db, organization.id)).toBe(1);
    }
  });

  it("leaves one owner when two owners demote themselves at the same moment", async () => {
    const { db, owner, member, organization } = await teamWithMember("buyer", "owner");
    const results = await Promise.allSettled([
      changeRole(db, owner, { userId: owner.userId, role: "member" }),
      changeRole(db, member, { userId: member.userId, role: "member" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await ownerCount(db, organization.id)).toBe(1);
  });
});

describe("removing", () => {
  it("ends the removed person's sessions and API tokens at once, audited and mailed", async () => {
    const { db, owner, member, memberEmail, organization } = await teamWithMember();
    const sessionId = await createSession(db, { userId: member.userId, userAgent: "test", ipAddress: "127.0.0.1", mfa: false });
    const { token } = await createApiToken(db, member, "script");
    expect((await getMembers(apiRequest("GET", "/api/v1/organization/members", token), noParams)).status).toBe(200);

    await expect(removeMember(db, owner, member.userId)).resolves.toMatchObject({ sessions: 1, tokens: 1, self: false });

    const [session] = await db.select({ revokedAt: userSessions.revokedAt }).from(userSessions).where(eq(userSessions.id, sessionId));
    expect(session!.revokedAt).toBeInstanceOf(Date);
    const active = await db.select({ id: apiTokens.id }).from(apiTokens).where(and(eq(apiTokens.userId, member.userId), isNull(apiTokens.revokedAt)));
    expect(active).toHaveLength(0);
    const response = await getMembers(apiRequest("GET", "/api/v1/organization/members", token), noParams);
    expect(response.status).toBe(401);
    expect((await response.json()).error.code).toBe("unauthenticated");

    const [row] = await db.select({ removedAt: users.removedAt, organizationId: users.organizationId }).from(users).where(eq(users.id, member.userId));
    expect(row!.removedAt).toBeInstanceOf(Date);
    expect(row!.organizationId).toBe(organization.id);
    expect((await listMembers(db, owner)).map((m) => m.id)).not.toContain(member.userId);
    expect(await auditActions(db, organization.id)).toContain("member.removed");
    const mails = await db.select({ template: outboxEmails.template }).from(outboxEmails).where(eq(outboxEmails.toAddress, memberEmail));
    expect(mails.map((m) => m.template)).toContain("member_removed");
  });

  it("lets a member leave, but not the last owner, and no member remove anyone else", async () => {
    const { db, owner, member, organization } = await teamWithMember();
    expect(await failure(removeMember(db, member, owner.userId))).toMatchObject({ status: 403 });
    expect(await failure(removeMember(db, owner, owner.userId))).toMatchObject({ status: 409, message: expect.stringMatching(/only owner/) });
    await expect(removeMember(db, member, member.userId)).resolves.toMatchObject({ self: true });
    expect(await auditActions(db, organization.id)).toContain("member.left");
    // Gone already: acting again is refused.
    expect(await failure(removeMember(db, member, member.userId))).toMatchObject({ status: 403 });
  });

  it("cannot remove the last owner, even when two owners remove each other at once", async () => {
    const { db, owner, member, organization } = await teamWithMember("miner", "owner");
    const results = await Promise.allSettled([removeMember(db, owner, member.userId), removeMember(db, member, owner.userId)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await ownerCount(db, organization.id)).toBe(1);
  });

  it("refuses a malformed or foreign id with 404", async () => {
    const { db, actor } = await makeAccount("miner");
    const stranger = await makeAccount("miner");
    expect(await failure(removeMember(db, actor, "not-a-uuid"))).toMatchObject({ status: 404 });
    expect(await failure(removeMember(db, actor, stranger.user.id))).toMatchObject({ status: 404 });
  });
});

describe("GET /api/v1/organization/members", () => {
  it("lists the caller's organization's members for any member, owners first", async () => {
    const { db, token, user, member, memberEmail } = await teamWithMember();
    const { token: memberToken } = await createApiToken(db, member, "reader");
    for (const bearer of [token, memberToken]) {
      const response = await getMembers(apiRequest("GET", "/api/v1/organization/members", bearer), noParams);
      expect(response.status).toBe(200);
      const body = await response.json();
      expect(body.items).toHaveLength(2);
      expect(body.items[0]).toEqual({ id: user.id, name: user.name, email: user.email, role: "owner", joinedAt: expect.any(String), lastSignInAt: null });
      expect(body.items[1]).toMatchObject({ id: member.userId, email: memberEmail, role: "member" });
    }
  });

  it("never shows another organization's members", async () => {
    const team = await teamWithMember();
    const other = await makeAccount("miner");
    const body = await (await getMembers(apiRequest("GET", "/api/v1/organization/members", other.token), noParams)).json();
    expect(body.items.map((m: { id: string }) => m.id)).toEqual([other.user.id]);
    expect(JSON.stringify(body)).not.toContain(team.memberEmail);
  });

  it("answers 401 signed out and 403 for admins", async () => {
    expect((await getMembers(apiRequest("GET", "/api/v1/organization/members", null), noParams)).status).toBe(401);
    const { token: secret } = await makeAdminWithToken();
    const response = await getMembers(apiRequest("GET", "/api/v1/organization/members", secret), noParams);
    expect(response.status).toBe(403);
    expect((await response.json()).error.code).toBe("forbidden");
  });
});
