import { expect, test, type APIRequestContext } from "@playwright/test";
import { DEMO, DEMO_PASSWORD } from "./support/accounts";

async function signInScript(request: APIRequestContext, email: string) {
  const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
  const response = await request.post("/api/auth/callback/credentials", { form: { csrfToken, email, password: DEMO_PASSWORD, callbackUrl: "/dashboard" } });
  expect(response.ok()).toBe(true);
}

const site = {
  name: "API Test Site",
  country: "US",
  region: "Wyoming",
  latitude: 41.14,
  longitude: -104.82,
  energizedMw: 10,
  interconnectionStatus: "energized",
  powerMix: { wind: 60, grid: 40 },
  coolingTypes: ["air"],
  pue: 1.3,
  redundancy: "N",
  certifications: [],
};

test("a miner's script works with its session from our origin and with a bearer token, never from another origin", async ({ request, baseURL }) => {
  await signInScript(request, DEMO.miner2);

  const foreign = await request.post("/api/v1/sites", { data: site, headers: { origin: "https://evil.example" } });
  expect(foreign.status()).toBe(403);
  expect((await foreign.json()).error.code).toBe("bad_origin");

  const own = await request.post("/api/v1/sites", { data: site, headers: { origin: baseURL! } });
  expect(own.status()).toBe(201);
  const created = await own.json();

  const tokenResponse = await request.post("/api/v1/tokens", { data: { name: "deploy script" }, headers: { origin: baseURL! } });
  expect(tokenResponse.status()).toBe(201);
  const { token } = await tokenResponse.json();
  expect(token).toMatch(/^sub_/);

  // A bearer token needs no cookie and no origin: a script on a server.
  const bearer = { authorization: `Bearer ${token}` };
  const listing = await request.post("/api/v1/listings", {
    headers: { ...bearer, cookie: "" },
    data: {
      siteId: created.id,
      title: "Air-cooled rows from the API",
      capacityKw: 2000,
      cooling: "air",
      maxKwPerRack: 20,
      rackCount: 100,
      priceCentsPerKwMonth: 9900,
      minTermMonths: 6,
      availableFrom: new Date(Date.now() + 7 * 864e5).toISOString().slice(0, 10),
      availableUntil: new Date(Date.now() + 400 * 864e5).toISOString().slice(0, 10),
      depositPercent: 15,
      interruptible: true,
      description: "Made by a script.",
    },
  });
  expect(listing.status()).toBe(201);
  const draft = await listing.json();
  const submitted = await request.post(`/api/v1/listings/${draft.id}/submit`, { headers: { ...bearer, cookie: "" } });
  expect((await submitted.json()).status).toBe("pending_review");

  // Unpublished: 404 to a visitor without credentials.
  const anonymous = await request.get(`/api/v1/listings/${draft.id}`, { headers: { cookie: "" } });
  expect(anonymous.status()).toBe(404);
  expect((await anonymous.json()).error.code).toBe("not_found");

  const revoke = await request.delete(`/api/v1/tokens/${(await tokenResponse.json()).id}`, { headers: { origin: baseURL! } });
  expect(revoke.status()).toBe(204);
  const afterRevoke = await request.get("/api/v1/sites", { headers: { ...bearer, cookie: "" } });
  expect(afterRevoke.status()).toBe(401);
});

test("nonsense gets the API error shape, not a 500", async ({ request }) => {
  const notJson = await request.post("/api/v1/sites", { headers: { authorization: "Bearer sub_nope", "content-type": "application/json" }, data: "{" });
  expect(notJson.status()).toBe(401);
  const unknownListing = await request.get("/api/v1/listings/not-a-uuid");
  expect(unknownListing.status()).toBe(404);
  expect(await unknownListing.json()).toMatchObject({ error: { code: "not_found" } });
});
