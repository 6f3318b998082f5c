import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createAccount } from "@/db/queries/accounts";
import { hashToken } from "@/db/queries/api-tokens";
import { apiTokens, organizations } from "@/db/schema";
import { assertSameOrigin, callerOf } from "@/lib/api/handler";
import { AppError } from "@/lib/errors";
import { signUpSchema } from "@/lib/validations/auth";
import { testDb, uniqueEmail } from "../support/db";

async function userWithToken() {
  const db = await testDb();
  const account = await createAccount(
    db,
    signUpSchema.parse({ name: "Token User", email: uniqueEmail("token"), password: "a long enough passphrase", organizationName: "Token Labs", kind: "buyer" }),
    "http://x",
  );
  const token = `sub_${randomBytes(24).toString("base64url")}`;
  const [row] = await db
    .insert(apiTokens)
    .values({ userId: account.user.id, name: "ci", tokenHash: hashToken(token), prefix: token.slice(0, 8) })
    .returning({ id: apiTokens.id });
  return { db, token, tokenId: row!.id, ...account };
}

const bearer = (token: string, method = "GET") =>
  new Request("http://127.0.0.1:3000/api/v1/bookings", { method, headers: { authorization: `Bearer ${token}` } });

async function refusal(request: Request) {
  const error = await callerOf(request).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("API callers with bearer tokens", () => {
  it("identifies the token's user and organization and records its use", async () => {
    const { db, token, tokenId, user, organization } = await userWithToken();
    const caller = await callerOf(bearer(token, "POST"));
    expect(caller).toMatchObject({ via: "token", actor: { userId: user.id, role: "buyer", organizationId: organization.id } });
    const [row] = await db.select({ lastUsedAt: apiTokens.lastUsedAt }).from(apiTokens).where(eq(apiTokens.id, tokenId));
    expect(row?.lastUsedAt).toBeInstanceOf(Date);
  });

  it("refuses an unknown, a malformed and a revoked token with 401", async () => {
    const { db, token, tokenId } = await userWithToken();
    expect((await refusal(bearer("sub_nonsense"))).status).toBe(401);
    expect((await refusal(new Request("http://x/", { headers: { authorization: "Basic abc" } }))).status).toBe(401);
    await db.update(apiTokens).set({ revokedAt: new Date() }).where(eq(apiTokens.id, tokenId));
    expect((await refusal(bearer(token))).status).toBe(401);
  });

  it("stops a suspended organization's tokens on the very next request", async () => {
    const { db, token, organization } = await userWithToken();
    expect(await callerOf(bearer(token))).not.toBeNull();
    await db.update(organizations).set({ status: "suspended", suspendedAt: new Date() }).where(eq(organizations.id, organization.id));
    expect((await refusal(bearer(token))).status).toBe(401);
  });
});

describe("cookie-authenticated writes", () => {
  const request = (headers: Record<string, string>) => new Request("http://127.0.0.1:3000/api/v1/sites", { method: "POST", headers: { host: "127.0.0.1:3000", ...headers } });

  it("are accepted from our own origin", () => {
    expect(() => assertSameOrigin(request({ origin: "http://127.0.0.1:3000" }))).not.toThrow();
    expect(() => assertSameOrigin(request({ "sec-fetch-site": "same-origin" }))).not.toThrow();
  });

  it("are refused from another origin, or with no origin at all", () => {
    const cases: Record<string, string>[] = [{ origin: "https://evil.example" }, { "sec-fetch-site": "cross-site" }, {}];
    for (const headers of cases) {
      const error = (() => {
        try {
          assertSameOrigin(request(headers));
        } catch (e) {
          return e as AppError;
        }
      })();
      expect(error?.status).toBe(403);
      expect(error?.code).toBe("bad_origin");
    }
  });
});
