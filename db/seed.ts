// The demo marketplace: seedDatabase() fills an empty database with a deterministic, living
// marketplace (same `today`, same rows), and `npx tsx db/seed.ts [--reset]` runs it by hand.
// Never in production; never over existing data unless asked to reset.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { hashPassword } from "@/lib/auth/password";
import { env } from "@/lib/env";
import { openDatabase, type Database, type Executor, type Transaction } from "./connection";
import { migrateDatabase } from "./migrate";
import {
  auditLog,
  bookings,
  bookingStatus,
  bookingTransitions,
  ledgerEntries,
  listings,
  listingStatus,
  messages,
  messageThreads,
  organizations,
  payments,
  reports,
  reviews,
  sites,
  users,
} from "./schema";
import {
  ADMIN,
  BUYER_ORGS,
  CANCEL_REASONS,
  DECLINE_REASONS,
  DEMO_BOOKINGS,
  DEMO_PASSWORD,
  MINER_ORGS,
  RANDOM_BOOKING_BUYERS,
  REFUND_REASONS,
  REPORTS,
  THREADS,
  type BookingStatus,
  type BookingSpec,
  type BuyerOrgSpec,
  type ListingSpec,
  type ListingStatus,
  type MinerOrgSpec,
  type PersonSpec,
  type PowerMix,
  type SiteSpec,
} from "./seed-data";
import {
  DAY_MS,
  HOUR,
  MINUTE,
  addMonths,
  addMs,
  between,
  createRng,
  dayOf,
  earliest,
  firstOfMonthOnOrAfter,
  formatDay,
  latest,
  midnight,
  parseDay,
  stableToken,
  stableUuid,
  type Day,
  type Rng,
} from "./seed-random";

export type SeedOptions = {
  /** The seed's "today" (YYYY-MM-DD, UTC); every date is relative to it. Default: the current UTC day. */
  today?: string;
  /** The seed's "now". Default: noon UTC of `today` when it is given (deterministic), else the clock. */
  now?: Date;
};

export type SeedSummary = {
  today: string;
  organizations: { miner: number; buyer: number; suspended: number };
  users: number;
  sites: number;
  verifiedSites: number;
  countries: number;
  listings: Record<ListingStatus, number>;
  bookings: Record<BookingStatus, number>;
  bookingTransitions: number;
  payments: number;
  ledgerEntries: number;
  messageThreads: number;
  messages: number;
  reports: number;
  auditLog: number;
  elapsedMs: number;
};

// ---------------------------------------------------------------------------------------------
// Money: the same arithmetic as a booking made through the app.

/** A month is 30 days: the total of `kw` over `days` at a monthly price, in whole cents. */
export function bookingTotalCents(kw: number, priceCentsPerKwMonth: number, days: number): number {
  return Math.round((kw * priceCentsPerKwMonth * days) / 30);
}

/** The deposit: `depositPercent` of the first month, in whole cents. */
export function bookingDepositCents(kw: number, priceCentsPerKwMonth: number, depositPercent: number): number {
  return Math.round((kw * priceCentsPerKwMonth * depositPercent) / 100);
}

export function platformFeeCents(depositCents: number, feeBps: number): number {
  return Math.round((depositCents * feeBps) / 10_000);
}

/** The end (exclusive) of a term of `months` from `start`: calendar months, and never under 30 days a month. */
function termEnd(start: Day, months: number): Day {
  return start + Math.max(addMonths(start, months) - start, months * 30);
}

// ---------------------------------------------------------------------------------------------
// The rows being built, and what later steps need to know about earlier ones.

type Rows = {
  organizations: (typeof organizations.$inferInsert)[];
  users: (typeof users.$inferInsert)[];
  sites: (typeof sites.$inferInsert)[];
  listings: (typeof listings.$inferInsert)[];
  bookings: (typeof bookings.$inferInsert)[];
  bookingTransitions: (typeof bookingTransitions.$inferInsert)[];
  payments: (typeof payments.$inferInsert)[];
  ledgerEntries: (typeof ledgerEntries.$inferInsert)[];
  messageThreads: (typeof messageThreads.$inferInsert)[];
  messages: (typeof messages.$inferInsert)[];
  reports: (typeof reports.$inferInsert)[];
  reviews: (typeof reviews.$inferInsert)[];
  auditLog: (typeof auditLog.$inferInsert)[];
};

type OrgFacts = { id: string; slug: string; userIds: string[]; suspended: boolean };

type ListingFacts = {
  id: string;
  spec: ListingSpec;
  org: OrgFacts;
  from: Day;
  until: Day;
  publishedAt: Date | null;
  /** kW held per day of the window by bookings that hold (or held) capacity. */
  occupancy: Int32Array;
};

type BookingFacts = { id: string; listing: ListingFacts; buyer: OrgFacts; userId: string; createdAt: Date };

type Ctx = {
  now: Date;
  today: Day;
  rng: Rng;
  feeBps: number;
  adminId: string;
  passwordHash: string;
  rows: Rows;
  orgs: Map<string, OrgFacts>;
  userIds: Map<string, string>;
  listings: Map<string, ListingFacts>;
  bookings: Map<string, BookingFacts>;
  pendingReviews: number;
};

/** The statuses whose kW count against a listing's capacity (PRODUCT.md, "Capacity rule"). */
const HOLDS_CAPACITY = new Set<BookingStatus>(["pending_deposit", "awaiting_provider", "confirmed", "active"]);
/** Completed bookings held capacity while they ran: the seed keeps the past consistent too. */
const HELD_CAPACITY = new Set<BookingStatus>([...HOLDS_CAPACITY, "completed"]);
const APPROVED = new Set<ListingStatus>(["published", "paused", "archived"]);

/** How long a miner has to answer an authorized request: inside the card authorization's 7 days. */
const ACCEPTANCE_WINDOW_MS = 5 * DAY_MS;
const HOLD_MS = 30 * MINUTE;
const RANDOM_BOOKINGS = 48;
/** The moderation queue, spread over the last days (hours ago, oldest first). */
const PENDING_REVIEW_AGES_HOURS = [5 * 24 + 3, 3 * 24 + 20, 2 * 24 + 2, 28, 7];
const RANDOM_STATUS_WEIGHTS: Record<BookingStatus, number> = {
  pending_deposit: 2,
  awaiting_provider: 4,
  confirmed: 7,
  active: 12,
  completed: 7,
  expired: 5,
  declined: 4,
  cancelled: 4,
  refunded: 1,
};

const uuid = (kind: string, key: string) => stableUuid(`${kind}/${key}`);
const days = (n: number) => n * DAY_MS;

// ---------------------------------------------------------------------------------------------
// Organizations, people, sites and listings.

function addUsers(ctx: Ctx, org: OrgFacts, people: PersonSpec[], role: "miner" | "buyer", createdAt: Date) {
  people.forEach((person, index) => {
    const email = person.email.toLowerCase();
    const id = uuid("user", email);
    ctx.userIds.set(email, id);
    org.userIds.push(id);
    // The first person opens the account; colleagues join within days.
    const joined = addMs(createdAt, index === 0 ? ctx.rng.int(1, 6) * HOUR : days(ctx.rng.int(1, 10)));
    ctx.rows.users.push({
      id,
      email,
      name: person.name,
      passwordHash: ctx.passwordHash,
      role,
      status: "active",
      organizationId: org.id,
      memberRole: index === 0 ? "owner" : "member",
      emailVerifiedAt: joined,
      createdAt: joined,
      updatedAt: joined,
    });
  });
}

