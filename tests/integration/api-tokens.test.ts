import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { DELETE } from "@/app/api/v1/tokens/[id]/route";
import { GET, POST } from "@/app/api/v1/tokens/route";
import { createAccount } from "@/db/queries/accounts";
import { createApiToken, hashToken, listApiTokens, MAX_ACTIVE_TOKENS, revokeApiToken } from "@/db/queries/api-tokens";
import { apiTokens } from "@/db/schema";
import { callerOf } from "@/lib/api/handler";
import { actorOf } from "@/lib/auth/policy";
import { AppError, toAppError } from "@/lib/errors";
import { signUpSchema } from "@/lib/validations/auth";
import { apiTokenSchema } from "@/lib/validations/api-token";
import { testDb, uniqueEmail } from "../support/db";
import { makeAdmin, markVerified } from "../support/fixtures";

async function member(kind: "miner" | "buyer" = "buyer") {
  const db = await testDb();
  const { user, organization } = await createAccount(
    db,
    signUpSchema.parse({ name: "Token Owner", email: uniqueEmail("tokens"), password: "a long enough passphrase", organizationName: "Token Owners", kind }),
    "http://x",
  );
  await markVerified(db, user.id);
  return { db, actor: actorOf({ ...user, organization }) };
}

const bearer = (token: string, method = "GET", body?: unknown) =>
  new Request("http://127.0.0.1:3000/api/v1/tokens", {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { "content-type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });

const params = (id: string) => ({ params: Promise.resolve({ id }) });
const noParams = { params: Promise.resolve({}) };

async function failure(promise: Promise<unknown>): Promise<AppError> {
  return toAppError(await promise.then(() => expect.fail("expected a refusal"), (error: unknown) => error));
}

describe("creating API tokens", () => {
  it("returns the token once and stores only its SHA-256 hash and a short prefix", async () => {
    const { db, actor } = await member();
    const created = await createApiToken(db, actor, "  CI deploys  ");

    expect(created.token).toMatch(/^sub_[A-Za-z0-9_-]{43}$/);
    expect(created).toMatchObject({ name: "CI deploys", prefix: created.token.slice(0, 12) });
    const [row] = await db.select().from(apiTokens).where(eq(apiTokens.id, created.id));
    expect(row).toMatchObject({ userId: actor.userId, tokenHash: hashToken(created.token), prefix: created.prefix, revokedAt: null });
    const secret = created.token.slice(4);
    expect(JSON.stringify(row)).not.toContain(secret);
    expect(JSON.stringify(row)).not.toContain(secret.slice(8, 24));
  });

  it("gives a token that authenticates its owner, and records its first use", async () => {
    const { db, actor } = await member("miner");
    const { id, token } = await createApiToken(db, actor, "dashboard");
    const caller = await callerOf(bearer(token));
    expect(caller).toMatchObject({ via: "token", actor });
    const [listed] = await listApiTokens(db, actor);
    expect(listed).toMatchObject({ id, lastUsedAt: expect.any(Date) });
  });

  it("refuses the 21st active token with a conflict, and allows one again after a revocation", async () => {
    const { db, actor } = await member();
    const ids: string[] = [];
    for (let i = 0; i < MAX_ACTIVE_TOKENS; i++) ids.push((await createApiToken(db, actor, `token ${i}`)).id);

    const refused = await failure(createApiToken(db, actor, "one too many"));
    expect(refused).toMatchObject({ status: 409, code: "conflict" });
    expect(refused.message).toMatch(/20 active API tokens.*Revoke one/);

    await revokeApiToken(db, actor, ids[0]!);
    await expect(createApiToken(db, actor, "replacement")).resolves.toMatchObject({ name: "replacement" });
  });

  it("holds the cap when several creations race for the last free place", async () => {
    const { db, actor } = await member();
    for (let i = 0; i < MAX_ACTIVE_TOKENS - 1; i++) await createApiToken(db, actor, `token ${i}`);
    // Open the pool's connections first, so that the racers really run side by side.
    await Promise.all(Array.from({ length: 8 }, () => db.execute(sql`select pg_sleep(0.05)`)));
    const results = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => createApiToken(db, actor, `racer ${i}`)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refusals = results.flatMap((r) => (r.status === "rejected" ? [toAppError(r.reason).status] : []));
    expect(refusals).toEqual(Array(7).fill(409));
    const active = (await listApiTokens(db, actor)).filter((t) => !t.revokedAt);
    expect(active).toHaveLength(MAX_ACTIVE_TOKENS);
  });

  it("explains a missing, blank, overlong or unknown-keyed name", async () => {
    const { db, actor } = await member();
    const errors = (input: unknown): Record<string, string> => {
      const result = apiTokenSchema.safeParse(input);
      return result.success ? {} : (toAppError(result.error).fields ?? {});
    };
    expect(errors({}).name).toMatch(/Name the token/);
    expect(errors({ name: "   " }).name).toMatch(/Name the token/);
    expect(errors({ name: "x".repeat(81) }).name).toBe("Use at most 80 characters.");
    expect(errors({ name: "ok", userId: actor.userId })._).toMatch(/Unknown field “userId”/);
    expect(apiTokenSchema.parse({ name: "x".repeat(80) }).name).toHaveLength(80);

    const blank = await failure(createApiToken(db, actor, " "));
    expect(blank).toMatchObject({ status: 400, code: "validation_failed", fields: { name: expect.stringMatching(/Name the token/) } });
    expect(await listApiTokens(db, actor)).toHaveLength(0);
  });

  it("refuses admins, who act through audited admin paths instead of tokens", async () => {
    const db = await testDb();
    const actor = await makeAdmin();
    expect(await failure(createApiToken(db, actor, "admin script"))).toMatchObject({ status: 403, code: "forbidden" });
    expect(await failure(listApiTokens(db, actor))).toMatchObject({ status: 403 });
  });
});

describe("listing and revoking API tokens", () => {
  it("lists only the caller's own tokens, newest first, never with their hash", async () => {
    const first = await member();
    const second = await member();
    const older = await createApiToken(first.db, first.actor, "older");
    const newer = await createApiToken(first.db, first.actor, "newer");
    await createApiToken(second.db, second.actor, "someone else's");

    const listed = await listApiTokens(first.db, first.actor);
    expect(listed.map((t) => t.id)).toEqual([newer.id, older.id]);
    expect(Object.keys(listed[0]!).sort()).toEqual(["createdAt", "id", "lastUsedAt", "name", "prefix", "revokedAt"]);
    expect((await listApiTokens(second.db, second.actor)).map((t) => t.name)).toEqual(["someone else's"]);
  });

  it("stops a revoked token on its very next request", async () => {
    const { db, actor } = await member();
    const { id, token } = await createApiToken(db, actor, "to revoke");
    expect(await callerOf(bearer(token))).not.toBeNull();
    await revokeApiToken(db, actor, id);
    expect(await failure(callerOf(bearer(token)))).toMatchObject({ status: 401, code: "unauthenticated" });
  });

  it("treats revoking twice as done, keeping the first revocation time", async () => {
    const { db, actor } = await member();
    const { id } = await createApiToken(db, actor, "twice");
    const first = await revokeApiToken(db, actor, id);
    const again = await revokeApiToken(db, actor, id);
    expect(again.revokedAt.toISOString()).toBe(first.revokedAt.toISOString());
  });

  it("answers not found for another user's token, leaving it working", async () => {
    const owner = await member();
    const other = await member();
    const { id, token } = await createApiToken(owner.db, owner.actor, "mine");
    expect(await failure(revokeApiToken(other.db, other.actor, id))).toMatchObject({ status: 404, code: "not_found" });
    expect(await failure(revokeApiToken(other.db, other.actor, "not-a-uuid"))).toMatchObject({ status: 404 });
    expect(await callerOf(bearer(token))).not.toBeNull();
  });
});

describe("the /api/v1/tokens route handlers with a bearer token", () => {
  it("refuses to mint a token with a token (403), creating nothing", async () => {
    const { db, actor } = await member();
    const { token } = await createApiToken(db, actor, "script");
    const response = await POST(bearer(token, "POST", { name: "minted by a token" }), noParams);
    expect(response.status).toBe(403);
    const body = await response.json();
    expect(body).toEqual({ error: { code: "forbidden", message: expect.stringMatching(/API tokens cannot create API tokens/) } });
    expect(await listApiTokens(db, actor)).toHaveLength(1);
  });

  it("lists the caller's tokens without secrets, revoked ones flagged with revokedAt", async () => {
    const { db, actor } = await member();
    const live = await createApiToken(db, actor, "live");
    const gone = await createApiToken(db, actor, "gone");
    await revokeApiToken(db, actor, gone.id);

    const response = await GET(bearer(live.token), noParams);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const text = await response.text();
    expect(text).not.toContain(live.token.slice(12));
    expect(text).not.toContain(hashToken(live.token));
    const { items } = JSON.parse(text) as { items: { id: string; revokedAt: string | null; lastUsedAt: string | null }[] };
    expect(items).toEqual([
      expect.objectContaining({ id: gone.id, name: "gone", prefix: gone.prefix, revokedAt: expect.any(String) }),
      expect.objectContaining({ id: live.id, name: "live", revokedAt: null, lastUsedAt: expect.any(String) }),
    ]);
  });

  it("revokes with DELETE (204), after which the token is refused", async () => {
    const { db, actor } = await member();
    const { id, token } = await createApiToken(db, actor, "self-destruct");
    const response = await DELETE(bearer(token, "DELETE"), params(id));
    expect(response.status).toBe(204);
    expect(await response.text()).toBe("");
    const again = await GET(bearer(token), noParams);
    expect(again.status).toBe(401);
  });

  it("answers 404 in the error shape for another user's, an unknown or a malformed token id", async () => {
    const owner = await member();
    const other = await member("miner");
    const target = await createApiToken(owner.db, owner.actor, "target");
    const { token } = await createApiToken(other.db, other.actor, "prober");

    for (const id of [target.id, "00000000-0000-4000-8000-000000000000", "not-a-uuid"]) {
      const response = await DELETE(bearer(token, "DELETE"), params(id));
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ error: { code: "not_found", message: "That API token was not found." } });
    }
    const [row] = await owner.db.select({ revokedAt: apiTokens.revokedAt }).from(apiTokens).where(eq(apiTokens.id, target.id));
    expect(row?.revokedAt).toBeNull();
  });
});
