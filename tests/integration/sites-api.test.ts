import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { GET as getSites, POST as postSite } from "@/app/api/v1/sites/route";
import { GET as getSite, PATCH as patchSite } from "@/app/api/v1/sites/[id]/route";
import { sites } from "@/db/schema";
import { apiRequest, makeAccount, params, siteBody } from "../support/fixtures";

async function createSiteVia(token: string, body: unknown = siteBody()) {
  const response = await postSite(apiRequest("POST", "/api/v1/sites", token, body), params({}));
  return { response, json: await response.json() };
}

describe("sites through the API", () => {
  it("creates a site with every fact and reads it back, capacities in MW", async () => {
    const miner = await makeAccount("miner");
    const { response, json } = await createSiteVia(miner.token);
    expect(response.status).toBe(201);
    expect(response.headers.get("location")).toBe(`/api/v1/sites/${json.id}`);
    expect(json).toMatchObject({
      name: "Baie-Comeau Hydro Hall",
      country: "CA",
      energizedMw: 30,
      plannedMw: 20,
      powerMix: { hydro: 95, grid: 5, wind: 0 },
      renewableShare: 95,
      coolingTypes: ["air", "immersion"],
      pue: 1.12,
      verified: false,
      organizationId: miner.organization.id,
    });
    const read = await getSite(apiRequest("GET", `/api/v1/sites/${json.id}`, miner.token), params({ id: json.id }));
    expect((await read.json()).name).toBe("Baie-Comeau Hydro Hall");
    const list = await (await getSites(apiRequest("GET", "/api/v1/sites", miner.token), params({}))).json();
    expect(list.items.map((s: { id: string }) => s.id)).toEqual([json.id]);
  });

  it("explains shares that do not sum to 100, a bad country and a missing planned date, and stores nothing", async () => {
    const miner = await makeAccount("miner");
    const { response, json } = await createSiteVia(
      miner.token,
      siteBody({ powerMix: { hydro: 50, wind: 30 }, country: "XX", plannedEnergizationDate: undefined }),
    );
    expect(response.status).toBe(400);
    expect(json.error.code).toBe("validation_failed");
    expect(json.error.fields).toMatchObject({
      powerMix: "The power sources must add up to 100 % (they add up to 80 %).",
      country: expect.stringContaining("two-letter ISO code"),
      plannedEnergizationDate: "Give the date the planned capacity is energized.",
    });
    expect(await miner.db.select().from(sites).where(eq(sites.organizationId, miner.organization.id))).toHaveLength(0);
  });

  it("refuses unknown fields a client should not set, and a body that is not JSON", async () => {
    const miner = await makeAccount("miner");
    const { response, json } = await createSiteVia(miner.token, siteBody({ organizationId: "00000000-0000-0000-0000-000000000000", verifiedAt: "2026-01-01" }));
    expect(response.status).toBe(400);
    expect(json.error.code).toBe("validation_failed");
    const notJson = await postSite(apiRequest("POST", "/api/v1/sites", miner.token, "{nope"), params({}));
    expect(notJson.status).toBe(400);
  });

  it("keeps each organization's unpublished sites to itself: 404 to another miner and to visitors, 403 to a buyer creating one", async () => {
    const owner = await makeAccount("miner");
    const other = await makeAccount("miner");
    const buyer = await makeAccount("buyer");
    const { json: site } = await createSiteVia(owner.token);

    const foreignRead = await getSite(apiRequest("GET", `/api/v1/sites/${site.id}`, other.token), params({ id: site.id }));
    expect(foreignRead.status).toBe(404);
    const foreignPatch = await patchSite(apiRequest("PATCH", `/api/v1/sites/${site.id}`, other.token, { name: "Mine now" }), params({ id: site.id }));
    expect(foreignPatch.status).toBe(404);
    expect((await getSites(apiRequest("GET", "/api/v1/sites", other.token), params({}))).status).toBe(200);

    expect((await createSiteVia(buyer.token)).response.status).toBe(403);
    // A site is public only while one of its listings is published (tests/integration/public-profiles.test.ts).
    expect((await getSite(apiRequest("GET", `/api/v1/sites/${site.id}`, null), params({ id: site.id }))).status).toBe(404);
    const [row] = await owner.db.select({ name: sites.name }).from(sites).where(eq(sites.id, site.id));
    expect(row?.name).toBe("Baie-Comeau Hydro Hall");
  });

  it("clears the verified badge when power or cooling facts change, not when the description does", async () => {
    const miner = await makeAccount("miner");
    const { json: site } = await createSiteVia(miner.token);
    const verify = () => miner.db.update(sites).set({ verifiedAt: new Date() }).where(eq(sites.id, site.id));
    const patch = async (body: unknown) =>
      (await patchSite(apiRequest("PATCH", `/api/v1/sites/${site.id}`, miner.token, body), params({ id: site.id }))).json();

    await verify();
    expect((await patch({ description: "Now with a new loading dock." })).verified).toBe(true);
    expect((await patch({ pue: 1.2 })).verified).toBe(false);
    await verify();
    expect((await patch({ powerMix: { hydro: 90, grid: 10 } })).verified).toBe(false);
    await verify();
    expect((await patch({ coolingTypes: ["air", "immersion", "direct_liquid"] })).verified).toBe(false);
  });

  it("validates a partial update against the whole site", async () => {
    const miner = await makeAccount("miner");
    const { json: site } = await createSiteVia(miner.token);
    const response = await patchSite(apiRequest("PATCH", `/api/v1/sites/${site.id}`, miner.token, { plannedMw: 10, plannedEnergizationDate: null, latitude: 123 }), params({ id: site.id }));
    const json = await response.json();
    expect(response.status).toBe(400);
    expect(Object.keys(json.error.fields).sort()).toEqual(["latitude", "plannedEnergizationDate"]);
  });
});