function powerColumns(power: PowerMix) {
  const shares = {
    shareHydro: power.hydro ?? 0,
    shareWind: power.wind ?? 0,
    shareSolar: power.solar ?? 0,
    shareNuclear: power.nuclear ?? 0,
    shareGas: power.gas ?? 0,
    shareFlareGas: power.flareGas ?? 0,
    shareGrid: power.grid ?? 0,
  };
  const sum = Object.values(shares).reduce((a, b) => a + b, 0);
  if (sum !== 100 || Object.values(shares).some((s) => s < 0)) throw new Error(`power shares must sum to 100, got ${sum}`);
  return shares;
}

const COOLING_LABEL = {
  air: "air (hot-aisle containment)",
  hydro: "hydro (water-cooled rear doors or plates)",
  immersion: "single-phase immersion",
  direct_liquid: "direct-to-chip liquid with CDUs",
} as const;

const SOURCE_LABEL: Record<keyof PowerMix, string> = {
  hydro: "hydro",
  wind: "wind",
  solar: "solar",
  nuclear: "nuclear",
  gas: "gas",
  flareGas: "flare gas",
  grid: "grid",
};

function listingDescription(spec: ListingSpec, site: SiteSpec, rackCount: number): string {
  const mix = (Object.entries(site.power) as [keyof PowerMix, number][])
    .filter(([, share]) => share > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([source, share]) => `${share} % ${SOURCE_LABEL[source]}`)
    .join(", ");
  const unit = spec.cooling === "immersion" ? "tank" : "rack";
  const terms = [
    `Minimum term ${spec.minTermMonths} month${spec.minTermMonths === 1 ? "" : "s"}.`,
    `Deposit: ${spec.depositPercent} % of the first month, authorized when you reserve and captured when we accept.`,
    spec.interruptible
      ? `Interruptible: we may curtail during grid emergencies (about ${site.curtailmentHours} hours a year), and curtailed hours are credited.`
      : "Firm capacity: not curtailed by grid events.",
  ];
  return [
    spec.pitch,
    "",
    "**At a glance**",
    "",
    `- ${(spec.capacityKw / 1000).toLocaleString("en-US")} MW of IT load, up to ${spec.kwPerRack} kW per ${unit} (${rackCount} ${unit}s)`,
    `- Cooling: ${COOLING_LABEL[spec.cooling]}; site PUE ${site.pue.toFixed(2)}`,
    `- Power: ${mix}; ${site.redundancy} redundancy`,
    `- Network: ${site.uplinkGbps} Gbps uplink, ${site.fiberCarriers} fibre carrier${site.fiberCarriers === 1 ? "" : "s"}`,
    "",
    terms.join(" "),
  ].join("\n");
}

const MAX_DENSITY = { air: 40, hydro: 80, immersion: 130, direct_liquid: 130 } as const;

/** Catches a catalogue mistake before the database does, with a message that names it. */
function checkListingSpec(spec: ListingSpec, site: SiteSpec) {
  const problem = (what: string) => new Error(`seed catalogue: listing ${spec.key}: ${what}`);
  if (!site.cooling.includes(spec.cooling)) throw problem(`site ${site.key} has no ${spec.cooling} cooling`);
  if (spec.kwPerRack > MAX_DENSITY[spec.cooling]) throw problem(`${spec.kwPerRack} kW per rack is too dense for ${spec.cooling}`);
  if (spec.priceCents < 6_000 || spec.priceCents > 18_000) throw problem("price outside 6000–18000 cents per kW-month");
  if (spec.depositPercent < 10 || spec.depositPercent > 50) throw problem("deposit outside 10–50 %");
  if (spec.windowMonths < 6 || spec.windowMonths > 60) throw problem("window outside 6–60 months");
  if (spec.minTermMonths < 1 || spec.minTermMonths > 36 || spec.minTermMonths >= spec.windowMonths) {
    throw problem("minimum term must be 1–36 months and shorter than the window");
  }
  const energizedKw = site.energizedMw * 1000;
  const plannedKw = (site.planned?.mw ?? 0) * 1000;
  // Planned capacity counts only for windows that open after it is energized.
  const usesPlanned = site.planned !== undefined && spec.fromDays >= site.planned.inDays;
  if (spec.capacityKw > energizedKw + (usesPlanned ? plannedKw : 0)) throw problem("more capacity than the site has energized by its start");
  if (spec.status === "rejected" && !spec.rejectionReason) throw problem("rejected without a reason");
}

