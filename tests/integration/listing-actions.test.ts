import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createListing, updateListing } from "@/db/queries/listings";
import { createSite, siteOptions } from "@/db/queries/sites";
import { listings } from "@/db/schema";
import { listingFormSchema, listingFormValues, prepareListingFields, priceMessage } from "@/components/listings/listing-form-fields";
import { DEFAULT_SORT, nextSort, parseSort, sortListings } from "@/components/listings/listing-sort";
import { ownListingOr404 } from "@/components/listings/own-listing";
import { quoteReservation } from "@/components/listings/reserve-quote";
import { availabilitySpans } from "@/lib/domain/availability";
import { addDays, addMonths, todayUtc } from "@/lib/domain/days";
import { createListingSchema, listingTermsSchema } from "@/lib/validations/listing";
import { makeAccount, siteBody } from "../support/fixtures";

/** The listing form as the browser posts it: strings, the price in dollars, the checkbox only when ticked. */
function formFields(siteId: string, overrides: Record<string, string | undefined> = {}): Record<string, unknown> {
  const fields: Record<string, string | undefined> = {
    siteId,
    title: "Immersion pods, 2 MW",
    capacityKw: "2000",
    cooling: "immersion",
    maxKwPerRack: "100",
    rackCount: "20",
    price: "$135.50",
    minTermMonths: "12",
    availableFrom: addDays(todayUtc(), 30),
    availableUntil: addDays(todayUtc(), 30 + 3 * 365),
    depositPercent: "20",
    description: "",
    ...overrides,
  };
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}

/** What the edit form posts for a stored listing (every field, the listing id, no site), as the update action parses it. */
function editFormTerms(listing: Parameters<typeof listingFormValues>[0] & { id: string }, changes: Record<string, string>) {
  const fields: Record<string, unknown> = { ...listingFormValues(listing), ...changes, listingId: listing.id };
  delete fields.siteId;
  return listingTermsSchema.parse(prepareListingFields(fields));
}

async function minerWithSite() {
  const miner = await makeAccount("miner");
  const site = await createSite(miner.db, miner.actor, siteBody());
  return { ...miner, site };
}

describe("the listing form's fields", () => {
  it("create a draft priced in integer cents from a price typed in dollars, firm when the box is unticked", async () => {
    const miner = await minerWithSite();
    const input = createListingSchema.parse(prepareListingFields(formFields(miner.site.id)));
    const listing = await createListing(miner.db, miner.actor, input);
    expect(listing).toMatchObject({ priceCentsPerKwMonth: 13550, interruptible: false, description: "", status: "draft" });

    const ticked = createListingSchema.parse(prepareListingFields(formFields(miner.site.id, { interruptible: "on", price: "1,000" })));
    expect(ticked).toMatchObject({ interruptible: true, priceCentsPerKwMonth: 100_000 });
  });

  it("round-trip through the edit form without looking like a material change, so a published listing stays published", async () => {
    const miner = await minerWithSite();
    const listing = await createListing(miner.db, miner.actor, createListingSchema.parse(prepareListingFields(formFields(miner.site.id, { interruptible: "on" }))));
    await miner.db.update(listings).set({ status: "published", publishedAt: new Date() }).where(eq(listings.id, listing.id));

    const saved = await updateListing(miner.db, miner.actor, listing.id, editFormTerms(listing, { title: "Immersion pods, 2 MW, hall B" }));
    expect(saved).toMatchObject({ sentToReview: false, listing: { status: "published", title: "Immersion pods, 2 MW, hall B", interruptible: true, priceCentsPerKwMonth: 13550 } });

    const repriced = await updateListing(miner.db, miner.actor, listing.id, editFormTerms(saved.listing, { price: "129" }));
    expect(repriced).toMatchObject({ sentToReview: true, listing: { status: "pending_review", priceCentsPerKwMonth: 12900 } });
  });

  it("explain a price that is not a dollar amount in dollars, and keep the range message for one that is", () => {
    const parsed = createListingSchema.safeParse(prepareListingFields(formFields("8b0e7b8e-2f7c-4c55-9a0b-000000000001", { price: "12.345" })));
    const error = parsed.error?.issues.find((issue) => issue.path[0] === "priceCentsPerKwMonth")?.message;
    expect(priceMessage(error, "12.345")).toBe("Enter the price in US dollars per kW-month, like 135 or 135.50.");
    expect(priceMessage("The price is at least $10.00 per kW-month (1000 cents).", "5")).toMatch(/at least \$10\.00/);
    expect(priceMessage(undefined, "135")).toBeUndefined();
  });

  it("are checked in the browser against the chosen site's rules, all at once, as the server checks them", () => {
    const site = { energizedKw: 30_000, plannedKw: 0, plannedEnergizationDate: null, coolingTypes: ["air"] };
    const result = listingFormSchema("create", site).safeParse(
      prepareListingFields(formFields("8b0e7b8e-2f7c-4c55-9a0b-000000000001", { title: "x", capacityKw: "45000" })),
    );
    const fields = Object.fromEntries(result.error!.issues.map((issue) => [issue.path.join("."), issue.message]));
    expect(fields.title).toMatch(/at least 3 characters/);
    expect(fields.capacityKw).toMatch(/offer at most that/);
    expect(fields.cooling).toMatch(/does not offer immersion/);
    expect(listingFormSchema("create", site).safeParse(prepareListingFields(formFields("8b0e7b8e-2f7c-4c55-9a0b-000000000001", { cooling: "air", maxKwPerRack: "40", rackCount: "50" }))).success).toBe(true);
  });
});

