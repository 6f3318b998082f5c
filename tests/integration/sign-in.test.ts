import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createAccount } from "@/db/queries/accounts";
import { organizations, users } from "@/db/schema";
import { authenticate, SIGN_IN_LIMIT } from "@/lib/auth/sign-in";
import { signUpSchema } from "@/lib/validations/auth";
import { testDb, uniqueEmail } from "../support/db";

const PASSWORD = "a long enough passphrase";

async function account(kind: "miner" | "buyer" = "buyer") {
  const db = await testDb();
  const data = signUpSchema.parse({ name: "Test User", email: uniqueEmail(kind), password: PASSWORD, organizationName: "Sign-in Tests Inc", kind });
  const created = await createAccount(db, data, "http://x");
  return { db, email: data.email, ...created };
}

let ipCounter = 0;
const freshIp = () => `198.51.100.${++ipCounter}`;

describe("credentials sign-in", () => {
  it("signs in with the right password, whatever the email's case", async () => {
    const { db, email, user } = await account();
    const outcome = await authenticate(db, { email: email.toUpperCase(), password: PASSWORD, ip: freshIp() });
    expect(outcome).toMatchObject({ ok: true, user: { id: user.id, role: "buyer" } });
    const [row] = await db.select({ lastSignInAt: users.lastSignInAt }).from(users).where(eq(users.id, user.id));
    expect(row?.lastSignInAt).toBeInstanceOf(Date);
  });

  it("gives the same answer for a wrong password and an unknown email", async () => {
    const { db, email } = await account();
    expect(await authenticate(db, { email, password: "wrong password!", ip: freshIp() })).toEqual({ ok: false, reason: "invalid_credentials" });
    expect(await authenticate(db, { email: uniqueEmail("nobody"), password: PASSWORD, ip: freshIp() })).toEqual({ ok: false, reason: "invalid_credentials" });
  });

  it("locks an account for the minute after 10 failures, even from new addresses and with the right password", async () => {
    const { db, email } = await account();
    for (let i = 0; i < SIGN_IN_LIMIT; i++) {
      expect((await authenticate(db, { email, password: `wrong-${i}-password`, ip: freshIp() })).ok).toBe(false);
    }
    expect(await authenticate(db, { email, password: PASSWORD, ip: freshIp() })).toEqual({ ok: false, reason: "rate_limited" });
  });

  it("limits one address trying many accounts", async () => {
    const { db, email } = await account();
    const ip = freshIp();
    for (let i = 0; i < SIGN_IN_LIMIT; i++) {
      await authenticate(db, { email: uniqueEmail("spray"), password: "guess guess guess", ip });
    }
    expect(await authenticate(db, { email, password: PASSWORD, ip })).toEqual({ ok: false, reason: "rate_limited" });
    // The account itself is fine from elsewhere.
    expect((await authenticate(db, { email, password: PASSWORD, ip: freshIp() })).ok).toBe(true);
  });

  it("refuses users of a suspended organization, and suspended users", async () => {
    const { db, email, organization } = await account("miner");
    await db.update(organizations).set({ status: "suspended", suspendedAt: new Date(), suspendedReason: "test" }).where(eq(organizations.id, organization.id));
    expect(await authenticate(db, { email, password: PASSWORD, ip: freshIp() })).toEqual({ ok: false, reason: "suspended" });

    const other = await account("buyer");
    await db.update(users).set({ status: "suspended" }).where(eq(users.id, other.user.id));
    expect(await authenticate(db, { email: other.email, password: PASSWORD, ip: freshIp() })).toEqual({ ok: false, reason: "suspended" });
  });

  it("does not reveal suspension to someone without the password", async () => {
    const { db, email, organization } = await account("miner");
    await db.update(organizations).set({ status: "suspended", suspendedAt: new Date() }).where(eq(organizations.id, organization.id));
    expect(await authenticate(db, { email, password: "not the password", ip: freshIp() })).toEqual({ ok: false, reason: "invalid_credentials" });
  });
});
