// Accounts, sites and API calls for integration tests: each test builds its own rows.
import { randomBytes } from "node:crypto";
import { createAccount } from "@/db/queries/accounts";
import { hashToken } from "@/db/queries/api-tokens";
import { eq } from "drizzle-orm";
import { apiTokens, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/policy";
import { addDays, todayUtc } from "@/lib/domain/days";
import { signUpSchema } from "@/lib/validations/auth";
import { testDb, uniqueEmail } from "./db";

/** What following the welcome mail's link does: sign-up leaves an address unverified. */
export async function markVerified(db: Awaited<ReturnType<typeof testDb>>, userId: string): Promise<void> {
  await db.update(users).set({ emailVerifiedAt: new Date() }).where(eq(users.id, userId));
}

/** A signed-up owner of a new organization, with a verified email unless `verified: false`. */
export async function makeAccount(
  kind: "miner" | "buyer",
  organizationName = `${kind} org ${randomBytes(3).toString("hex")}`,
  options: { verified?: boolean } = {},
) {
  const db = await testDb();
  const { user, organization } = await createAccount(
    db,
    signUpSchema.parse({ name: `Test ${kind}`, email: uniqueEmail(kind), password: "a long enough passphrase", organizationName, kind }),
    "http://localhost",
  );
  if (options.verified !== false) await markVerified(db, user.id);
  const token = await issueApiToken(user.id);
  const actor: Actor = { userId: user.id, role: kind, organizationId: organization.id };
  return { db, user, organization, actor, token };
}

/** An admin (admins belong to no organization), for the admin-only queries. `name` is for tests that read it back. */
export async function makeAdmin(name = "Test Admin"): Promise<Actor> {
  const [user] = await (await testDb())
    .insert(users)
    .values({ email: uniqueEmail("admin"), name, passwordHash: "not-a-real-hash", role: "admin", organizationId: null, emailVerifiedAt: new Date() })
    .returning({ id: users.id });
  return { userId: user!.id, role: "admin", organizationId: null };
}

/** An admin with a bearer token, for calling the admin API route handlers as well as the queries. */
export async function makeAdminWithToken() {
  const actor = await makeAdmin();
  return { db: await testDb(), actor, token: await issueApiToken(actor.userId) };
}

/** Inserts a token row directly (createApiToken refuses admins) and returns the secret a client would send. */
async function issueApiToken(userId: string): Promise<string> {
  const token = `sub_${randomBytes(24).toString("base64url")}`;
  await (await testDb()).insert(apiTokens).values({ userId, name: "tests", tokenHash: hashToken(token), prefix: token.slice(0, 12) });
  return token;
}

export const siteBody = (overrides: Record<string, unknown> = {}) => ({
  name: "Baie-Comeau Hydro Hall",
  country: "CA",
  region: "Quebec",
  latitude: 49.22,
  longitude: -68.15,
  energizedMw: 30,
  plannedMw: 20,
  plannedEnergizationDate: addDays(todayUtc(), 200),
  interconnectionStatus: "energized",
  interconnectionVoltageKv: 161,
  powerMix: { hydro: 95, grid: 5 },
  curtailmentHoursPerYear: 40,
  coolingTypes: ["air", "immersion"],
  pue: 1.12,
  redundancy: "N+1",
  floorLoadingKgPerM2: 1500,
  waterAvailability: "ample",
  uplinkGbps: 100,
  fiberCarriers: 2,
  security: "24/7 guards, CCTV, biometric access",
  certifications: ["SOC 2 Type II"],
  description: "A **hydro-powered** hall on the St. Lawrence.",
  ...overrides,
});

export const listingBody = (siteId: string, overrides: Record<string, unknown> = {}) => ({
  siteId,
  title: "Immersion pods, 2 MW",
  capacityKw: 2000,
  cooling: "immersion",
  maxKwPerRack: 100,
  rackCount: 20,
  priceCentsPerKwMonth: 13500,
  minTermMonths: 12,
  availableFrom: addDays(todayUtc(), 30),
  availableUntil: addDays(todayUtc(), 30 + 3 * 365),
  depositPercent: 20,
  interruptible: false,
  description: "Single-phase immersion tanks.",
  ...overrides,
});

/** A request to our route handlers as an API client with a bearer token would send it. */
export function apiRequest(method: string, path: string, token: string | null, body?: unknown) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (token) headers.authorization = `Bearer ${token}`;
  return new Request(`http://127.0.0.1:3000${path}`, { method, headers, body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body) });
}

export const params = <P>(p: P) => ({ params: Promise.resolve(p) });