describe("the reservation slot", () => {
  const today = "2027-01-10";
  const listing = { capacityKw: 2000, priceCentsPerKwMonth: 13500, minTermMonths: 3, availableFrom: "2027-01-01", availableUntil: "2028-01-01", depositPercent: 20 };
  const spans = availabilitySpans(2000, listing.availableFrom, listing.availableUntil, [{ start: "2027-03-01", end: "2027-05-01", kw: 1500 }]);

  it("starts today for a window that has begun, and quotes the free kW on the busiest day with the monthly price and deposit", () => {
    const quote = quoteReservation(listing, spans, { kw: "400" }, today);
    expect(quote.values).toEqual({ kw: "400", start: today, end: addMonths(today, 3) });
    expect(quote.errors).toEqual({});
    expect(quote.freeKw).toBe(500);
    expect(quote.monthlyCents).toBe(400 * 13500);
    expect(quote.depositCents).toBe(Math.round(400 * 13500 * 0.2));
  });

  it("refuses more kW than are free, dates outside the window, and a stay shorter than the minimum term", () => {
    expect(quoteReservation(listing, spans, { kw: "600" }, today).errors.kw).toMatch(/Only 500 kW are free/);
    const outside = quoteReservation(listing, spans, { start: "2026-12-01", end: "2028-02-01" }, today);
    expect(outside.errors.start).toMatch(/Jan 10, 2027 or later/);
    expect(outside.errors.end).toMatch(/Jan 1, 2028 or earlier/);
    expect(quoteReservation(listing, spans, { start: "2027-06-01", end: "2027-07-01" }, today).errors.end).toMatch(/minimum term is 3 months/);
    expect(quoteReservation(listing, spans, { start: "2027-06-01", end: "2027-09-01" }, today).freeKw).toBe(2000);
  });

  it("says the window is over once no day is left to start on", () => {
    expect(quoteReservation(listing, spans, {}, "2028-01-01").open).toBe(false);
  });
});

describe("the miner's listing table", () => {
  const row = (title: string, priceCentsPerKwMonth: number, updated: string) => ({
    title,
    siteName: "Hall",
    capacityKw: 1000,
    priceCentsPerKwMonth,
    availableFrom: "2027-01-01",
    status: "draft",
    updatedAt: new Date(updated),
  });
  const rows = [row("B", 9000, "2026-01-02"), row("a", 12000, "2026-01-03"), row("C", 9000, "2026-01-01")];

  it("sorts newest change first by default, and by a column named in ?sort= with ties broken by the newest change", () => {
    expect(sortListings(rows, DEFAULT_SORT).map((r) => r.title)).toEqual(["a", "B", "C"]);
    expect(sortListings(rows, parseSort("price")).map((r) => r.title)).toEqual(["B", "C", "a"]);
    expect(sortListings(rows, parseSort("-title")).map((r) => r.title)).toEqual(["C", "B", "a"]);
    expect(parseSort("password")).toEqual(DEFAULT_SORT);
    expect(nextSort(parseSort("price"), "price")).toEqual({ key: "price", descending: true });
  });
});

describe("the miner's listing pages", () => {
  it("are a 404 for another organization's listing, even a published one", async () => {
    const owner = await minerWithSite();
    const other = await makeAccount("miner");
    const listing = await createListing(owner.db, owner.actor, createListingSchema.parse(prepareListingFields(formFields(owner.site.id))));
    await owner.db.update(listings).set({ status: "published", publishedAt: new Date() }).where(eq(listings.id, listing.id));
    await expect(ownListingOr404(other.db, other.actor, listing.id)).rejects.toMatchObject({ digest: expect.stringMatching(/^NEXT_HTTP_ERROR_FALLBACK;404/) });
    await expect(ownListingOr404(other.db, other.actor, "not-a-listing")).rejects.toMatchObject({ digest: expect.stringMatching(/404/) });
    const own = await ownListingOr404(owner.db, owner.actor, listing.id);
    expect(own.availability).toEqual([{ from: listing.availableFrom, to: listing.availableUntil, bookedKw: 0, freeKw: 2000 }]);
  });

  it("offer the edit form only the listing's own site, and never another organization's", async () => {
    const owner = await minerWithSite();
    await createSite(owner.db, owner.actor, siteBody({ name: "Second Hall" }));
    const other = await minerWithSite();
    expect(await siteOptions(owner.db, owner.actor)).toHaveLength(2);
    expect(await siteOptions(owner.db, owner.actor, owner.site.id)).toEqual([expect.objectContaining({ id: owner.site.id, name: owner.site.name, countryName: "Canada" })]);
    expect(await siteOptions(owner.db, owner.actor, other.site.id)).toEqual([]);
    expect(await siteOptions(owner.db, owner.actor, "not-a-site")).toEqual([]);
  });
});
