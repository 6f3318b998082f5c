import { randomBytes } from "node:crypto";
import { readdirSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { GET as getOpenApi } from "@/app/api/v1/openapi.json/route";
import { GET as searchListings, POST as postListing } from "@/app/api/v1/listings/route";
import { GET as getListing, PATCH as patchListing } from "@/app/api/v1/listings/[id]/route";
import { POST as postSite } from "@/app/api/v1/sites/route";
import { GET as getTokens } from "@/app/api/v1/tokens/route";
import { createApiToken } from "@/db/queries/api-tokens";
import { listings } from "@/db/schema";
import { HTTP_METHODS, openApiDocument as doc, type JsonSchema, type Operation, type Parameter } from "@/lib/api/openapi";
import { BOOKING_ACTIONS } from "@/lib/domain/booking-lifecycle";
import { OWNER_ACTIONS } from "@/lib/domain/listing-lifecycle";
import { apiTokenSchema } from "@/lib/validations/api-token";
import { createListingSchema, listingTermsSchema } from "@/lib/validations/listing";
import { searchSchema } from "@/lib/validations/search";
import { siteSchema } from "@/lib/validations/site";
import { apiRequest, listingBody, makeAccount, params, siteBody } from "../support/fixtures";

const ROOT = path.resolve(import.meta.dirname, "../..");
const API_DIRS = ["app/api/v1", "app/api/health"];

/** Routes whose bracketed segment stands for a fixed list of words rather than an id. */
const EXPANSIONS: Record<string, { parameter: string; values: readonly string[] }> = {
  "/api/v1/listings/{id}/{action}": { parameter: "{action}", values: [...OWNER_ACTIONS, "inquiry"] },
  "/api/v1/bookings/{id}/{action}": { parameter: "{action}", values: [...BOOKING_ACTIONS, "review"] },
  "/api/v1/admin/listings/{id}/{action}": { parameter: "{action}", values: ["approve", "reject"] },
  "/api/v1/admin/organizations/{id}/{action}": { parameter: "{action}", values: ["suspend", "reinstate"] },
};

function routeFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name === "route.ts")
    .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)));
}

/** "app/api/v1/listings/[id]/[action]/route.ts" → the OpenAPI paths it serves. */
function openApiPaths(file: string): string[] {
  const folder = `/${path.dirname(file).split(path.sep).slice(1).join("/")}`;
  const templated = folder.replace(/\[(?:\.\.\.)?(\w+)\]/g, "{$1}");
  const expansion = EXPANSIONS[templated];
  return expansion ? expansion.values.map((v) => templated.replace(expansion.parameter, v)) : [templated];
}

async function pairsOnDisk(): Promise<string[]> {
  const pairs: string[] = [];
  for (const file of API_DIRS.flatMap(routeFiles)) {
    const mod = (await import(path.join(ROOT, file))) as Record<string, unknown>;
    const methods = HTTP_METHODS.filter((m) => typeof mod[m.toUpperCase()] === "function");
    for (const p of openApiPaths(file)) for (const m of methods) pairs.push(`${m.toUpperCase()} ${p}`);
  }
  return pairs.sort();
}

function documentedPairs(): string[] {
  return Object.entries(doc.paths)
    .flatMap(([p, item]) => HTTP_METHODS.filter((m) => item[m]).map((m) => `${m.toUpperCase()} ${p}`))
    .sort();
}

function operations(): [string, Operation][] {
  return Object.entries(doc.paths).flatMap(([p, item]) => HTTP_METHODS.flatMap((m) => (item[m] ? [[`${m.toUpperCase()} ${p}`, item[m]!] as [string, Operation]] : [])));
}

function resolve(pointer: string): unknown {
  expect(pointer.startsWith("#/"), `${pointer} is not a local reference`).toBe(true);
  return pointer
    .slice(2)
    .split("/")
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key.replace(/~1/g, "/").replace(/~0/g, "~")], doc);
}

function refsIn(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => refsIn(n, found));
  else if (node && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if (key === "$ref" && typeof value === "string") found.push(value);
      else refsIn(value, found);
    }
  }
  return found;
}

/** The property names a schema describes, through $ref and allOf. */
function propertiesOf(schema: JsonSchema): Set<string> {
  if (schema.$ref) return propertiesOf(resolve(schema.$ref) as JsonSchema);
  const own = Object.keys(schema.properties ?? {});
  return new Set([...own, ...(schema.allOf ?? []).flatMap((s) => [...propertiesOf(s)])]);
}

const schema = (name: string) => doc.components.schemas[name]!;
const sorted = (keys: Iterable<string>) => [...keys].sort();