function addMinerOrg(ctx: Ctx, spec: MinerOrgSpec) {
  const { rng, now, today } = ctx;
  const org: OrgFacts = { id: uuid("organization", spec.slug), slug: spec.slug, userIds: [], suspended: !!spec.suspended };
  ctx.orgs.set(spec.slug, org);
  const siteIds = new Map(spec.sites.map((site) => [site.key, uuid("site", `${spec.slug}/${site.key}`)]));
  const siteCreated = new Map<string, Date>();
  const liveKwBySite = new Map<string, number>();

  const listingRows = spec.listings.map((l) => {
    const site = spec.sites.find((s) => s.key === l.site);
    if (!site) throw new Error(`seed catalogue: listing ${l.key}: unknown site ${l.site}`);
    checkListingSpec(l, site);
    if (l.status !== "rejected" && l.status !== "archived") {
      liveKwBySite.set(site.key, (liveKwBySite.get(site.key) ?? 0) + l.capacityKw);
    }
    const from = today + l.fromDays;
    const until = addMonths(from, l.windowMonths);
    // The review timeline follows the status: approved listings went live weeks before their window opened.
    let submittedAt: Date | null = null;
    let reviewedAt: Date | null = null;
    let archivedAt: Date | null = null;
    let createdAt: Date;
    let updatedAt: Date;
    if (APPROVED.has(l.status)) {
      reviewedAt =
        from <= today + 14
          ? addMs(midnight(from - rng.int(21, 45)), rng.int(9, 17) * HOUR)
          : addMs(now, -days(rng.int(5, 60)) - rng.int(0, 8) * HOUR);
      submittedAt = addMs(reviewedAt, -rng.int(4, 40) * HOUR);
      createdAt = addMs(submittedAt, -days(rng.int(1, 6)) - rng.int(0, 8) * HOUR);
      updatedAt = reviewedAt;
      if (l.status === "paused") updatedAt = latest(addMs(reviewedAt, DAY_MS), addMs(now, -days(rng.int(8, 11))));
      if (l.status === "archived") {
        archivedAt = until <= today ? addMs(midnight(until + 2), rng.int(9, 17) * HOUR) : addMs(now, -days(rng.int(3, 20)));
        updatedAt = archivedAt;
      }
    } else if (l.status === "rejected") {
      reviewedAt = addMs(now, -days(rng.int(2, 20)) - rng.int(0, 8) * HOUR);
      submittedAt = addMs(reviewedAt, -rng.int(4, 40) * HOUR);
      createdAt = addMs(submittedAt, -days(rng.int(1, 6)));
      updatedAt = reviewedAt;
    } else if (l.status === "pending_review") {
      const hoursAgo = PENDING_REVIEW_AGES_HOURS[ctx.pendingReviews++ % PENDING_REVIEW_AGES_HOURS.length]!;
      submittedAt = addMs(now, -hoursAgo * HOUR - rng.int(0, 50) * MINUTE);
      createdAt = addMs(submittedAt, -days(rng.int(1, 5)) - rng.int(0, 8) * HOUR);
      updatedAt = submittedAt;
    } else {
      createdAt = addMs(now, -days(rng.int(2, 25)) - rng.int(0, 8) * HOUR);
      updatedAt = addMs(createdAt, rng.int(1, 30) * HOUR);
    }
    const earliestForSite = siteCreated.get(site.key);
    siteCreated.set(site.key, earliestForSite ? earliest(earliestForSite, createdAt) : createdAt);

    const id = uuid("listing", l.key);
    const rackCount = Math.ceil(l.capacityKw / l.kwPerRack);
    const approved = APPROVED.has(l.status);
    const publishedAt = approved ? reviewedAt : null;
    ctx.listings.set(l.key, {
      id,
      spec: l,
      org,
      from,
      until,
      publishedAt,
      occupancy: new Int32Array(until - from),
    });
    const availableFrom = formatDay(from);
    const availableUntil = formatDay(until);
    return {
      id,
      siteId: siteIds.get(site.key)!,
      organizationId: org.id,
      title: l.title,
      capacityKw: l.capacityKw,
      cooling: l.cooling,
      maxKwPerRack: l.kwPerRack,
      rackCount,
      priceCentsPerKwMonth: l.priceCents,
      minTermMonths: l.minTermMonths,
      availableFrom,
      availableUntil,
      depositPercent: l.depositPercent,
      interruptible: l.interruptible ?? false,
      description: listingDescription(l, site, rackCount),
      status: l.status,
      rejectionReason: l.rejectionReason ?? null,
      submittedAt,
      reviewedAt,
      reviewedBy: reviewedAt ? ctx.adminId : null,
      reviewedTerms: approved
        ? { capacityKw: l.capacityKw, cooling: l.cooling, priceCentsPerKwMonth: l.priceCents, availableFrom, availableUntil }
        : null,
      publishedAt,
      archivedAt,
      createdAt,
      updatedAt,
    } satisfies typeof listings.$inferInsert;
  });

  const siteRows = spec.sites.map((site) => {
    const total = (site.energizedMw + (site.planned?.mw ?? 0)) * 1000;
    if ((liveKwBySite.get(site.key) ?? 0) > total) throw new Error(`seed catalogue: site ${site.key}: listings exceed its capacity`);
    if (!/^[A-Z]{2}$/.test(site.country)) throw new Error(`seed catalogue: site ${site.key}: country must be ISO alpha-2`);
    const createdAt = addMs(siteCreated.get(site.key) ?? addMs(now, -days(200)), -days(rng.int(10, 60)));
    siteCreated.set(site.key, createdAt);
    const verifiedAt = site.verified ? earliest(addMs(createdAt, days(rng.int(5, 20))), addMs(now, -days(1))) : null;
    const id = siteIds.get(site.key)!;
    if (verifiedAt) {
      audit(ctx, { at: verifiedAt, actor: ctx.adminId, action: "site.verified", targetType: "site", targetId: id, org: org.id, data: { name: site.name } });
    }
    return {
      id,
      organizationId: org.id,
      name: site.name,
      country: site.country,
      region: site.region,
      latitude: site.latitude,
      longitude: site.longitude,
      energizedKw: site.energizedMw * 1000,
      plannedKw: (site.planned?.mw ?? 0) * 1000,
      plannedEnergizationDate: site.planned ? formatDay(today + site.planned.inDays) : null,
      interconnectionStatus: site.interconnection,
      interconnectionVoltageKv: site.voltageKv,
      ...powerColumns(site.power),
      curtailmentHoursPerYear: site.curtailmentHours,
      coolingTypes: site.cooling,
      pue: site.pue,
      redundancy: site.redundancy,
      floorLoadingKgPerM2: site.floorLoadingKgPerM2,
      waterAvailability: site.water,
      uplinkGbps: site.uplinkGbps,
      fiberCarriers: site.fiberCarriers,
      security: site.security,
      certifications: site.certifications,
      description: site.description,
      verifiedAt,
      verifiedBy: verifiedAt ? ctx.adminId : null,
      createdAt,
      updatedAt: verifiedAt ?? createdAt,
    } satisfies typeof sites.$inferInsert;
  });

  for (const row of listingRows) {
    if (row.status === "rejected" || APPROVED.has(row.status)) {
      const rejected = row.status === "rejected";
      audit(ctx, {
        at: row.reviewedAt!,
        actor: ctx.adminId,
        action: rejected ? "listing.rejected" : "listing.approved",
        targetType: "listing",
        targetId: row.id,
        org: org.id,
        data: rejected ? { title: row.title, reason: row.rejectionReason } : { title: row.title },
      });
    }
  }

  const createdAt = addMs(earliest(...siteCreated.values()), -days(rng.int(7, 40)));
  const suspendedAt = spec.suspended ? addMs(now, -days(spec.suspended.daysAgo) - rng.int(1, 5) * HOUR) : null;
  ctx.rows.organizations.push({
    id: org.id,
    name: spec.name,
    slug: spec.slug,
    kind: "miner",
    status: spec.suspended ? "suspended" : "active",
    country: spec.country,
    website: spec.website,
    suspendedReason: spec.suspended?.reason ?? null,
    suspendedAt,
    createdAt,
    updatedAt: suspendedAt ?? createdAt,
  });
  if (suspendedAt) {
    audit(ctx, {
      at: suspendedAt,
      actor: ctx.adminId,
      action: "organization.suspended",
      targetType: "organization",
      targetId: org.id,
      org: org.id,
      data: { reason: spec.suspended!.reason },
    });
  }
  addUsers(ctx, org, spec.users, "miner", createdAt);
  ctx.rows.sites.push(...siteRows);
  ctx.rows.listings.push(...listingRows);
}

function addBuyerOrg(ctx: Ctx, spec: BuyerOrgSpec) {
  const org: OrgFacts = { id: uuid("organization", spec.slug), slug: spec.slug, userIds: [], suspended: false };
  ctx.orgs.set(spec.slug, org);
  // Dated once their first activity is known (see settleBuyerDates).
  const placeholder = ctx.now;
  ctx.rows.organizations.push({
    id: org.id,
    name: spec.name,
    slug: spec.slug,
    kind: "buyer",
    status: "active",
    country: spec.country,
    website: spec.website,
    createdAt: placeholder,
    updatedAt: placeholder,
  });
  addUsers(ctx, org, spec.users, "buyer", placeholder);
}

// ---------------------------------------------------------------------------------------------
// Bookings: dates that respect the listing, the lifecycle path, the deposit and the ledger.

type Plan = { start: Day; end: Day; months: number; createdAt: Date };

type PlanRequest = {
  status: BookingStatus;
  months: number;
  /** Only these months (hand-written bookings), or the nearest that fit (random ones). */
  exactMonths: boolean;
  startInDays?: number;
  createdDaysAgo?: number;
};

