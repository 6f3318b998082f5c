import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createAccount } from "@/db/queries/accounts";
import { organizations, outboxEmails, users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { verifyPassword } from "@/lib/auth/password";
import { signUpSchema } from "@/lib/validations/auth";
import { testDb, uniqueEmail } from "../support/db";

function input(overrides: Partial<Record<string, string>> = {}) {
  return signUpSchema.parse({
    name: "Grace Hopper",
    email: uniqueEmail("grace"),
    password: "a long enough passphrase",
    organizationName: `Flare Gas Compute ${Math.random().toString(36).slice(2, 7)}`,
    kind: "miner",
    ...overrides,
  });
}

describe("sign-up", () => {
  it("creates the organization, its user with a hashed password, and a welcome mail", async () => {
    const db = await testDb();
    const data = input();
    const { user, organization } = await createAccount(db, data, "http://localhost:3000");

    const [row] = await db.select().from(users).where(eq(users.id, user.id));
    expect(row?.role).toBe("miner");
    expect(row?.organizationId).toBe(organization.id);
    expect(row?.passwordHash).not.toContain(data.password);
    expect(await verifyPassword(row!.passwordHash, data.password)).toBe(true);

    const [org] = await db.select().from(organizations).where(eq(organizations.id, organization.id));
    expect(org).toMatchObject({ kind: "miner", status: "active", name: data.organizationName });

    const mails = await db.select().from(outboxEmails).where(eq(outboxEmails.toAddress, data.email));
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ template: "welcome", status: "stored", subject: "Welcome to Substation" });
    expect(mails[0]!.textBody).toContain(data.organizationName);
  });

  it("refuses a duplicate email whatever its case, and leaves no organization behind", async () => {
    const db = await testDb();
    const first = input();
    await createAccount(db, first, "http://x");
    const second = input({ email: first.email.toUpperCase() });
    const orgsBefore = await db.select({ n: sql<number>`count(*)::int` }).from(organizations);

    const error = await createAccount(db, second, "http://x").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).fields?.email).toMatch(/already exists/);

    const orgsAfter = await db.select({ n: sql<number>`count(*)::int` }).from(organizations);
    expect(orgsAfter[0]!.n).toBe(orgsBefore[0]!.n);
    const named = await db.select().from(organizations).where(eq(organizations.name, second.organizationName));
    expect(named).toHaveLength(0);
  });

  it("lets exactly one of two racing sign-ups for the same email win, with nothing half-created", async () => {
    const db = await testDb();
    const email = uniqueEmail("race");
    const attempts = await Promise.allSettled([
      createAccount(db, input({ email, organizationName: "Race Org One" }), "http://x"),
      createAccount(db, input({ email, organizationName: "Race Org Two" }), "http://x"),
      createAccount(db, input({ email, organizationName: "Race Org Three" }), "http://x"),
    ]);
    expect(attempts.filter((a) => a.status === "fulfilled")).toHaveLength(1);
    for (const failed of attempts.filter((a) => a.status === "rejected")) {
      expect((failed as PromiseRejectedResult).reason).toBeInstanceOf(AppError);
    }
    const accounts = await db.select().from(users).where(eq(users.email, email));
    expect(accounts).toHaveLength(1);
    const orgs = await db
      .select({ id: organizations.id })
      .from(organizations)
      .where(sql`${organizations.name} like 'Race Org %'`);
    expect(orgs).toHaveLength(1);
    const mails = await db.select().from(outboxEmails).where(eq(outboxEmails.toAddress, email));
    expect(mails).toHaveLength(1);
  });

  it("gives two organizations of the same name distinct slugs", async () => {
    const db = await testDb();
    const name = `Same Name Mining ${Date.now()}`;
    const a = await createAccount(db, input({ organizationName: name }), "http://x");
    const b = await createAccount(db, input({ organizationName: name }), "http://x");
    const slugs = await db
      .select({ slug: organizations.slug })
      .from(organizations)
      .where(sql`${organizations.id} in (${a.organization.id}, ${b.organization.id})`);
    expect(new Set(slugs.map((s) => s.slug)).size).toBe(2);
  });

  it("lets racing sign-ups of same-named organizations all succeed, each with its own slug", async () => {
    const db = await testDb();
    const name = `Racing Hash Co ${Date.now()}`;
    const created = await Promise.all(Array.from({ length: 8 }, () => createAccount(db, input({ organizationName: name }), "http://x")));
    const slugs = await db
      .select({ slug: organizations.slug })
      .from(organizations)
      .where(sql`${organizations.id} in (${sql.join(created.map((c) => sql`${c.organization.id}`), sql`, `)})`);
    expect(new Set(slugs.map((s) => s.slug)).size).toBe(8);
  });
});
