// ADMIN_MFA=required end to end through the admin API: this file sets it before anything
// reads the environment (each test file runs in its own process), so the imports are dynamic.
import { describe, expect, it } from "vitest";

process.env.ADMIN_MFA = "required";

describe("ADMIN_MFA=required", () => {
  it("refuses the admin API to an admin without two-factor sign-in (403 mfa_required) and lets one with it through", async () => {
    const { eq } = await import("drizzle-orm");
    const { users } = await import("@/db/schema");
    const { seal } = await import("@/lib/auth/secret-box");
    const { newTotpSecret } = await import("@/lib/auth/totp");
    const { makeAdminWithToken, apiRequest, params } = await import("../support/fixtures");
    const { GET } = await import("@/app/api/v1/admin/listings/route");

    const { db, actor, token } = await makeAdminWithToken();
    const refused = await GET(apiRequest("GET", "/api/v1/admin/listings?status=pending_review", token), params({}));
    expect(refused.status).toBe(403);
    expect((await refused.json()).error).toMatchObject({ code: "mfa_required", setup: "/settings/security" });

    await db.update(users).set({ totpSecret: seal(newTotpSecret()), totpEnabledAt: new Date() }).where(eq(users.id, actor.userId));
    const allowed = await GET(apiRequest("GET", "/api/v1/admin/listings?status=pending_review", token), params({}));
    expect(allowed.status).toBe(200);
  });

  it("asks of an admin session both an enrolled authenticator and a sign-in with it", async () => {
    const { assertAdminSecondFactor } = await import("@/lib/auth/admin-mfa");
    const base = { id: "x", email: "a@b.c", name: "A", role: "admin" as const, status: "active" as const, memberRole: null, emailVerified: true, removed: false, organization: null };
    expect(() => assertAdminSecondFactor({ ...base, mfaEnabled: false })).toThrow(/two-factor/);
    expect(() => assertAdminSecondFactor({ ...base, mfaEnabled: true, sessionMfa: false })).toThrow(/two-factor/);
    expect(() => assertAdminSecondFactor({ ...base, mfaEnabled: true, sessionMfa: true })).not.toThrow();
  });
});
