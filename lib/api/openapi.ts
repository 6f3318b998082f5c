// The OpenAPI 3.1 description of the JSON API, served at /api/v1/openapi.json. Enums and
// limits come from the modules that enforce them; tests/integration/openapi.test.ts fails
// when a route, a request field or a response field is missing here or described extra.
import { BOOKING_STATUS_LABELS } from "@/lib/domain/booking-lifecycle";
import { MAX_ACTIVE_TOKENS } from "@/db/queries/api-tokens";
import { ACTION_LABELS, nextStatus, OWNER_ACTIONS, ownerActionsFor, STATUS_LABELS, type ListingStatus, type OwnerAction } from "@/lib/domain/listing-lifecycle";
import { API_TOKEN_NAME_MAX_LENGTH } from "@/lib/validations/api-token";
import { MESSAGE_MAX_CHARS, MESSAGES_PER_MINUTE, NEW_INQUIRIES_PER_HOUR } from "@/lib/validations/messages";
import { MAX_PRICE_CENTS, MIN_PRICE_CENTS } from "@/lib/validations/listing";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, SORTS } from "@/lib/validations/search";
import { COOLING_TYPES, INTERCONNECTION_STATUSES, POWER_SOURCE_KEYS, REDUNDANCY, WATER_AVAILABILITY } from "@/lib/validations/site";

export type JsonSchema = {
  $ref?: string;
  type?: JsonType | JsonType[];
  description?: string;
  format?: string;
  enum?: readonly (string | number | boolean | null)[];
  const?: string | number | boolean;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  maxItems?: number;
  minItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  allOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  default?: unknown;
  examples?: unknown[];
};
type JsonType = "object" | "array" | "string" | "integer" | "number" | "boolean" | "null";
type Ref = { $ref: string };
type Content = Record<string, { schema: JsonSchema }>;
export type Parameter = { name: string; in: "query" | "path" | "header"; required?: boolean; description: string; schema: JsonSchema; style?: "form"; explode?: boolean };
export type ResponseObject = { description: string; headers?: Record<string, { description: string; schema: JsonSchema }>; content?: Content };
export type Operation = {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  security: Security;
  parameters?: (Parameter | Ref)[];
  requestBody?: { required: boolean; description?: string; content: Content };
  responses: Record<string, ResponseObject | Ref>;
};
export const HTTP_METHODS = ["get", "post", "put", "patch", "delete"] as const;
export type PathItem = Partial<Record<(typeof HTTP_METHODS)[number], Operation>>;
export type OpenApiDocument = {
  openapi: "3.1.0";
  info: { title: string; version: string; description: string };
  servers: { url: string; description: string }[];
  tags: { name: string; description: string }[];
  paths: Record<string, PathItem>;
  components: {
    schemas: Record<string, JsonSchema>;
    responses: Record<string, ResponseObject>;
    parameters: Record<string, Parameter>;
    securitySchemes: Record<string, Record<string, string>>;
  };
};

const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: JsonSchema): Content => ({ "application/json": { schema } });
const int = (description: string, minimum?: number, maximum?: number): JsonSchema => ({ type: "integer", description, minimum, maximum });
const num = (description: string, minimum?: number, maximum?: number): JsonSchema => ({ type: "number", description, minimum, maximum });
const str = (description: string, maxLength?: number, minLength?: number): JsonSchema => ({ type: "string", description, minLength, maxLength });
const oneOf = (values: readonly string[], description: string): JsonSchema => ({ type: "string", enum: values, description });
const day = (description: string): JsonSchema => ({ type: "string", format: "date", description: `${description} (UTC day, YYYY-MM-DD)` });
const uuid = (description: string): JsonSchema => ({ type: "string", format: "uuid", description });
const nullable = (schema: JsonSchema): JsonSchema => ({ ...schema, type: [schema.type as JsonType, "null"] });
const at = (description: string): JsonSchema => ({ type: "string", format: "date-time", description });
// Responses may gain fields (clients should ignore unknown ones); request bodies refuse unknown fields.
const object = (properties: Record<string, JsonSchema>, required: string[] = Object.keys(properties)): JsonSchema => ({ type: "object", properties, required });
const strict = (properties: Record<string, JsonSchema>, required: string[] = []): JsonSchema => ({ ...object(properties, required), additionalProperties: false });
const list = (items: JsonSchema): JsonSchema => object({ items: { type: "array", items } });

// Who may call an operation: anyone (a token or session is accepted too), any signed-in caller, or a browser session only.
type Security = Record<string, string[]>[];
const ANYONE: Security = [{}, { bearerToken: [] }, { sessionCookie: [] }];
const SIGNED_IN: Security = [{ bearerToken: [] }, { sessionCookie: [] }];
const SESSION_ONLY: Security = [{ sessionCookie: [] }];

type Status = "400" | "401" | "403" | "404" | "409" | "422" | "429";
const ERROR_RESPONSES: Record<Status, string> = {
  "400": "BadRequest",
  "401": "Unauthenticated",
  "403": "Forbidden",
  "404": "NotFound",
  "409": "Conflict",
  "422": "Unprocessable",
  "429": "RateLimited",
};
const failures = (...statuses: Status[]) => Object.fromEntries(statuses.map((s) => [s, { $ref: `#/components/responses/${ERROR_RESPONSES[s]}` }]));
const ok = (description: string, schema: JsonSchema, headers?: ResponseObject["headers"]): ResponseObject => ({ description, content: json(schema), headers });
const created = (description: string, schema: JsonSchema, location: boolean): ResponseObject =>
  ok(description, schema, location ? { Location: { description: "The new resource's path.", schema: { type: "string" } } } : { "Cache-Control": { description: "no-store", schema: { type: "string" } } });
const body = (schema: JsonSchema, description?: string) => ({ required: true, description, content: json(schema) });
const idParameter = { $ref: "#/components/parameters/Id" };