describe("the OpenAPI document", () => {
  it("describes exactly the routes and methods that exist under app/api/v1 and app/api/health", async () => {
    const onDisk = await pairsOnDisk();
    const documented = documentedPairs();
    const missing = onDisk.filter((p) => !documented.includes(p));
    const extra = documented.filter((p) => !onDisk.includes(p));
    expect(
      { missing, extra },
      `missing: routes on disk that lib/api/openapi.ts does not describe; extra: operations it describes with no route on disk`,
    ).toEqual({ missing: [], extra: [] });
    expect(onDisk).toContain("GET /api/v1/listings");
    expect(onDisk).toContain("POST /api/v1/listings/{id}/archive");
  });

  it("is a well-formed OpenAPI 3.1 document whose references all resolve", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.info.title).toBeTruthy();
    expect(doc.servers).toEqual([expect.objectContaining({ url: "/" })]);
    const unresolved = refsIn(doc).filter((r) => resolve(r) === undefined);
    expect(unresolved, "unresolved $ref").toEqual([]);
    const ids = operations().map(([, op]) => op.operationId);
    expect(new Set(ids).size, "operationIds are unique").toBe(ids.length);
    for (const [name, op] of operations()) {
      expect(op.summary, `${name} has a summary`).toBeTruthy();
      const statuses = Object.keys(op.responses);
      expect(statuses.length, `${name} has responses`).toBeGreaterThan(0);
      for (const s of statuses) expect(s, `${name} answers with an HTTP status`).toMatch(/^[1-5]\d\d$/);
      for (const requirement of op.security) {
        for (const scheme of Object.keys(requirement)) expect(doc.components.securitySchemes, `${name} uses a declared scheme`).toHaveProperty(scheme);
      }
      const pathParams = [...name.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const declared = (op.parameters ?? []).map((p) => ("$ref" in p ? (resolve(p.$ref) as Parameter) : p)).filter((p) => p.in === "path").map((p) => p.name);
      expect(sorted(declared), `${name} declares its path parameters`).toEqual(sorted(pathParams as string[]));
    }
  });

  it("is served as JSON with a five-minute public cache", async () => {
    const response = getOpenApi();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("public, max-age=300");
    expect(await response.json()).toEqual(JSON.parse(JSON.stringify(doc)));
  });

  it("names exactly the search parameters and request fields that the zod schemas accept", () => {
    const search = doc.paths["/api/v1/listings"]!.get!.parameters as Parameter[];
    expect(sorted(search.map((p) => p.name))).toEqual(sorted(Object.keys(searchSchema.def.in.shape)));
    expect(sorted(propertiesOf(schema("SiteInput")))).toEqual(sorted(Object.keys(siteSchema.shape)));
    expect(sorted(propertiesOf(schema("SitePatch")))).toEqual(sorted(Object.keys(siteSchema.shape)));
    expect(sorted(propertiesOf(schema("ListingInput")))).toEqual(sorted(Object.keys(createListingSchema.shape)));
    expect(sorted(propertiesOf(schema("ListingPatch")))).toEqual(sorted(Object.keys(listingTermsSchema.shape)));
    const tokenBody = doc.paths["/api/v1/tokens"]!.post!.requestBody!.content["application/json"]!.schema;
    expect(sorted(propertiesOf(tokenBody))).toEqual(sorted(Object.keys(apiTokenSchema.shape)));
  });

  it("marks as required exactly the request fields whose absence the server refuses", () => {
    const cases = [
      { name: "SiteInput", zod: siteSchema, valid: siteBody({ plannedMw: undefined, plannedEnergizationDate: undefined }) },
      { name: "ListingInput", zod: createListingSchema, valid: listingBody("8b0e7b8e-2f7c-4c55-9a0b-000000000001") },
    ];
    for (const { name, zod, valid } of cases) {
      expect(zod.safeParse(valid).success, `${name}'s fixture is valid`).toBe(true);
      const refused = Object.keys(valid).filter((key) => !zod.safeParse({ ...valid, [key]: undefined }).success);
      expect(sorted(schema(name).required ?? []), name).toEqual(sorted(refused));
    }
  });

  it("describes exactly the fields the handlers answer with", async () => {
    const miner = await makeAccount("miner");
    const site = await (await postSite(apiRequest("POST", "/api/v1/sites", miner.token, siteBody()), params({}))).json();
    expect(sorted(Object.keys(site))).toEqual(sorted(propertiesOf(schema("Site"))));

    const tag = `schema${randomBytes(4).toString("hex")}`;
    const listing = await (await postListing(apiRequest("POST", "/api/v1/listings", miner.token, listingBody(site.id, { title: `Pods ${tag}` })), params({}))).json();
    expect(sorted(Object.keys(listing))).toEqual(sorted(propertiesOf(schema("Listing"))));
    await miner.db.update(listings).set({ status: "published", publishedAt: new Date() }).where(eq(listings.id, listing.id));

    const patchResponse = doc.paths["/api/v1/listings/{id}"]!.patch!.responses["200"] as { content: Record<string, { schema: JsonSchema }> };
    const patched = await (await patchListing(apiRequest("PATCH", `/api/v1/listings/${listing.id}`, miner.token, { description: "Edited." }), params({ id: listing.id }))).json();
    expect(sorted(Object.keys(patched))).toEqual(sorted(propertiesOf(patchResponse.content["application/json"]!.schema)));

    const detail = await (await getListing(apiRequest("GET", `/api/v1/listings/${listing.id}`, null), params({ id: listing.id }))).json();
    expect(sorted(Object.keys(detail))).toEqual(sorted(propertiesOf(schema("ListingDetail"))));
    expect(sorted(Object.keys(detail.site))).toEqual(sorted(propertiesOf(schema("Site"))));
    expect(sorted(Object.keys(detail.availability[0]))).toEqual(sorted(propertiesOf(schema("AvailabilitySpan"))));

    const window = `from=${listing.availableFrom}&to=${listing.availableUntil}`;
    const found = await (await searchListings(apiRequest("GET", `/api/v1/listings?q=${tag}&${window}`, null), params({}))).json();
    expect(found.items).toHaveLength(1);
    expect(sorted(Object.keys(found.items[0]))).toEqual(sorted(propertiesOf(schema("ListingSearchItem"))));

    const buyer = await makeAccount("buyer");
    const created = await createApiToken(buyer.db, buyer.actor, "schema check");
    expect(sorted(Object.keys(created))).toEqual(sorted(propertiesOf(schema("TokenCreated"))));
    const tokens = await (await getTokens(apiRequest("GET", "/api/v1/tokens", buyer.token), params({}))).json();
    expect(sorted(Object.keys(tokens.items[0]))).toEqual(sorted(propertiesOf(schema("Token"))));
  });
});