function planBooking(ctx: Ctx, listing: ListingFacts, request: PlanRequest): Plan | null {
  const { rng, now, today } = ctx;
  const { status } = request;
  if (!listing.publishedAt) return null;
  const opened = addMs(listing.publishedAt, DAY_MS);
  const minTerm = listing.spec.minTermMonths;
  const monthOptions = request.exactMonths
    ? [request.months]
    : [request.months, ...Array.from({ length: 36 }, (_, i) => [request.months - i - 1, request.months + i + 1]).flat()].filter(
        (m) => m >= minTerm && m <= 60,
      );
  const chooseMonths = (start: Day) =>
    monthOptions.find((m) => {
      const end = termEnd(start, m);
      if (m < minTerm || start < listing.from || end > listing.until) return false;
      if (status === "active") return start <= today && end > today;
      if (status === "completed") return end <= today;
      return true;
    });
  // Future starts land on the first of a month when that still fits.
  const align = (start: Day) => {
    const first = firstOfMonthOnOrAfter(start);
    return chooseMonths(first) !== undefined ? first : start;
  };
  // Made between `lookback` days and 3 days before the start, and settled (accepted) by `settledBy`.
  const beforeStart = (start: Day, settledBy: Date, lookback: number) =>
    between(rng, latest(opened, addMs(midnight(start), -days(lookback))), earliest(settledBy, addMs(midnight(start), -days(3))));

  let start: Day;
  let createdAt: Date | null;
  switch (status) {
    case "pending_deposit":
    case "awaiting_provider":
    case "confirmed":
    case "refunded": {
      start = align(Math.max(listing.from, today + 7, today + (request.startInDays ?? rng.int(7, 120))));
      if (status === "pending_deposit") createdAt = addMs(now, -rng.int(2, 20) * MINUTE);
      else if (status === "awaiting_provider") createdAt = addMs(now, -rng.int(3, 70) * HOUR - rng.int(0, 59) * MINUTE);
      else createdAt = beforeStart(start, addMs(now, -days(status === "refunded" ? 5 : 2)), 120);
      if (createdAt && createdAt < opened) createdAt = null;
      break;
    }
    case "active":
    case "completed": {
      const latestStart = status === "active" ? today : today - minTerm * 31;
      const earliestStart = Math.max(listing.from, today - (status === "active" ? 330 : 540));
      if (request.startInDays === undefined && earliestStart > latestStart) return null;
      start = request.startInDays !== undefined ? today + request.startInDays : rng.int(earliestStart, latestStart);
      createdAt = start <= latestStart ? beforeStart(start, addMs(now, -days(2)), 60) : null;
      break;
    }
    case "expired":
    case "declined":
    case "cancelled": {
      createdAt =
        request.createdDaysAgo !== undefined
          ? addMs(now, -days(request.createdDaysAgo) - rng.int(0, 6) * HOUR)
          : between(rng, latest(opened, addMs(now, -days(75))), addMs(now, -days(3)));
      if (createdAt && createdAt < opened) createdAt = null;
      start = align(Math.max(listing.from, (createdAt ? dayOf(createdAt) : today) + rng.int(7, 45)));
      break;
    }
  }
  const months = chooseMonths(start);
  if (!createdAt || months === undefined) return null;
  return { start, end: termEnd(start, months), months, createdAt };
}

function freeKw(listing: ListingFacts, start: Day, end: Day): number {
  let held = 0;
  for (let day = start; day < end; day++) held = Math.max(held, listing.occupancy[day - listing.from]!);
  return listing.spec.capacityKw - held;
}

type AuditInput = {
  at: Date;
  actor: string | null;
  action: string;
  targetType: string;
  targetId: string;
  org: string | null;
  data: Record<string, unknown>;
};

function audit(ctx: Ctx, input: AuditInput) {
  ctx.rows.auditLog.push({
    actorUserId: input.actor,
    action: input.action,
    targetType: input.targetType,
    targetId: input.targetId,
    organizationId: input.org,
    data: input.data,
    createdAt: input.at,
  });
}

type BookingInput = {
  key: string;
  listing: ListingFacts;
  buyer: OrgFacts;
  userId: string;
  kw: number;
  status: BookingStatus;
  plan: Plan;
  reason?: string;
  cancelledUnpaid?: boolean;
};

/**
 * Writes one booking with everything that happened to it: each transition with its actor,
 * the deposit's payment, its ledger lines, and the audit rows of the money movements.
 */