const LISTING_STATUSES = Object.keys(STATUS_LABELS) as ListingStatus[];
const BOOKING_STATUSES = Object.keys(BOOKING_STATUS_LABELS);

const siteFields: Record<string, JsonSchema> = {
  name: str("The site's name.", 120, 2),
  country: str("Two-letter ISO 3166 country code, e.g. CA."),
  region: str("Region, state or province.", 120, 1),
  latitude: num("Degrees north.", -90, 90),
  longitude: num("Degrees east.", -180, 180),
  energizedMw: num("Power energized today, in MW.", 0, 5000),
  plannedMw: num("Planned additional power, in MW.", 0, 5000),
  plannedEnergizationDate: day("When the planned power is energized; required when plannedMw > 0"),
  interconnectionStatus: oneOf(INTERCONNECTION_STATUSES, "State of the grid interconnection."),
  interconnectionVoltageKv: int("Interconnection voltage, kV.", 1, 1200),
  powerMix: {
    ...strict(Object.fromEntries(POWER_SOURCE_KEYS.map((k) => [k, int(`Share of ${k}, percent.`, 0, 100)]))),
    description: "Power sources in percent; missing sources count as 0 and the shares must add up to 100.",
  },
  curtailmentHoursPerYear: int("Hours a year the site expects to curtail.", 0, 8760),
  coolingTypes: { type: "array", items: oneOf(COOLING_TYPES, "Cooling type."), minItems: 1, description: "Cooling the site offers (an array, or one comma-separated string)." },
  pue: num("Power usage effectiveness.", 1, 3),
  redundancy: oneOf(REDUNDANCY, "Power redundancy."),
  floorLoadingKgPerM2: int("Floor loading, kg/m².", 1, 100_000),
  waterAvailability: oneOf(WATER_AVAILABILITY, "Water for cooling."),
  uplinkGbps: int("Network uplink, Gbps.", 0, 100_000),
  fiberCarriers: int("Number of fiber carriers.", 0, 50),
  security: str("Physical security notes.", 2000),
  certifications: { type: "array", items: str("A certification.", 80), maxItems: 20, description: "Certifications, e.g. SOC 2 Type II." },
  description: str("Markdown description.", 20_000),
};

const listingTerms: Record<string, JsonSchema> = {
  title: str("Listing title.", 140, 3),
  capacityKw: int("Capacity offered, kW; at most the site's energized power (plus planned power energized by availableFrom).", 1, 2_000_000),
  cooling: oneOf(COOLING_TYPES, "Cooling of this capacity; the site must offer it."),
  maxKwPerRack: int("Maximum rack density, kW per rack (air: at most 40).", 1, 300),
  rackCount: int("Racks offered; rackCount × maxKwPerRack must reach capacityKw.", 1, 100_000),
  priceCentsPerKwMonth: int("Price in US cents per kW-month.", MIN_PRICE_CENTS, MAX_PRICE_CENTS),
  minTermMonths: int("Minimum term in months; must fit in the window.", 1, 240),
  availableFrom: day("First available day; today or later for a new listing"),
  availableUntil: day("End of the window, exclusive; after availableFrom, under 25 years later, in the future"),
  depositPercent: int("Deposit, percent of the first month.", 5, 100),
  interruptible: { type: "boolean", default: false, description: "Whether the capacity may be curtailed." },
  description: str("Markdown description.", 20_000),
};

const listingView = object({
  id: uuid("Listing id."),
  siteId: uuid("The site."),
  organizationId: uuid("The owning organization."),
  title: str("Listing title."),
  status: oneOf(LISTING_STATUSES, "Lifecycle state."),
  capacityKw: int("Capacity, kW."),
  cooling: oneOf(COOLING_TYPES, "Cooling."),
  maxKwPerRack: int("Rack density, kW per rack."),
  rackCount: int("Racks."),
  priceCentsPerKwMonth: int("US cents per kW-month."),
  minTermMonths: int("Minimum term, months."),
  availableFrom: day("First available day"),
  availableUntil: day("End of the window, exclusive"),
  depositPercent: int("Deposit, percent of the first month."),
  interruptible: { type: "boolean", description: "Curtailable capacity." },
  description: str("Markdown description."),
  rejectionReason: nullable(str("Why moderation rejected it.")),
  submittedAt: nullable(at("Last submitted for review.")),
  publishedAt: nullable(at("First published.")),
  createdAt: at("Created."),
  updatedAt: at("Last changed."),
});

const siteView = object({
  id: uuid("Site id."),
  organizationId: uuid("The owning organization."),
  ...siteFields,
  plannedEnergizationDate: nullable(siteFields.plannedEnergizationDate!),
  interconnectionVoltageKv: nullable(siteFields.interconnectionVoltageKv!),
  powerMix: { ...siteFields.powerMix, required: [...POWER_SOURCE_KEYS] },
  renewableShare: int("Hydro + wind + solar, percent.", 0, 100),
  floorLoadingKgPerM2: nullable(siteFields.floorLoadingKgPerM2!),
  verified: { type: "boolean", description: "An admin reviewed the power and cooling facts; cleared when they change." },
  verifiedAt: nullable(at("When the facts were verified.")),
  createdAt: at("Created."),
  updatedAt: at("Last changed."),
});

const searchItemFields: Record<string, JsonSchema> = {
  id: uuid("Listing id."),
  title: str("Listing title."),
  siteId: uuid("The site."),
  siteName: str("The site's name."),
  organizationId: uuid("The miner's organization (its public profile: /miners/{id})."),
  organizationName: str("The miner's organization."),
  rating: ref("Rating"),
  country: str("ISO country code of the site."),
  region: str("Region of the site."),
  latitude: num("Site latitude."),
  longitude: num("Site longitude."),
  cooling: oneOf(COOLING_TYPES, "Cooling."),
  capacityKw: int("Capacity, kW."),
  maxKwPerRack: int("Rack density, kW per rack."),
  priceCentsPerKwMonth: int("US cents per kW-month."),
  availableFrom: day("First available day"),
  availableUntil: day("End of the window, exclusive"),
  minTermMonths: int("Minimum term, months."),
  depositPercent: int("Deposit, percent of the first month."),
  interruptible: { type: "boolean", description: "Curtailable capacity." },
  renewableShare: int("Hydro + wind + solar at the site, percent."),
  pue: num("Site PUE."),
  redundancy: oneOf(REDUNDANCY, "Site power redundancy."),
  verified: { type: "boolean", description: "The site's facts are verified." },
  publishedAt: nullable(at("First published.")),
  freeKw: int("Only with from/to: capacity minus the kW held on the window's most-booked day (confirmed, active, awaiting the provider, and unexpired deposit holds)."),
};

/** A published listing as the public site and miner pages list it. */
const publicListing = (extra: Record<string, JsonSchema>) =>
  object({
    id: uuid("Listing id."),
    title: str("Title."),
    siteId: uuid("Site id."),
    cooling: oneOf(COOLING_TYPES, "Cooling."),
    capacityKw: int("Capacity, kW."),
    maxKwPerRack: int("Maximum density, kW per rack."),
    priceCentsPerKwMonth: int("US cents per kW-month."),
    minTermMonths: int("Minimum term, months."),
    availableFrom: str("First day (UTC)."),
    availableUntil: str("Day after the last (UTC)."),
    interruptible: { type: "boolean", description: "Curtailable capacity." },
    ...extra,
  });

const tokenFields = {
  id: uuid("Token id."),
  name: str("Your name for the token."),
  prefix: str("The token's first characters, to tell tokens apart."),
  createdAt: at("Created."),
};

const searchParameters: Parameter[] = [
  { name: "q", in: "query", description: "Full-text search over titles, descriptions, site names and regions (web-search syntax: quotes, or, -word). Sorts by relevance unless sort is given.", schema: { type: "string", maxLength: 200 } },
  { name: "country", in: "query", description: "Two-letter ISO country code of the site.", schema: { type: "string", minLength: 2, maxLength: 2 } },
  { name: "cooling", in: "query", style: "form", explode: false, description: "One or more cooling types, comma-separated (cooling=immersion,direct_liquid).", schema: { type: "array", items: { type: "string", enum: COOLING_TYPES }, maxItems: 4 } },
  { name: "minKw", in: "query", description: "Minimum capacity in kW; with from and to, minimum free kW over the whole window.", schema: { type: "integer", minimum: 1, maximum: 2_000_000 } },
  { name: "from", in: "query", description: "Start of the window (UTC day); give to as well. Listings must offer the whole window and their minimum term must fit in it.", schema: { type: "string", format: "date" } },
  { name: "to", in: "query", description: "End of the window, exclusive (UTC day); after from, under 25 years later.", schema: { type: "string", format: "date" } },
  { name: "maxPrice", in: "query", description: "Maximum price, US cents per kW-month.", schema: { type: "integer", minimum: 1 } },
  { name: "minDensity", in: "query", description: "Minimum rack density, kW per rack.", schema: { type: "integer", minimum: 1, maximum: 300 } },
  { name: "renewableMin", in: "query", description: "Minimum renewable share (hydro + wind + solar) of the site, percent.", schema: { type: "integer", minimum: 0, maximum: 100 } },
  { name: "minRating", in: "query", description: "Minimum average rating of the miner (1–5, decimals allowed); miners without reviews are left out.", schema: { type: "number", minimum: 1, maximum: 5 } },
  { name: "interruptible", in: "query", description: "true: interruptible capacity only; false: firm capacity only.", schema: { type: "boolean" } },
  { name: "redundancy", in: "query", description: "Minimum power redundancy (N+1 also matches 2N).", schema: { type: "string", enum: REDUNDANCY } },
  { name: "verified", in: "query", description: "true: verified sites only (false does not filter).", schema: { type: "boolean" } },
  { name: "sort", in: "query", description: "Order: relevance (default with q), price, -price, capacity (free kW with a window), -capacity, newest (default without q), rating (best-rated miners first, unreviewed last).", schema: { type: "string", enum: SORTS } },
  { name: "page", in: "query", description: "Page number; a page past the end has no items but the right total.", schema: { type: "integer", minimum: 1, maximum: 10_000, default: 1 } },
  { name: "pageSize", in: "query", description: "Items per page.", schema: { type: "integer", minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE } },
];

/** One POST path per owner action, with the states it moves a listing from and to. */
function actionPaths(): Record<string, PathItem> {
  const transition = (action: OwnerAction) => {
    const from = LISTING_STATUSES.filter((s) => ownerActionsFor(s).includes(action));
    return `${from.join(" | ")} → ${nextStatus(action, from[0]!)}`;
  };
  return Object.fromEntries(
    OWNER_ACTIONS.map((action) => [
      `/api/v1/listings/{id}/${action}`,
      {
        post: {
          operationId: `${action}Listing`,
          summary: `${ACTION_LABELS[action]}: ${transition(action)}`,
          description: `Owning miner only.${action === "submit" ? " Terms are checked again (a window now in the past is refused with 400)." : ""} 409 invalid_transition from any other state.`,
          tags: ["Listings"],
          security: SIGNED_IN,
          parameters: [idParameter],
          responses: { "200": ok("The listing in its new state.", ref("Listing")), ...failures(...(action === "submit" ? (["400"] as const) : []), "401", "403", "404", "409") },
        },
      },
    ]),
  );
}