function addBooking(ctx: Ctx, input: BookingInput) {
  const { rng, now, feeBps } = ctx;
  const { listing, buyer, status, plan, kw } = input;
  const id = uuid("booking", input.key);
  const minerUserId = listing.org.userIds[0]!;
  const price = listing.spec.priceCents;
  const depositCents = bookingDepositCents(kw, price, listing.spec.depositPercent);
  const totalCents = bookingTotalCents(kw, price, plan.end - plan.start);
  const startsAt = midnight(plan.start);

  const transitions: { from: BookingStatus | null; to: BookingStatus; kind: "user" | "admin" | "system" | "payment_provider"; user: string | null; reason: string | null; at: Date }[] = [];
  const move = (to: BookingStatus, kind: (typeof transitions)[number]["kind"], user: string | null, at: Date, reason: string | null = null) =>
    transitions.push({ from: transitions.at(-1)?.to ?? null, to, kind, user, reason, at });

  const createdAt = plan.createdAt;
  move("pending_deposit", "user", input.userId, createdAt);
  let statusReason: string | null = null;
  let authorizedAt: Date | null = null;
  let capturedAt: Date | null = null;
  let releasedAt: Date | null = null;
  let refundedAt: Date | null = null;

  if (status === "expired") {
    statusReason = "The deposit was not paid within 30 minutes.";
    move("expired", "system", null, addMs(createdAt, HOLD_MS), statusReason);
  } else if (status === "cancelled" && input.cancelledUnpaid) {
    statusReason = input.reason ?? rng.pick(CANCEL_REASONS);
    move("cancelled", "user", input.userId, addMs(createdAt, rng.int(5, 25) * MINUTE), statusReason);
  } else if (status !== "pending_deposit") {
    authorizedAt = addMs(createdAt, rng.int(2, 25) * MINUTE);
    move("awaiting_provider", "payment_provider", null, authorizedAt);
    const soon = (hoursFrom: number, hoursTo: number) =>
      earliest(addMs(authorizedAt!, rng.int(hoursFrom, hoursTo) * HOUR + rng.int(0, 59) * MINUTE), addMs(now, -rng.int(10, 90) * MINUTE));
    if (status === "declined") {
      statusReason = input.reason ?? rng.pick(DECLINE_REASONS);
      releasedAt = soon(4, 60);
      move("declined", "user", minerUserId, releasedAt, statusReason);
    } else if (status === "cancelled") {
      statusReason = input.reason ?? rng.pick(CANCEL_REASONS);
      releasedAt = soon(2, 72);
      move("cancelled", "user", input.userId, releasedAt, statusReason);
    } else if (status !== "awaiting_provider") {
      capturedAt = earliest(soon(3, 40), addMs(startsAt, -HOUR));
      move("confirmed", "user", minerUserId, capturedAt);
      if (status === "refunded") {
        statusReason = input.reason ?? rng.pick(REFUND_REASONS);
        refundedAt = between(rng, addMs(capturedAt, DAY_MS), earliest(addMs(now, -HOUR), addMs(startsAt, -HOUR))) ?? addMs(capturedAt, HOUR);
        move("refunded", "admin", ctx.adminId, refundedAt, statusReason);
      } else if (status === "active" || status === "completed") {
        move("active", "system", null, earliest(addMs(startsAt, rng.int(1, 15) * MINUTE), now));
        if (status === "completed") move("completed", "system", null, earliest(addMs(midnight(plan.end), rng.int(1, 15) * MINUTE), now));
      }
    }
  }
  if (transitions.at(-1)!.to !== status) throw new Error(`booking ${input.key}: path ends in ${transitions.at(-1)!.to}, not ${status}`);
  transitions.forEach((t, i) => {
    if (i > 0 && t.at <= transitions[i - 1]!.at) throw new Error(`booking ${input.key}: transitions out of order`);
    if (t.at > now) throw new Error(`booking ${input.key}: transition to ${t.to} is in the future`);
  });

  ctx.rows.bookings.push({
    id,
    listingId: listing.id,
    buyerOrganizationId: buyer.id,
    createdBy: input.userId,
    kw,
    startDate: formatDay(plan.start),
    endDate: formatDay(plan.end),
    status,
    priceCentsPerKwMonth: price,
    depositPercent: listing.spec.depositPercent,
    totalCents,
    depositCents,
    platformFeeBps: feeBps,
    expiresAt: addMs(createdAt, HOLD_MS),
    respondBy: authorizedAt ? addMs(authorizedAt, ACCEPTANCE_WINDOW_MS) : null,
    statusReason,
    createdAt,
    updatedAt: transitions.at(-1)!.at,
  });
  for (const t of transitions) {
    ctx.rows.bookingTransitions.push({
      bookingId: id,
      fromStatus: t.from,
      toStatus: t.to,
      actorKind: t.kind,
      actorUserId: t.user,
      reason: t.reason,
      createdAt: t.at,
    });
  }
  ctx.bookings.set(input.key, { id, listing, buyer, userId: input.userId, createdAt });
  if (HELD_CAPACITY.has(status)) {
    const held = listing.occupancy;
    for (let day = plan.start; day < plan.end; day++) held[day - listing.from] = held[day - listing.from]! + kw;
  }

  if (!authorizedAt) return;
  // The deposit: authorized at checkout, then captured, released or refunded.
  const paymentId = uuid("payment", input.key);
  const paymentStatus = refundedAt ? "refunded" : releasedAt ? "released" : capturedAt ? "captured" : "authorized";
  ctx.rows.payments.push({
    id: paymentId,
    bookingId: id,
    provider: "test",
    status: paymentStatus,
    amountCents: depositCents,
    currency: "usd",
    checkoutSessionId: `test_cs_${stableToken(`checkout/${input.key}`)}`,
    paymentIntentId: `test_pi_${stableToken(`intent/${input.key}`)}`,
    authorizedAt,
    capturedAt,
    releasedAt,
    refundedAt,
    createdAt,
    updatedAt: refundedAt ?? releasedAt ?? capturedAt ?? authorizedAt,
  });
  // Ledger amounts are signed from the platform's side: + held or earned, − paid out or returned.
  const ledger = (type: (typeof ledgerEntries.$inferInsert)["type"], amountCents: number, org: string | null, at: Date) =>
    ctx.rows.ledgerEntries.push({ bookingId: id, paymentId, organizationId: org, type, amountCents, currency: "usd", createdAt: at });
  const money = (action: string, actor: string | null, at: Date, extra: Record<string, unknown> = {}) =>
    audit(ctx, {
      at,
      actor,
      action,
      targetType: "payment",
      targetId: paymentId,
      org: buyer.id,
      data: { bookingId: id, amountCents: depositCents, currency: "usd", provider: "test", ...extra },
    });

  ledger("deposit_authorized", depositCents, buyer.id, authorizedAt);
  money("deposit.authorized", null, authorizedAt);
  if (capturedAt) {
    const fee = platformFeeCents(depositCents, feeBps);
    ledger("deposit_captured", depositCents, buyer.id, capturedAt);
    ledger("platform_fee", fee, null, capturedAt);
    ledger("miner_share", -(depositCents - fee), listing.org.id, capturedAt);
    money("deposit.captured", minerUserId, capturedAt, { platformFeeCents: fee, minerShareCents: depositCents - fee });
  }
  if (releasedAt) {
    ledger("deposit_released", -depositCents, buyer.id, releasedAt);
    money("deposit.released", status === "declined" ? minerUserId : input.userId, releasedAt);
  }
  if (refundedAt) {
    ledger("deposit_refunded", -depositCents, buyer.id, refundedAt);
    money("deposit.refunded", ctx.adminId, refundedAt, { reason: statusReason });
    audit(ctx, {
      at: refundedAt,
      actor: ctx.adminId,
      action: "booking.refunded",
      targetType: "booking",
      targetId: id,
      org: buyer.id,
      data: { paymentId, amountCents: depositCents, reason: statusReason },
    });
  }
}

function addDemoBooking(ctx: Ctx, spec: BookingSpec) {
  const listing = ctx.listings.get(spec.listing);
  const buyer = ctx.orgs.get(spec.buyer);
  if (!listing || !buyer) throw new Error(`seed catalogue: booking ${spec.key}: unknown listing or buyer`);
  const plan = planBooking(ctx, listing, { ...spec, exactMonths: true });
  if (!plan) throw new Error(`seed catalogue: booking ${spec.key} does not fit listing ${spec.listing} (window, term or dates)`);
  if (HELD_CAPACITY.has(spec.status) && freeKw(listing, plan.start, plan.end) < spec.kw) {
    throw new Error(`seed catalogue: booking ${spec.key} would oversell listing ${spec.listing}`);
  }
  addBooking(ctx, { key: spec.key, listing, buyer, userId: buyer.userIds[0]!, kw: spec.kw, status: spec.status, plan, reason: spec.reason });
}