/** POST /api/v1/bookings/{id}/{action}: one operation per action, alike but for who may call it. */
function bookingActionPaths(actions: [action: string, summary: string, who: string][]): Record<string, PathItem> {
  return Object.fromEntries(
    actions.map(([action, summary, who]) => [
      `/api/v1/bookings/{id}/${action}`,
      {
        post: {
          operationId: `${action}Booking`,
          summary,
          description: `Only ${who}. Body (optional): {"reason": "…"}. A booking in a state that does not allow it answers 409 invalid_transition.`,
          tags: ["Bookings"],
          security: SIGNED_IN,
          parameters: [idParameter],
          requestBody: { required: false, content: json(strict({ reason: str("Why (shown to the other party).", 1000) })) },
          responses: { "200": ok("The booking after the change.", ref("BookingSummary")), ...failures("400", "401", "403", "404", "409") },
        },
      },
    ]),
  );
}

export const openApiDocument: OpenApiDocument = {
  openapi: "3.1.0",
  info: {
    title: "Substation API",
    version: "1",
    description: [
      "Data-center capacity at Bitcoin mining sites, for AI teams. JSON in and out.",
      "Money is integer US cents, capacity integer kW, dates UTC days (YYYY-MM-DD) and windows [from, to) with the end exclusive.",
      "Errors always have the shape {\"error\":{\"code\",\"message\",\"fields\"?}}; fields (validation only) maps each field or query parameter to its problem.",
      "Request bodies reject unknown fields; query strings ignore unknown parameters, and the first of a repeated parameter wins.",
    ].join("\n\n"),
  },
  servers: [{ url: "/", description: "This Substation instance." }],
  tags: [
    { name: "Listings", description: "Search, read and manage capacity listings." },
    { name: "Sites", description: "A miner organization's sites." },
    { name: "Bookings", description: "Reservations of capacity with a deposit." },
    { name: "Conversations", description: "Inquiry threads (one per listing and buyer organization) and booking threads (one per booking) between buyers and miners." },
    { name: "Tokens", description: "Personal API tokens." },
    { name: "Organization", description: "Your organization's members." },
    { name: "Admin", description: "Moderation and suspensions (admins only). With ADMIN_MFA=required, 403 mfa_required for an admin without two-factor sign-in." },
    { name: "Meta", description: "Health and this document." },
  ],
  paths: {
    "/api/health": {
      get: {
        operationId: "health",
        summary: "Liveness and database reachability",
        tags: ["Meta"],
        security: [],
        responses: {
          "200": ok("The database answers.", object({ status: { const: "ok" }, db: { const: "ok" } })),
          "503": ok("The database does not answer.", object({ status: { const: "degraded" }, db: { const: "unavailable" } })),
        },
      },
    },
    "/api/v1/openapi.json": {
      get: { operationId: "openapi", summary: "This document", tags: ["Meta"], security: [], responses: { "200": ok("The OpenAPI 3.1 document.", { type: "object" }) } },
    },
    "/api/v1/listings": {
      get: {
        operationId: "searchListings",
        summary: "Search published listings",
        description: "Published listings of active organizations. Anonymous answers may be cached for 15 s (Cache-Control: public, max-age=15, stale-while-revalidate=60); signed-in answers are no-store.",
        tags: ["Listings"],
        security: ANYONE,
        parameters: searchParameters,
        responses: {
          "200": ok("One page of matches and the total.", object({ items: { type: "array", items: ref("ListingSearchItem") }, total: int("All matches."), page: int("This page."), pageSize: int("Items per page.") }), {
            "Cache-Control": { description: "public, max-age=15, stale-while-revalidate=60 when anonymous; no-store otherwise.", schema: { type: "string" } },
          }),
          ...failures("400", "401"),
        },
      },
      post: {
        operationId: "createListing",
        summary: "Create a draft listing on one of your sites",
        tags: ["Listings"],
        security: SIGNED_IN,
        requestBody: body(ref("ListingInput")),
        responses: { "201": created("The draft.", ref("Listing"), true), ...failures("400", "401", "403") },
      },
    },
    "/api/v1/listings/{id}": {
      get: {
        operationId: "getListing",
        summary: "A listing with its site, organization and availability",
        description: "Published listings of active organizations for anyone; any other state only for the owning organization and admins (404 for everyone else).",
        tags: ["Listings"],
        security: ANYONE,
        parameters: [idParameter],
        responses: { "200": ok("The listing.", ref("ListingDetail")), ...failures("401", "404") },
      },
      patch: {
        operationId: "updateListing",
        summary: "Edit a listing's terms",
        description: "Owning miner or admin. Material changes (capacity, price, window, cooling) by the owner send a published or paused listing back to review. 409 when the listing is archived, or when bookings would no longer fit (capacity_exceeded, with bookedKw).",
        tags: ["Listings"],
        security: SIGNED_IN,
        parameters: [idParameter],
        requestBody: body(ref("ListingPatch")),
        responses: { "200": ok("The edited listing.", { allOf: [ref("Listing"), object({ sentToReview: { type: "boolean", description: "The edit sent it back to review." } })] }), ...failures("400", "401", "403", "404", "409") },
      },
    },
    ...actionPaths(),
    "/api/v1/sites": {
      get: {
        operationId: "listSites",
        summary: "Your organization's sites",
        description: "Miners only.",
        tags: ["Sites"],
        security: SIGNED_IN,
        responses: { "200": ok("The sites, by name.", list(ref("Site"))), ...failures("401", "403") },
      },
      post: {
        operationId: "createSite",
        summary: "Add a site",
        description: "Miners only. Photos are uploaded through the pages.",
        tags: ["Sites"],
        security: SIGNED_IN,
        requestBody: body(ref("SiteInput")),
        responses: { "201": created("The site.", ref("Site"), true), ...failures("400", "401", "403") },
      },
    },
    "/api/v1/sites/{id}": {
      get: {
        operationId: "getSite",
        summary: "A site",
        description:
          "Miners of the owning organization and admins get the site as they manage it. Anyone else gets the public site, with its organization and its published listings and their free kW in each of the next 6 months, while one of its listings is published and its organization is active; 404 otherwise.",
        tags: ["Sites"],
        security: ANYONE,
        parameters: [idParameter],
        responses: { "200": ok("The site (the public form adds organization and listings).", { oneOf: [ref("Site"), ref("PublicSite")] }), ...failures("404") },
      },
      patch: {
        operationId: "updateSite",
        summary: "Edit a site",
        description: "Any subset of the site's fields; the merged site is validated whole. Changing a power or cooling fact clears the verified badge.",
        tags: ["Sites"],
        security: SIGNED_IN,
        parameters: [idParameter],
        requestBody: body(ref("SitePatch")),
        responses: { "200": ok("The edited site.", ref("Site")), ...failures("400", "401", "403", "404") },
      },
    },
    "/api/v1/organization/members": {
      get: {
        operationId: "listOrganizationMembers",
        summary: "Your organization's members, owners first",
        description: "Any member of a miner or buyer organization. Admins have no organization: 403.",
        tags: ["Organization"],
        security: SIGNED_IN,
        responses: { "200": ok("The members (Cache-Control: no-store).", list(ref("Member"))), ...failures("401", "403") },
      },
    },
    "/api/v1/miners/{id}": {
      get: {
        operationId: "getMiner",
        summary: "A miner's public profile",
        description: "An active miner organization with at least one published listing: its sites, listings, delivered MW-months and how it answers booking requests. 404 otherwise.",
        tags: ["Listings"],
        security: ANYONE,
        parameters: [idParameter],
        responses: { "200": ok("The profile.", ref("MinerProfile")), ...failures("404") },
      },
    },
    "/api/v1/tokens": {
      get: {
        operationId: "listTokens",
        summary: "Your API tokens, newest first",
        description: "Miners and buyers. Revoked tokens are listed with revokedAt set; the token itself is never shown again.",
        tags: ["Tokens"],
        security: SIGNED_IN,
        responses: { "200": ok("The tokens (Cache-Control: no-store).", list(ref("Token"))), ...failures("401", "403") },
      },
      post: {
        operationId: "createToken",
        summary: "Create an API token",
        description: `Browser session only (a token cannot mint tokens: 403). Miners and buyers with a confirmed email address (403 email_unverified otherwise). 409 when you already hold ${MAX_ACTIVE_TOKENS} active tokens.`,
        tags: ["Tokens"],
        security: SESSION_ONLY,
        requestBody: body(strict({ name: str("Your name for the token.", API_TOKEN_NAME_MAX_LENGTH, 1) }, ["name"])),
        responses: { "201": created("The token, shown this once.", ref("TokenCreated"), false), ...failures("400", "401", "403", "409") },
      },
    },
    "/api/v1/bookings": {
      get: {
        operationId: "listBookings",
        summary: "Your organization's bookings",
        description: "As a buyer: the bookings your organization made. As a miner: the bookings on your organization's listings. Newest first.",
        tags: ["Bookings"],
        security: SIGNED_IN,
        responses: { "200": ok("The bookings.", list(ref("BookingSummary"))), ...failures("401", "403") },
      },
      post: {
        operationId: "createBooking",
        summary: "Reserve capacity (buyers)",
        description:
          "Holds kW of a listing over [start, end) for 30 minutes while the deposit is paid at checkoutUrl. Send an Idempotency-Key header to make retries safe: the same key and body return the same booking (200, Idempotent-Replayed: true); the same key with another body is refused (409 idempotency_key_reused). 403 email_unverified until the caller has confirmed their email address.",
        tags: ["Bookings"],
        security: SIGNED_IN,
        parameters: [{ name: "Idempotency-Key", in: "header", required: false, description: "8–200 characters, e.g. a UUID.", schema: { type: "string", minLength: 8, maxLength: 200 } }],
        requestBody: body(ref("BookingInput")),
        responses: {
          "201": created("The hold.", ref("BookingCreated"), true),
          "200": ok("A replay of an earlier request with the same Idempotency-Key.", ref("BookingCreated")),
          ...failures("400", "401", "403", "404", "409", "422"),
        },
      },
    },
    "/api/v1/bookings/{id}": {
      get: {
        operationId: "getBooking",
        summary: "One booking with its history (its two parties and admins)",
        tags: ["Bookings"],
        security: SIGNED_IN,
        parameters: [idParameter],
        responses: { "200": ok("The booking.", ref("BookingDetail")), ...failures("401", "404") },
      },
    },
    "/api/v1/listings/{id}/inquiry": {
      post: {
        operationId: "askAboutListing",
        summary: "Ask the miner about a published listing (buyers)",
        description: `The buyer organization's inquiry thread for the listing is created on the first question and reused after. Contact details are masked for the miner until the two organizations have a confirmed booking. At most ${MESSAGES_PER_MINUTE} messages a minute and ${NEW_INQUIRIES_PER_HOUR} new inquiries an hour per sender (429 with Retry-After).`,
        tags: ["Conversations"],
        security: SIGNED_IN,
        parameters: [idParameter],
        requestBody: body(ref("MessageInput")),
        responses: { "201": created("The thread and the message.", object({ threadId: uuid("The inquiry thread."), messageId: uuid("The new message.") }), true), ...failures("400", "401", "403", "404", "429") },
      },
    },
    "/api/v1/threads": {
      get: {
        operationId: "listThreads",
        summary: "The caller's organization's conversations, newest activity first",
        description: "Each with the other party and the caller's unread count; unreadTotal counts every thread. Admins have no inbox (empty list): they open threads by id.",
        tags: ["Conversations"],
        security: SIGNED_IN,
        parameters: [
          { name: "before", in: "query", required: false, description: "Threads whose last activity is before this time (the last item's lastMessageAt), for the next page.", schema: { type: "string", format: "date-time" } },
          { name: "limit", in: "query", required: false, description: "Threads per page.", schema: { type: "integer", minimum: 1, maximum: 100, default: 50 } },
        ],
        responses: { "200": ok("The inbox.", object({ items: { type: "array", items: ref("ThreadSummary") }, unreadTotal: int("Unread messages over the whole inbox.", 0) })), ...failures("400", "401") },
      },
    },
    "/api/v1/threads/{id}": {
      get: {
        operationId: "getThread",
        summary: "A conversation with its newest messages (oldest first); marks it read",
        description: "Visible to members of both organizations and admins; 404 for anyone else. Page backwards with before=<the first message's id>.",
        tags: ["Conversations"],
        security: SIGNED_IN,
        parameters: [
          idParameter,
          { name: "before", in: "query", required: false, description: "Messages before this message id (earlier pages).", schema: { type: "string", format: "uuid" } },
          { name: "limit", in: "query", required: false, description: "Messages per page.", schema: { type: "integer", minimum: 1, maximum: 200, default: 50 } },
        ],
        responses: { "200": ok("The thread.", ref("Thread")), ...failures("400", "401", "404") },
      },
    },
    "/api/v1/threads/{id}/messages": {
      post: {
        operationId: "postMessage",
        summary: "Write in a conversation",
        description: `Plain text, ${MESSAGE_MAX_CHARS.toLocaleString("en-US")} characters at most. At most ${MESSAGES_PER_MINUTE} messages a minute per sender (429 with Retry-After).`,
        tags: ["Conversations"],
        security: SIGNED_IN,
        parameters: [idParameter],
        requestBody: body(ref("MessageInput")),
        responses: { "201": created("The message as stored.", object({ id: uuid("Message id."), body: str("The text as stored (trimmed)."), createdAt: at("Written.") }), false), ...failures("400", "401", "403", "404", "429") },
      },
    },
    "/api/v1/threads/{id}/events": {
      get: {
        operationId: "threadEvents",
        summary: "Server-Sent Events: new messages in a conversation, live",
        description:
          "text/event-stream. `event: message` (id: the message id; data: a ThreadMessage as JSON) for each new message, `event: ping` every 15 s, `event: end` when access ends (signed out, suspended, removed), after which the stream closes. Send Last-Event-ID to resume after a message.",
        tags: ["Conversations"],
        security: SIGNED_IN,
        parameters: [idParameter, { name: "Last-Event-ID", in: "header", required: false, description: "Resume after this message id.", schema: { type: "string", format: "uuid" } }],
        responses: {
          "200": { description: "The event stream.", content: { "text/event-stream": { schema: { type: "string", description: "Server-Sent Events; each message event's data is a ThreadMessage." } } } },
          ...failures("401", "404"),
        },
      },
    },
    ...bookingActionPaths([
      ["accept", "Accept a request; the deposit is captured", "the listing's miner"],
      ["decline", "Decline a request; the deposit authorization is released", "the listing's miner"],
      ["cancel", "Cancel before the miner accepts; any authorization is released", "the buyer"],
      ["refund", "Refund the deposit", "admins"],
    ]),
    "/api/v1/bookings/{id}/review": {
      post: {
        operationId: "reviewBooking",
        summary: "Review the other party of a booking",
        description:
          "The two parties, once the booking completed (or a confirmed booking was cancelled), within 14 days; once per side. Double-blind: the review stays hidden, even from the other party, until both have reviewed or the window closes. 409 before the window opens, after it closes or a second time; 403 for admins; 404 for anyone else.",
        tags: ["Bookings"],
        security: SIGNED_IN,
        parameters: [idParameter],
        requestBody: body(strict({ rating: int("1 to 5.", 1, 5), body: str("What it was like (plain text).", 5000) }, ["rating", "body"])),
        responses: { "201": ok("The review (publishedAt null while blind).", ref("Review")), ...failures("400", "401", "403", "404", "409") },
      },
    },
    "/api/v1/admin/listings": {
      get: {
        operationId: "moderationQueue",
        summary: "The moderation queue, oldest submission first",
        description: "Each item carries its site, the miner organization's history (published, rejected, reports) and, for a resubmission, the terms changed since the last approval.",
        tags: ["Admin"],
        security: SESSION_ONLY,
        parameters: [{ name: "status", in: "query", required: false, description: "pending_review (default), rejected or published.", schema: oneOf(["pending_review", "rejected", "published"], "Which listings.") }],
        responses: { "200": ok("The queue.", list({ type: "object", description: "A listing under review with site, organization and changes." })), ...failures("400", "401", "403") },
      },
    },
    "/api/v1/admin/listings/{id}/approve": {
      post: {
        operationId: "approveListing",
        summary: "Publish a listing in review (audited, the miner is mailed)",
        tags: ["Admin"],
        security: SESSION_ONLY,
        parameters: [idParameter],
        responses: { "200": ok("The listing, now published.", { type: "object" }), ...failures("401", "403", "404", "409") },
      },
    },
    "/api/v1/admin/listings/{id}/reject": {
      post: {
        operationId: "rejectListing",
        summary: "Reject a listing in review with a reason the miner sees (audited, mailed)",
        tags: ["Admin"],
        security: SESSION_ONLY,
        parameters: [idParameter],
        requestBody: body(strict({ reason: str("What the miner should change.", 2000, 3) }, ["reason"])),
        responses: { "200": ok("The listing, now rejected.", { type: "object" }), ...failures("400", "401", "403", "404", "409") },
      },
    },
    "/api/v1/admin/organizations/{id}/suspend": {
      post: {
        operationId: "suspendOrganization",
        summary: "Suspend an organization at once",
        description: "Its listings leave search and listing pages, its users cannot sign in, its sessions and tokens stop working on their next request, its open holds are released and its pending requests declined with deposits released.",
        tags: ["Admin"],
        security: SESSION_ONLY,
        parameters: [idParameter],
        requestBody: body(strict({ reason: str("Why (audited).", 2000, 3) }, ["reason"])),
        responses: { "200": ok("Suspended.", object({ id: uuid("Organization."), status: { const: "suspended" }, releasedBookings: int("Reservations released."), failedBookings: { type: "array", items: uuid("Booking whose release failed; the booking sweep retries it within a minute.") } })), ...failures("400", "401", "403", "404", "409") },
      },
    },
    "/api/v1/admin/organizations/{id}/reinstate": {
      post: {
        operationId: "reinstateOrganization",
        summary: "Reinstate a suspended organization",
        tags: ["Admin"],
        security: SESSION_ONLY,
        parameters: [idParameter],
        requestBody: { required: false, content: json(strict({ reason: str("A note (audited).", 2000) })) },
        responses: { "200": ok("Active again.", object({ id: uuid("Organization."), status: { const: "active" } })), ...failures("400", "401", "403", "404", "409") },
      },
    },
    "/api/v1/tokens/{id}": {
      delete: {
        operationId: "revokeToken",
        summary: "Revoke one of your API tokens at once",
        tags: ["Tokens"],
        security: SIGNED_IN,
        parameters: [idParameter],
        responses: { "204": { description: "Revoked (revoking again keeps the first time)." }, ...failures("401", "403", "404") },
      },
    },
  },
  components: {
    securitySchemes: {
      bearerToken: { type: "http", scheme: "bearer", bearerFormat: "sub_…", description: "Authorization: Bearer sub_… — a personal API token created in Settings → API tokens. A malformed, unknown or revoked token is refused with 401 even on public operations." },
      sessionCookie: {
        type: "apiKey",
        in: "cookie",
        name: "authjs.session-token",
        description: "The browser session (Auth.js; __Secure-authjs.session-token over HTTPS). Sign in with GET /api/auth/csrf then POST /api/auth/callback/credentials (email, password). Requests that change data must come from Substation's own origin (Origin or Sec-Fetch-Site: same-origin), otherwise 403 bad_origin.",
      },
    },
    parameters: { Id: { name: "id", in: "path", required: true, description: "The resource's id.", schema: { type: "string", format: "uuid" } } },
    responses: {
      BadRequest: ok("Validation failed (validation_failed); fields names each problem.", ref("Error")),
      Unauthenticated: ok("Not signed in, or the token is not valid (unauthenticated).", ref("Error")),
      Forbidden: ok("Not allowed for your role or origin (forbidden, bad_origin).", ref("Error")),
      NotFound: ok("Not found, or not visible to you (not_found).", ref("Error")),
      Conflict: ok("Conflicts with the current state (conflict, invalid_transition, capacity_exceeded).", ref("Error")),
      Unprocessable: ok("Well-formed but impossible (unprocessable).", ref("Error")),
      RateLimited: ok("Too many requests (rate_limited); see Retry-After.", ref("Error"), { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } }),
    },
    schemas: {
      Member: object({
        id: uuid("User id."),
        name: str("Name."),
        email: str("Email address."),
        role: oneOf(["owner", "member"], "Role in the organization: owners invite, change roles and remove members."),
        joinedAt: at("Joined the organization."),
        lastSignInAt: nullable(at("Last sign-in; null if never.")),
      }),
      Error: object({
        error: {
          type: "object",
          required: ["code", "message"],
          properties: {
            // A string, not an enum: later endpoints add codes, and clients should fall back on the status.
            code: { type: "string", description: "Machine-readable code.", examples: ["validation_failed", "unauthenticated", "forbidden", "bad_origin", "email_unverified", "mfa_required", "not_found", "conflict", "invalid_transition", "capacity_exceeded"] },
            message: str("For people."),
            fields: { type: "object", additionalProperties: { type: "string" }, description: "Validation only: field or parameter → problem." },
          },
          additionalProperties: true,
          description: "Some codes add details, e.g. capacity_exceeded adds bookedKw, invalid_transition adds status.",
        },
      }),
      Site: siteView,
      PublicSite: {
        ...siteView,
        properties: {
          ...(siteView.properties as Record<string, JsonSchema>),
          organization: object({ id: uuid("Organization id."), name: str("Organization name.") }),
          listings: { type: "array", items: publicListing({ outlook: { type: "array", description: "Free kW by month; null outside the listing's window.", items: object({ month: str("First day of the month (UTC)."), freeKw: nullable(int("Least free kW on any day of the month.")) }) } }) },
        },
        required: [...((siteView.required as string[] | undefined) ?? []), "organization", "listings"],
      },
      Rating: object({ average: nullable(num("Average of the published, visible reviews, one decimal; null before the first.")), count: int("How many reviews.") }),
      Review: object({
        id: uuid("Review id."),
        bookingId: uuid("The booking."),
        direction: oneOf(["buyer_to_miner", "miner_to_buyer"], "Who reviewed whom."),
        rating: int("1 to 5.", 1, 5),
        body: str("The review (plain text)."),
        author: object({ organizationId: uuid("Author organization."), organizationName: str("Its name."), userName: nullable(str("The person who wrote it.")) }),
        subjectOrganizationId: uuid("The reviewed organization."),
        createdAt: at("Written."),
        publishedAt: nullable(at("Published; null while blind.")),
        reply: nullable(object({ body: str("The reviewed side's reply."), createdAt: at("Replied.") })),
        hidden: { type: "boolean", description: "Hidden by an admin (shown to admins only)." },
        hiddenReason: nullable(str("Why it was hidden.")),
      }),
      MinerProfile: object({
        id: uuid("Organization id."),
        name: str("Organization name."),
        country: nullable(str("ISO country code.")),
        website: nullable(str("Website.")),
        memberSince: at("On Substation since."),
        sites: {
          type: "array",
          items: object({ id: uuid("Site id."), name: str("Name."), country: str("ISO country code."), region: str("Region."), latitude: num("Latitude."), longitude: num("Longitude."), energizedMw: num("Energized MW."), verifiedAt: nullable(at("Last verified.")) }),
        },
        listings: { type: "array", items: publicListing({}) },
        stats: object({
          hostedMwMonths: num("MW-months delivered on active and completed bookings."),
          requests: int("Paid booking requests received."),
          answered: int("Of those, accepted or declined by the miner."),
          answerRate: nullable(num("answered / requests.")),
          medianAnswerHours: nullable(num("Median hours from a paid request to the answer.")),
        }),
      }),
      SiteInput: strict(siteFields, ["name", "country", "region", "latitude", "longitude", "energizedMw", "interconnectionStatus", "powerMix", "coolingTypes", "pue", "redundancy"]),
      SitePatch: strict(siteFields),
      Listing: listingView,
      ListingInput: strict({ siteId: uuid("One of your organization's sites."), ...listingTerms }, ["siteId", "title", "capacityKw", "cooling", "maxKwPerRack", "rackCount", "priceCentsPerKwMonth", "minTermMonths", "availableFrom", "availableUntil", "depositPercent"]),
      ListingPatch: strict(listingTerms),
      ListingSearchItem: object(searchItemFields, Object.keys(searchItemFields).filter((k) => k !== "freeKw")),
      ListingDetail: {
        allOf: [
          ref("Listing"),
          object({
            site: ref("Site"),
            organization: object({ id: uuid("Organization id."), name: str("Organization name.") }),
            rating: ref("Rating"),
            availability: { type: "array", items: ref("AvailabilitySpan"), description: "Consecutive spans covering the listing's window." },
          }),
        ],
      },
      AvailabilitySpan: object({ from: day("Span start"), to: day("Span end, exclusive"), bookedKw: int("kW held by counting bookings."), freeKw: int("kW still free.") }),
      BookingInput: strict({ listingId: uuid("The listing."), kw: int("kW to reserve.", 1), start: day("First day"), end: day("Day after the last (exclusive)") }, ["listingId", "kw", "start", "end"]),
      BookingCreated: object({
        id: uuid("Booking id."),
        status: { const: "pending_deposit" },
        depositCents: int("Deposit to pay now, in cents."),
        totalCents: int("Total over the term, in cents (a month is 30 days)."),
        checkoutUrl: str("Where to pay the deposit."),
        expiresAt: at("The hold ends then unless the deposit is paid."),
      }),
      BookingSummary: object(
        {
          id: uuid("Booking id."),
          listingId: uuid("Listing."),
          kw: int("kW."),
          startDate: day("First day"),
          endDate: day("Day after the last"),
          status: oneOf(BOOKING_STATUSES, "Lifecycle state."),
          totalCents: int("Total in cents."),
          depositCents: int("Deposit in cents."),
          expiresAt: at("End of the hold (pending_deposit)."),
          respondBy: nullable(at("The miner's deadline (awaiting_provider).")),
        },
        ["id", "listingId", "kw", "startDate", "endDate", "status", "totalCents", "depositCents"],
      ),
      BookingDetail: {
        allOf: [
          ref("BookingSummary"),
          object({
            listingTitle: str("Listing title."),
            buyerOrganizationName: str("Buyer."),
            minerOrganizationName: str("Miner."),
            role: oneOf(["buyer", "miner", "admin"], "How you see this booking."),
            threadId: nullable(uuid("The booking's conversation (GET /api/v1/threads/{id}).")),
            payment: nullable({ type: "object", description: "The deposit: status, provider, amountCents." }),
            transitions: { type: "array", items: object({ from: nullable(oneOf(BOOKING_STATUSES, "From")), to: oneOf(BOOKING_STATUSES, "To"), actorKind: str("user, admin, system or payment_provider"), reason: nullable(str("Why")), at: at("When") }, ["to", "actorKind", "at"]) },
          }),
        ],
      },
      MessageInput: strict({ body: str("Plain text (trimmed; HTML and Markdown are shown as typed).", MESSAGE_MAX_CHARS, 1) }, ["body"]),
      ThreadSummary: object({
        id: uuid("Thread id."),
        kind: oneOf(["booking", "inquiry"], "A booking's thread, or a pre-booking inquiry."),
        listingId: uuid("The listing."),
        listingTitle: str("The listing's title."),
        bookingId: nullable(uuid("The booking (booking threads).")),
        counterparty: object({ id: uuid("The other organization."), name: str("Its name.") }),
        lastMessageAt: at("Newest activity."),
        lastMessage: nullable(object({ body: str("Its text (masked as for the caller)."), authorName: nullable(str("Who wrote it.")), mine: { type: "boolean", description: "The caller wrote it." } })),
        unreadCount: int("Messages by others the caller has not read.", 0),
      }),
      ThreadMessage: object({
        id: uuid("Message id."),
        author: nullable(object({ id: uuid("User id."), name: str("Name."), organizationName: str("Their organization (Substation for staff).") })),
        body: str("Plain text; contact details are replaced until the organizations have a confirmed booking, except for the author and admins."),
        masked: { type: "boolean", description: "Contact details in this message were hidden from the caller." },
        createdAt: at("Written."),
      }),
      Thread: object({
        id: uuid("Thread id."),
        kind: oneOf(["booking", "inquiry"], "A booking's thread, or a pre-booking inquiry."),
        listingId: uuid("The listing."),
        listingTitle: str("The listing's title."),
        bookingId: nullable(uuid("The booking (booking threads).")),
        buyerOrganization: object({ id: uuid("Buyer organization."), name: str("Name.") }),
        minerOrganization: object({ id: uuid("Miner organization."), name: str("Name.") }),
        contactsShared: { type: "boolean", description: "The organizations have a confirmed booking: contact details are shown as written." },
        messages: { type: "array", items: ref("ThreadMessage"), description: "Oldest first: the newest page (or the page before `before`)." },
        hasEarlier: { type: "boolean", description: "Earlier messages exist (ask with before=<messages[0].id>)." },
      }),
      Token: object({ ...tokenFields, lastUsedAt: nullable(at("Last used (to the minute).")), revokedAt: nullable(at("Revoked; null while active.")) }),
      TokenCreated: object({ ...tokenFields, token: str("The token (sub_…); store it now, it is never shown again.") }),
    },
  },
};