/** Random bookings by the other buyers; a request that would oversell is shrunk or skipped. */
function addRandomBookings(ctx: Ctx) {
  const { rng } = ctx;
  const open = [...ctx.listings.values()].filter((l) => l.spec.status === "published" && !l.org.suspended);
  for (let n = 0; n < RANDOM_BOOKINGS; n++) {
    const buyer = ctx.orgs.get(rng.pick(RANDOM_BOOKING_BUYERS))!;
    const status = rng.weighted(RANDOM_STATUS_WEIGHTS);
    for (let attempt = 0; attempt < 8; attempt++) {
      const listing = rng.pick(open);
      const minTerm = listing.spec.minTermMonths;
      const plan = planBooking(ctx, listing, { status, months: rng.int(minTerm, minTerm + 12), exactMonths: false });
      if (!plan) continue;
      const share = 0.03 + rng.next() * 0.22;
      let kw = Math.max(200, Math.round((listing.spec.capacityKw * share) / 100) * 100);
      if (HELD_CAPACITY.has(status)) kw = Math.min(kw, Math.floor(freeKw(listing, plan.start, plan.end) / 100) * 100);
      if (kw < 200) continue;
      addBooking(ctx, {
        key: `random-${n}`,
        listing,
        buyer,
        userId: rng.pick(buyer.userIds),
        kw,
        status,
        plan,
        cancelledUnpaid: status === "cancelled" && rng.chance(0.3),
      });
      break;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Conversations and reports.

function addThreads(ctx: Ctx) {
  const { rng, now } = ctx;
  for (const [index, spec] of THREADS.entries()) {
    let listing: ListingFacts;
    let buyer: OrgFacts;
    let buyerUser: string;
    let createdAt: Date;
    let bookingId: string | null = null;
    if (spec.kind === "booking") {
      const booking = ctx.bookings.get(spec.booking);
      if (!booking) throw new Error(`seed catalogue: thread on unknown booking ${spec.booking}`);
      ({ listing, buyer } = booking);
      buyerUser = booking.userId;
      createdAt = booking.createdAt;
      bookingId = booking.id;
    } else {
      const found = ctx.listings.get(spec.listing);
      const org = ctx.orgs.get(spec.buyer);
      if (!found || !org || !found.publishedAt) throw new Error(`seed catalogue: inquiry on unknown or unpublished listing ${spec.listing}`);
      listing = found;
      buyer = org;
      buyerUser = org.userIds[0]!;
      createdAt = latest(addMs(now, -days(spec.daysAgo) - rng.int(0, 5) * HOUR), addMs(found.publishedAt, HOUR));
    }
    const threadId = uuid("thread", `${index}`);
    // last_message_at starts at the thread's creation; the messages trigger moves it to the newest message.
    ctx.rows.messageThreads.push({ id: threadId, kind: spec.kind, listingId: listing.id, buyerOrganizationId: buyer.id, minerOrganizationId: listing.org.id, bookingId, lastMessageAt: createdAt, createdAt });
    // Replies spread over the following hours or days, never past now.
    const first = addMs(createdAt, rng.int(2, 30) * MINUTE);
    const span = Math.min(now.getTime() - first.getTime() - 5 * MINUTE, spec.messages.length * 20 * HOUR);
    spec.messages.forEach((message, i) => {
      const at = addMs(first, Math.floor((span * (i + rng.next() * 0.5)) / spec.messages.length));
      ctx.rows.messages.push({
        id: uuid("message", `${index}/${i}`),
        threadId,
        authorUserId: message.from === "buyer" ? buyerUser : listing.org.userIds[0]!,
        body: message.body,
        // Seeded conversations are old news: the unread-mail sweep leaves them alone.
        mailCheckedAt: at,
        createdAt: at,
      });
    });
  }
}

/**
 * Every booking has its thread (createBooking opens one): the bookings the catalogue gives
 * no conversation get an empty one, created with the booking. No random draws, so the
 * rest of the seed is unchanged.
 */
function addMissingBookingThreads(ctx: Ctx) {
  const threaded = new Set(ctx.rows.messageThreads.map((t) => t.bookingId).filter(Boolean));
  for (const [key, booking] of ctx.bookings) {
    if (threaded.has(booking.id)) continue;
    ctx.rows.messageThreads.push({
      id: uuid("thread", `booking/${key}`),
      kind: "booking",
      listingId: booking.listing.id,
      buyerOrganizationId: booking.buyer.id,
      minerOrganizationId: booking.listing.org.id,
      bookingId: booking.id,
      lastMessageAt: booking.createdAt,
      createdAt: booking.createdAt,
    });
  }
}

/**
 * Reviews in every state, on the demo miner's completed bookings: published on both sides
 * with a reply; one side published after the window closed and the other hidden by an admin;
 * one written by the AI team and still blind inside its window. `lattice-recent` is left
 * for a newcomer to review. Ratings are summed onto the organizations as the app does.
 */
const REVIEW_SPECS: {
  booking: string;
  buyer?: { rating: number; body: string; reply?: string };
  miner?: { rating: number; body: string; reply?: string; hidden?: string };
  published: boolean;
}[] = [
  {
    booking: "lattice-completed",
    buyer: {
      rating: 5,
      body: "Six months of 1.5 MW with zero unplanned downtime. The team answered within the hour every time we needed remote hands, and the ERCOT demand-response windows were announced days ahead.",
      reply: "Thank you, Maya. Lattice's cluster was a model tenant: clean power-on plans and no surprises. Room for you in the new hall whenever you need it.",
    },
    miner: { rating: 5, body: "Paid on time, kept within the agreed density, and coordinated move-in and move-out exactly as planned." },
    published: true,
  },
  {
    booking: "lattice-pilot",
    buyer: { rating: 4, body: "A good pilot: power and cooling as promised. Cross-connects took two weeks longer than quoted, so plan network early." },
    miner: { rating: 2, body: "Call Jonas at +1 512 555 0147 for the real story.", hidden: "Contact details and no review of the booking itself." },
    published: true,
  },
  {
    booking: "halcyon-recent",
    buyer: { rating: 4, body: "Solid air-cooled rows at a fair price. Curtailment notices were clear; one came with less warning than the contract says." },
    published: false,
  },
];

function addReviews(ctx: Ctx) {
  const ratings = new Map<string, { sum: number; count: number }>();
  for (const spec of REVIEW_SPECS) {
    const booking = ctx.bookings.get(spec.booking);
    if (!booking) throw new Error(`seed catalogue: review of unknown booking ${spec.booking}`);
    const completed = ctx.rows.bookingTransitions.find((t) => t.bookingId === booking.id && t.toStatus === "completed");
    if (!completed) throw new Error(`seed catalogue: review of booking ${spec.booking}, which did not complete`);
    const at = (hours: number) => earliest(addMs(completed.createdAt!, hours * HOUR), ctx.now);
    const minerOrg = booking.listing.org;
    // Published at the second review, or when the 14-day window closed with one.
    const publishedAt = spec.published ? (spec.buyer && spec.miner ? at(50) : at(14 * 24)) : null;
    for (const side of ["buyer", "miner"] as const) {
      const review = spec[side];
      if (!review) continue;
      const author = side === "buyer" ? booking.buyer : minerOrg;
      const subject = side === "buyer" ? minerOrg : booking.buyer;
      const hidden = side === "miner" ? spec.miner?.hidden : undefined;
      ctx.rows.reviews.push({
        id: uuid("review", `${spec.booking}/${side}`),
        bookingId: booking.id,
        direction: side === "buyer" ? "buyer_to_miner" : "miner_to_buyer",
        authorOrganizationId: author.id,
        subjectOrganizationId: subject.id,
        authorUserId: author.userIds[0]!,
        rating: review.rating,
        body: review.body,
        publishedAt,
        replyBody: review.reply ?? null,
        replyUserId: review.reply ? subject.userIds[0]! : null,
        repliedAt: review.reply ? at(80) : null,
        hiddenAt: hidden ? at(100) : null,
        hiddenBy: hidden ? ctx.adminId : null,
        hiddenReason: hidden ?? null,
        createdAt: side === "buyer" ? at(20) : at(50),
      });
      if (hidden) {
        audit(ctx, { at: at(100), actor: ctx.adminId, action: "review.hidden", targetType: "review", targetId: uuid("review", `${spec.booking}/${side}`), org: subject.id, data: { reason: hidden } });
      }
      if (publishedAt && !hidden) {
        const r = ratings.get(subject.id) ?? { sum: 0, count: 0 };
        ratings.set(subject.id, { sum: r.sum + review.rating, count: r.count + 1 });
      }
    }
  }
  for (const org of ctx.rows.organizations) {
    const r = ratings.get(org.id!);
    if (r) Object.assign(org, { ratingSum: r.sum, ratingCount: r.count });
  }
}

function addReports(ctx: Ctx) {
  const { rng, now } = ctx;
  for (const spec of REPORTS) {
    const listing = ctx.listings.get(spec.listing);
    const reporter = ctx.userIds.get(spec.reporter);
    if (!listing || !reporter) throw new Error(`seed catalogue: report ${spec.key}: unknown listing or reporter`);
    const id = uuid("report", spec.key);
    const createdAt = addMs(now, -days(spec.daysAgo) - rng.int(1, 8) * HOUR);
    const resolvedAt = spec.resolution ? addMs(now, -days(spec.resolution.daysAgo) - rng.int(1, 8) * HOUR) : null;
    ctx.rows.reports.push({
      id,
      listingId: listing.id,
      reporterUserId: reporter,
      reason: spec.reason,
      note: spec.note,
      status: spec.status,
      resolvedBy: resolvedAt ? ctx.adminId : null,
      resolutionNote: spec.resolution?.note ?? null,
      resolvedAt,
      createdAt,
    });
    if (resolvedAt) {
      audit(ctx, {
        at: resolvedAt,
        actor: ctx.adminId,
        action: spec.status === "dismissed" ? "report.dismissed" : "report.resolved",
        targetType: "report",
        targetId: id,
        org: listing.org.id,
        data: { listingId: listing.id, note: spec.resolution!.note },
      });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Putting it together.

/** Buyers joined a few weeks before their first booking, message or report. */
function settleBuyerDates(ctx: Ctx) {
  const { rng } = ctx;
  const firstActivity = new Map<string, number>();
  const note = (userId: string | null | undefined, at: Date) => {
    if (!userId) return;
    firstActivity.set(userId, Math.min(firstActivity.get(userId) ?? Infinity, at.getTime()));
  };
  for (const b of ctx.rows.bookings) note(b.createdBy, b.createdAt!);
  for (const m of ctx.rows.messages) note(m.authorUserId, m.createdAt!);
  for (const r of ctx.rows.reports) note(r.reporterUserId, r.createdAt!);
  for (const spec of BUYER_ORGS) {
    const org = ctx.orgs.get(spec.slug)!;
    const first = Math.min(...org.userIds.map((id) => firstActivity.get(id) ?? ctx.now.getTime() - days(30)));
    const createdAt = new Date(first - days(rng.int(14, 60)));
    const row = ctx.rows.organizations.find((o) => o.id === org.id)!;
    row.createdAt = row.updatedAt = createdAt;
    org.userIds.forEach((userId, i) => {
      const user = ctx.rows.users.find((u) => u.id === userId)!;
      const joined = addMs(createdAt, i === 0 ? rng.int(1, 6) * HOUR : days(rng.int(1, 10)));
      user.createdAt = user.updatedAt = joined;
    });
  }
}

function settleSignIns(ctx: Ctx) {
  const { rng, now } = ctx;
  for (const user of ctx.rows.users) {
    const demo = user.email.endsWith("@substation.test");
    if (demo || rng.chance(0.7)) {
      const at = addMs(now, -(demo ? rng.int(1, 30) * HOUR : days(rng.int(1, 40))));
      user.lastSignInAt = latest(at, addMs(user.createdAt!, HOUR));
    }
  }
}

/** Sorts append-only rows by time, so their serial ids follow the order things happened. */
function byTime<T extends { createdAt?: Date | null }>(rows: T[]): T[] {
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => a.row.createdAt!.getTime() - b.row.createdAt!.getTime() || a.index - b.index)
    .map(({ row }) => row);
}

/** Re-checks the finished bookings independently: capacity on every day, windows, terms and money. */
function verifyBookings(ctx: Ctx) {
  const byListing = new Map([...ctx.listings.values()].map((l) => [l.id, l]));
  const held = new Map<string, Map<number, number>>();
  for (const b of ctx.rows.bookings) {
    const listing = byListing.get(b.listingId)!;
    const start = parseDay(b.startDate);
    const end = parseDay(b.endDate);
    const problem = (what: string) => new Error(`seed: booking ${b.id}: ${what}`);
    if (start < listing.from || end > listing.until) throw problem("outside the listing's window");
    if (end - start < listing.spec.minTermMonths * 30 || termEnd(start, listing.spec.minTermMonths) > end) throw problem("shorter than the minimum term");
    if (b.totalCents !== bookingTotalCents(b.kw, b.priceCentsPerKwMonth, end - start)) throw problem("total does not match");
    if (b.depositCents > b.totalCents) throw problem("deposit above total");
    if (!HOLDS_CAPACITY.has(b.status!)) continue;
    const days = held.get(listing.id) ?? new Map<number, number>();
    held.set(listing.id, days);
    for (let day = start; day < end; day++) {
      const kw = (days.get(day) ?? 0) + b.kw;
      if (kw > listing.spec.capacityKw) throw problem(`oversells listing ${listing.spec.key} on ${formatDay(day)}`);
      days.set(day, kw);
    }
  }
}

function resolveClock(options: SeedOptions): { today: Day; now: Date } {
  if (options.today) {
    const today = parseDay(options.today);
    const now = options.now ?? addMs(midnight(today), 12 * HOUR);
    if (dayOf(now) !== today) throw new Error("seed: `now` must fall on `today`");
    return { today, now };
  }
  const now = options.now ?? new Date();
  return { today: dayOf(now), now };
}

/** Builds every row in memory; deterministic for a given clock. */
export function buildSeedRows(options: SeedOptions, passwordHash: string, feeBps = env.platformFeeBps): { rows: Rows; today: string } {
  const { today, now } = resolveClock(options);
  const ctx: Ctx = {
    now,
    today,
    rng: createRng("substation-demo-marketplace"),
    feeBps,
    adminId: uuid("user", ADMIN.email),
    passwordHash,
    rows: {
      organizations: [],
      users: [],
      sites: [],
      listings: [],
      bookings: [],
      bookingTransitions: [],
      payments: [],
      ledgerEntries: [],
      messageThreads: [],
      messages: [],
      reports: [],
      reviews: [],
      auditLog: [],
    },
    orgs: new Map(),
    userIds: new Map([[ADMIN.email, uuid("user", ADMIN.email)]]),
    listings: new Map(),
    bookings: new Map(),
    pendingReviews: 0,
  };
  for (const spec of MINER_ORGS) addMinerOrg(ctx, spec);
  for (const spec of BUYER_ORGS) addBuyerOrg(ctx, spec);
  for (const spec of DEMO_BOOKINGS) addDemoBooking(ctx, spec);
  addRandomBookings(ctx);
  addThreads(ctx);
  addMissingBookingThreads(ctx);
  addReports(ctx);
  addReviews(ctx);
  settleBuyerDates(ctx);
  verifyBookings(ctx);

  const firstOrg = Math.min(...ctx.rows.organizations.map((o) => o.createdAt!.getTime()));
  const adminSince = new Date(firstOrg - days(30));
  ctx.rows.users.unshift({
    id: ctx.adminId,
    email: ADMIN.email,
    name: ADMIN.name,
    passwordHash,
    role: "admin",
    status: "active",
    organizationId: null,
    emailVerifiedAt: adminSince,
    createdAt: adminSince,
    updatedAt: adminSince,
  });
  settleSignIns(ctx);
  ctx.rows.bookingTransitions = byTime(ctx.rows.bookingTransitions);
  ctx.rows.ledgerEntries = byTime(ctx.rows.ledgerEntries);
  ctx.rows.auditLog = byTime(ctx.rows.auditLog);
  return { rows: ctx.rows, today: formatDay(today) };
}

const CHUNK = 500;

async function insertAll<T extends PgTable>(tx: Transaction, table: T, rows: T["$inferInsert"][]) {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await tx.insert(table).values(rows.slice(i, i + CHUNK));
  }
}

function countBy<K extends string>(keys: readonly K[], values: (K | undefined)[]): Record<K, number> {
  const counts = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  for (const v of values) if (v !== undefined) counts[v] += 1;
  return counts;
}

/** Inserts the demo marketplace in one transaction. Expects an empty, migrated database. */
export async function seedDatabase(db: Database, options: SeedOptions = {}): Promise<SeedSummary> {
  if (env.isProduction) throw new Error("refusing to seed demo data in production");
  const started = Date.now();
  // Hashed once: Argon2 is deliberately slow, and every demo account shares the password.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const { rows, today } = buildSeedRows(options, passwordHash);
  await db.transaction(async (tx) => {
    await insertAll(tx, organizations, rows.organizations);
    await insertAll(tx, users, rows.users);
    await insertAll(tx, sites, rows.sites);
    await insertAll(tx, listings, rows.listings);
    await insertAll(tx, bookings, rows.bookings);
    await insertAll(tx, bookingTransitions, rows.bookingTransitions);
    await insertAll(tx, payments, rows.payments);
    await insertAll(tx, ledgerEntries, rows.ledgerEntries);
    await insertAll(tx, messageThreads, rows.messageThreads);
    await insertAll(tx, messages, rows.messages);
    await insertAll(tx, reports, rows.reports);
    await insertAll(tx, reviews, rows.reviews);
    await insertAll(tx, auditLog, rows.auditLog);
  });
  return {
    today,
    organizations: {
      miner: rows.organizations.filter((o) => o.kind === "miner").length,
      buyer: rows.organizations.filter((o) => o.kind === "buyer").length,
      suspended: rows.organizations.filter((o) => o.status === "suspended").length,
    },
    users: rows.users.length,
    sites: rows.sites.length,
    verifiedSites: rows.sites.filter((s) => s.verifiedAt).length,
    countries: new Set(rows.sites.map((s) => s.country)).size,
    listings: countBy(listingStatus.enumValues, rows.listings.map((l) => l.status)),
    bookings: countBy(bookingStatus.enumValues, rows.bookings.map((b) => b.status)),
    bookingTransitions: rows.bookingTransitions.length,
    payments: rows.payments.length,
    ledgerEntries: rows.ledgerEntries.length,
    messageThreads: rows.messageThreads.length,
    messages: rows.messages.length,
    reports: rows.reports.length,
    auditLog: rows.auditLog.length,
    elapsedMs: Date.now() - started,
  };
}

/** True when no organization and no user exists yet: the only state the seed fills. */
export async function isDatabaseEmpty(db: Executor): Promise<boolean> {
  const [org] = await db.select({ id: organizations.id }).from(organizations).limit(1);
  const [user] = await db.select({ id: users.id }).from(users).limit(1);
  return !org && !user;
}

/**
 * Drops every table, type and the migration history, then migrates again. A TRUNCATE would
 * not do: the audit log refuses it (migration 0001).
 */
export async function resetDatabase(url = env.databaseUrl, dataDir = env.dataDir): Promise<void> {
  if (env.isProduction) throw new Error("refusing to reset a database in production");
  const handle = await openDatabase(url, dataDir);
  try {
    await handle.db.execute(sql`drop schema if exists drizzle cascade`);
    await handle.db.execute(sql`drop schema if exists public cascade`);
    await handle.db.execute(sql`create schema public`);
    await handle.db.execute(sql`grant usage on schema public to public`);
  } finally {
    await handle.close();
  }
  await migrateDatabase(url, dataDir);
}

// ---------------------------------------------------------------------------------------------
// Command line: npx tsx db/seed.ts [--reset] [--today=YYYY-MM-DD]

function describeTarget(): string {
  if (!env.databaseUrl) return `the embedded database in ${env.dataDir}`;
  const url = new URL(env.databaseUrl);
  return `${url.host}${url.pathname}`;
}

function formatSummary(summary: SeedSummary, target: string, totalMs: number): string {
  const list = (counts: Record<string, number>) =>
    Object.entries(counts)
      .filter(([, n]) => n > 0)
      .map(([status, n]) => `${n} ${status}`)
      .join(", ");
  const s = summary;
  const listingTotal = Object.values(s.listings).reduce((a, b) => a + b, 0);
  const bookingTotal = Object.values(s.bookings).reduce((a, b) => a + b, 0);
  return (
    `Seeded ${target} with the demo marketplace for ${s.today}: ` +
    `${s.organizations.miner + s.organizations.buyer} organizations (${s.organizations.miner} miner, ${s.organizations.buyer} buyer, ${s.organizations.suspended} suspended), ` +
    `${s.users} users, ${s.sites} sites in ${s.countries} countries (${s.verifiedSites} verified), ` +
    `${listingTotal} listings (${list(s.listings)}), ${bookingTotal} bookings (${list(s.bookings)}), ` +
    `${s.bookingTransitions} booking transitions, ${s.payments} payments, ${s.ledgerEntries} ledger entries, ` +
    `${s.messageThreads} message threads with ${s.messages} messages, ${s.reports} reports and ${s.auditLog} audit-log rows, ` +
    `in ${s.elapsedMs} ms (${totalMs} ms with migrations). ` +
    `Sign in as admin@, miner@, miner2@, buyer@ or buyer2@substation.test with the password "${DEMO_PASSWORD}".`
  );
}

async function main(args: string[]): Promise<number> {
  const unknown = args.filter((arg) => arg !== "--reset" && !arg.startsWith("--today="));
  if (unknown.length > 0) {
    console.error(`Unknown argument ${unknown.join(" ")}. Usage: npx tsx db/seed.ts [--reset] [--today=YYYY-MM-DD]`);
    return 1;
  }
  // A fixed day makes the rows reproducible (demos, screenshots, comparing two runs).
  const today = args.find((arg) => arg.startsWith("--today="))?.slice("--today=".length);
  if (today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(today)) {
    console.error("--today must be a day as YYYY-MM-DD.");
    return 1;
  }
  if (env.isProduction) {
    console.error("Refusing to seed: NODE_ENV is production. The demo data is for development and tests only.");
    return 1;
  }
  const reset = args.includes("--reset");
  const target = describeTarget();
  const started = Date.now();
  if (reset) {
    console.log(`Resetting ${target}: dropping every table and migrating again…`);
    await resetDatabase();
  } else {
    await migrateDatabase();
  }
  const handle = await openDatabase();
  try {
    if (!(await isDatabaseEmpty(handle.db))) {
      console.error(
        `Refusing to seed: ${target} already holds data, and the seed only fills an empty database. ` +
          "To delete everything in it and seed again, run: npx tsx db/seed.ts --reset (or npm run db:seed -- --reset).",
      );
      return 1;
    }
    const summary = await seedDatabase(handle.db, { today });
    console.log(formatSummary(summary, target, Date.now() - started));
    return 0;
  } finally {
    await handle.close();
  }
}

const entry = process.argv[1];
if (entry && import.meta.url === pathToFileURL(path.resolve(entry)).href) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error("Seeding failed:", error);
      process.exitCode = 1;
    },
  );
}
