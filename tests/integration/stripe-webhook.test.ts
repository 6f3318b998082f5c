// The Stripe webhook through its route handler, with payloads signed by the SDK's own test
// helper and the real SDK talking to a local stand-in of Stripe. lib/env.ts reads the
// environment when first imported, so the app's modules are imported only after the
// Stripe settings are in place.
import { and, asc, eq, inArray } from "drizzle-orm";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { auditLog, bookingTransitions, bookings, ledgerEntries, paymentEvents, payments } from "@/db/schema";
import { startStripeStandIn, type StripeStandIn } from "../support/stripe-stand-in";

const SECRET = "whsec_substation_webhook_test";
type App = {
  POST: (request: Request) => Promise<Response>;
  reserve: typeof import("@/lib/bookings/reserve").reserve;
  actions: typeof import("@/db/queries/booking-actions");
  paymentProvider: typeof import("@/lib/payments").paymentProvider;
  publishedListing: typeof import("../support/bookings").publishedListing;
  window: typeof import("../support/bookings").window;
  makeAccount: typeof import("../support/fixtures").makeAccount;
  testDb: typeof import("../support/db").testDb;
};

let stripe: StripeStandIn;
let app: App;

async function importApp(): Promise<App> {
  vi.resetModules();
  const [route, reserveModule, actions, payments, bookingsSupport, fixtures, db] = await Promise.all([
    import("@/app/api/stripe/webhook/route"),
    import("@/lib/bookings/reserve"),
    import("@/db/queries/booking-actions"),
    import("@/lib/payments"),
    import("../support/bookings"),
    import("../support/fixtures"),
    import("../support/db"),
  ]);
  return { POST: route.POST, reserve: reserveModule.reserve, actions, paymentProvider: payments.paymentProvider, publishedListing: bookingsSupport.publishedListing, window: bookingsSupport.window, makeAccount: fixtures.makeAccount, testDb: db.testDb };
}

beforeAll(async () => {
  stripe = await startStripeStandIn();
  vi.stubEnv("STRIPE_SECRET_KEY", "sk_test_substation");
  vi.stubEnv("STRIPE_WEBHOOK_SECRET", SECRET);
  vi.stubEnv("STRIPE_API_URL", stripe.url);
  vi.stubEnv("APP_URL", "http://127.0.0.1:3000");
  app = await importApp();
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await stripe?.close();
});

type StripeEventJson = ReturnType<StripeStandIn["event"]>;

function signedRequest(event: StripeEventJson | string, options: { secret?: string; timestamp?: number; header?: string | null; tamper?: (payload: string) => string } = {}) {
  const payload = typeof event === "string" ? event : JSON.stringify(event);
  const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: options.secret ?? SECRET, timestamp: options.timestamp });
  const headers: Record<string, string> = { "content-type": "application/json" };
  const header = options.header === undefined ? signature : options.header;
  if (header !== null) headers["stripe-signature"] = header;
  return new Request("http://127.0.0.1:3000/api/stripe/webhook", { method: "POST", headers, body: options.tamper ? options.tamper(payload) : payload });
}

async function deliver(event: StripeEventJson, options?: Parameters<typeof signedRequest>[1]) {
  const response = await app.POST(signedRequest(event, options));
  return { status: response.status, body: (await response.json()) as { received?: boolean; outcome?: string; error?: { code: string; message: string } } };
}

let shared: Awaited<ReturnType<App["publishedListing"]>> | undefined;
let offset = 0;

/** A reservation through the real flow: our rows, then a Checkout Session created at the stand-in. */
async function reservation() {
  shared ??= await app.publishedListing();
  const { listing, miner } = shared;
  const buyer = await app.makeAccount("buyer");
  // Distinct windows keep every booking of this file within the listing's capacity.
  const booking = await app.reserve(buyer.db, { ...buyer.actor, email: buyer.user.email }, { listingId: listing.id, kw: 10, ...app.window(listing.availableFrom, offset++ % 300, 40) }, { appUrl: "http://127.0.0.1:3000" });
  const [payment] = await buyer.db.select({ id: payments.id, provider: payments.provider, checkoutSessionId: payments.checkoutSessionId }).from(payments).where(eq(payments.bookingId, booking.id));
  return { db: buyer.db, miner, bookingId: booking.id, paymentId: payment!.id, provider: payment!.provider, sessionId: payment!.checkoutSessionId! };
}

/** Everything an event can write about one booking, in a form that does not depend on timing. */
async function snapshot(db: Awaited<ReturnType<App["testDb"]>>, bookingId: string, paymentId: string, eventIds: string[]) {
  const [[booking], [payment], transitions, ledger, audits, events] = await Promise.all([
    db.select({ status: bookings.status }).from(bookings).where(eq(bookings.id, bookingId)),
    db.select({ status: payments.status, paymentIntentId: payments.paymentIntentId }).from(payments).where(eq(payments.id, paymentId)),
    db.select({ from: bookingTransitions.fromStatus, to: bookingTransitions.toStatus }).from(bookingTransitions).where(eq(bookingTransitions.bookingId, bookingId)).orderBy(asc(bookingTransitions.id)),
    db.select({ type: ledgerEntries.type, amountCents: ledgerEntries.amountCents }).from(ledgerEntries).where(eq(ledgerEntries.bookingId, bookingId)),
    db.select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.targetType, "payment"), eq(auditLog.targetId, paymentId))),
    eventIds.length ? db.select({ id: paymentEvents.id }).from(paymentEvents).where(inArray(paymentEvents.id, eventIds)) : Promise.resolve([]),
  ]);
  return {
    booking: booking!.status,
    payment: payment!.status,
    paymentIntentId: payment!.paymentIntentId,
    transitions: transitions.map((t) => `${t.from ?? "∅"}→${t.to}`),
    ledger: ledger.map((l) => `${l.type}:${l.amountCents}`).sort(),
    audits: audits.map((a) => a.action).sort(),
    recordedEvents: events.length,
  };
}

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

describe("the Stripe webhook", () => {
  it("creates Stripe payments when Stripe is configured", async () => {
    const { provider, sessionId } = await reservation();
    expect(provider).toBe("stripe");
    expect(sessionId).toMatch(/^cs_test_/);
  });

  it("maps each event type it listens to and applies it", async () => {
    // checkout.session.completed: the card is authorized, the request goes to the miner.
    const a = await reservation();
    const paidA = stripe.pay(a.sessionId);
    expect(await deliver(stripe.event("checkout.session.completed", a.sessionId))).toEqual({ status: 200, body: { received: true, outcome: "processed" } });
    expect(await snapshot(a.db, a.bookingId, a.paymentId, [])).toMatchObject({ booking: "awaiting_provider", payment: "authorized", paymentIntentId: paidA.paymentIntentId });

    // payment_intent.amount_capturable_updated alone authorizes too; the other source is then a no-op.
    const b = await reservation();
    const paidB = stripe.pay(b.sessionId);
    expect((await deliver(stripe.event("payment_intent.amount_capturable_updated", paidB.paymentIntentId))).body.outcome).toBe("processed");
    expect((await deliver(stripe.event("checkout.session.completed", b.sessionId))).body.outcome).toBe("no_effect");
    expect(await snapshot(b.db, b.bookingId, b.paymentId, [])).toMatchObject({ booking: "awaiting_provider", payment: "authorized", ledger: [expect.stringMatching(/^deposit_authorized:/)] });

    // payment_intent.succeeded: captured (here as if from the dashboard) with the fee split.
    stripe.capture(paidB.paymentIntentId);
    expect((await deliver(stripe.event("payment_intent.succeeded", paidB.paymentIntentId))).body.outcome).toBe("processed");
    expect((await snapshot(b.db, b.bookingId, b.paymentId, [])).payment).toBe("captured");

    // charge.refunded in full: refunded, and the booking with it. The charge carries no
    // payment id of ours: the route reads it from the PaymentIntent at the stand-in.
    stripe.refund(paidB.paymentIntentId);
    const lookupsBefore = stripe.requestsTo(`/v1/payment_intents/${paidB.paymentIntentId}`).length;
    expect((await deliver(stripe.event("charge.refunded", paidB.chargeId))).body.outcome).toBe("processed");
    expect(stripe.requestsTo(`/v1/payment_intents/${paidB.paymentIntentId}`).length).toBe(lookupsBefore + 1);
    expect(await snapshot(b.db, b.bookingId, b.paymentId, [])).toMatchObject({ booking: "refunded", payment: "refunded" });

    // payment_intent.canceled: the authorization is released and the request lapses.
    stripe.cancel(paidA.paymentIntentId);
    expect((await deliver(stripe.event("payment_intent.canceled", paidA.paymentIntentId))).body.outcome).toBe("processed");
    expect(await snapshot(a.db, a.bookingId, a.paymentId, [])).toMatchObject({ booking: "declined", payment: "released" });
    // Stripe also marks the released charge refunded; that is not a refund of a deposit.
    expect((await deliver(stripe.event("charge.refunded", paidA.chargeId))).body.outcome).toBe("ignored");

    // charge.dispute.created: the captured deposit is disputed.
    const c = await reservation();
    const paidC = stripe.pay(c.sessionId);
    await deliver(stripe.event("checkout.session.completed", c.sessionId));
    stripe.capture(paidC.paymentIntentId);
    await deliver(stripe.event("payment_intent.succeeded", paidC.paymentIntentId));
    const disputeId = stripe.dispute(paidC.paymentIntentId);
    expect((await deliver(stripe.event("charge.dispute.created", disputeId))).body.outcome).toBe("processed");
    const afterDispute = await snapshot(c.db, c.bookingId, c.paymentId, []);
    expect(afterDispute).toMatchObject({ payment: "disputed", audits: ["deposit.authorized", "deposit.captured", "deposit.disputed"] });

    // A partial refund leaves the deposit captured, and other event types are ignored.
    const d = await reservation();
    const paidD = stripe.pay(d.sessionId);
    await deliver(stripe.event("checkout.session.completed", d.sessionId));
    stripe.capture(paidD.paymentIntentId);
    await deliver(stripe.event("payment_intent.succeeded", paidD.paymentIntentId));
    stripe.refund(paidD.paymentIntentId, 100);
    expect((await deliver(stripe.event("charge.refunded", paidD.chargeId))).body.outcome).toBe("ignored");
    expect((await snapshot(d.db, d.bookingId, d.paymentId, [])).payment).toBe("captured");
    expect((await deliver(stripe.event("customer.created", paidD.chargeId))).body).toEqual({ received: true, outcome: "ignored" });
  });

  it("answers an event of a payment it does not know with 200, so Stripe stops sending it", async () => {
    const stranger = stripe.event("checkout.session.completed", (await reservation()).sessionId);
    const session = stranger.data.object as { metadata: Record<string, string>; payment_intent: string | null; id: string };
    Object.assign(session, { id: "cs_test_someone_else", metadata: {}, payment_intent: "pi_test_someone_else" });
    expect(await deliver(stranger)).toEqual({ status: 200, body: { received: true, outcome: "unknown_payment" } });
  });

  const lifecycles = {
    // Captured outside the miner's acceptance (e.g. in the dashboard): money moves, the request still waits.
    capture: {
      types: ["checkout.session.completed", "payment_intent.amount_capturable_updated", "payment_intent.succeeded"],
      end: { booking: "awaiting_provider", payment: "captured", transitions: ["∅→pending_deposit", "pending_deposit→awaiting_provider"], audits: ["deposit.authorized", "deposit.captured"], ledger: ["deposit_authorized", "deposit_captured", "miner_share", "platform_fee"] },
    },
    release: {
      types: ["checkout.session.completed", "payment_intent.amount_capturable_updated", "payment_intent.canceled"],
      end: { booking: "declined", payment: "released", transitions: ["∅→pending_deposit", "pending_deposit→awaiting_provider", "awaiting_provider→declined"], audits: ["deposit.authorized", "deposit.released"], ledger: ["deposit_authorized", "deposit_released"] },
    },
    refund: {
      types: ["checkout.session.completed", "payment_intent.amount_capturable_updated", "payment_intent.succeeded", "charge.refunded"],
      end: {
        booking: "refunded",
        payment: "refunded",
        transitions: ["∅→pending_deposit", "pending_deposit→awaiting_provider", "awaiting_provider→refunded"],
        audits: ["deposit.authorized", "deposit.captured", "deposit.refunded"],
        ledger: ["deposit_authorized", "deposit_captured", "deposit_refunded", "miner_share", "platform_fee"],
      },
    },
  } as const;

  /** A booking paid at the stand-in, and every event Stripe sends in its lifecycle, as Stripe would have sent them. */
  async function lifecycle(types: readonly string[]) {
    const r = await reservation();
    const paid = stripe.pay(r.sessionId);
    const events = new Map<string, StripeEventJson>();
    events.set("checkout.session.completed", stripe.event("checkout.session.completed", r.sessionId));
    events.set("payment_intent.amount_capturable_updated", stripe.event("payment_intent.amount_capturable_updated", paid.paymentIntentId));
    if (types.includes("payment_intent.canceled")) {
      stripe.cancel(paid.paymentIntentId);
      events.set("payment_intent.canceled", stripe.event("payment_intent.canceled", paid.paymentIntentId));
    }
    if (types.includes("payment_intent.succeeded")) {
      stripe.capture(paid.paymentIntentId);
      events.set("payment_intent.succeeded", stripe.event("payment_intent.succeeded", paid.paymentIntentId));
    }
    if (types.includes("charge.refunded")) {
      stripe.refund(paid.paymentIntentId);
      events.set("charge.refunded", stripe.event("charge.refunded", paid.chargeId));
    }
    return { ...r, events };
  }

  for (const [name, { types, end }] of Object.entries(lifecycles)) {
    it(`${name}: each event delivered five times at once, in every order, changes the booking once and ends the same`, async () => {
      const orders = permutations([...types]);
      const results = [];
      for (const order of orders) {
        const { db, bookingId, paymentId, events } = await lifecycle(types);
        const outcomes = new Map<string, string[]>();
        for (const type of order) {
          const event = events.get(type)!;
          const copies = await Promise.all(Array.from({ length: 5 }, () => deliver(event)));
          expect(copies.every((c) => c.status === 200 && c.body.received === true)).toBe(true);
          outcomes.set(type, copies.map((c) => c.body.outcome!));
        }
        for (const [type, seen] of outcomes) {
          // One copy did the work (or found nothing left to do); the other four were duplicates.
          expect(seen.filter((o) => o === "duplicate"), `${order.join(" → ")}: ${type}`).toHaveLength(4);
          expect(seen.filter((o) => o === "processed" || o === "no_effect"), `${order.join(" → ")}: ${type}`).toHaveLength(1);
        }
        const state = await snapshot(db, bookingId, paymentId, [...events.values()].map((e) => e.id));
        results.push({ order: order.join(" → "), ...state, ledger: state.ledger.map((l) => l.split(":")[0]) });
      }
      for (const result of results) {
        expect(result, result.order).toMatchObject({ ...end, ledger: [...end.ledger], transitions: [...end.transitions], audits: [...end.audits], recordedEvents: types.length });
      }
    });
  }

  it("applies a whole lifecycle delivered all at once, five copies of each event, exactly once", async () => {
    const { db, bookingId, paymentId, events } = await lifecycle(lifecycles.refund.types);
    const all = [...events.values()].flatMap((event) => Array.from({ length: 5 }, () => event));
    const answers = await Promise.all(all.map((event) => deliver(event)));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(answers.filter((a) => a.body.outcome === "duplicate")).toHaveLength(4 * events.size);
    const { end } = lifecycles.refund;
    const state = await snapshot(db, bookingId, paymentId, [...events.values()].map((e) => e.id));
    expect({ ...state, ledger: state.ledger.map((l) => l.split(":")[0]) }).toMatchObject({ ...end, ledger: [...end.ledger], transitions: [...end.transitions], audits: [...end.audits], recordedEvents: 4 });
  });

  it("after the miner accepts or declines, the event Stripe sends about it changes nothing", async () => {
    const ctx = { provider: await app.paymentProvider(), appUrl: "http://127.0.0.1:3000" };
    for (const answer of ["accept", "decline"] as const) {
      const r = await reservation();
      const paid = stripe.pay(r.sessionId);
      await deliver(stripe.event("checkout.session.completed", r.sessionId));
      if (answer === "accept") await app.actions.acceptBooking(r.db, r.miner.actor, r.bookingId, ctx);
      else await app.actions.declineBooking(r.db, r.miner.actor, r.bookingId, "No room", ctx);
      // The money moved at Stripe, through the SDK, with our key.
      const action = answer === "accept" ? "capture" : "cancel";
      expect(stripe.requestsTo(`/v1/payment_intents/${paid.paymentIntentId}/${action}`).map((q) => q.idempotencyKey)).toEqual([`substation-${answer === "accept" ? "capture" : "release"}-${r.paymentId}`]);
      const before = await snapshot(r.db, r.bookingId, r.paymentId, []);
      const type = answer === "accept" ? "payment_intent.succeeded" : "payment_intent.canceled";
      expect((await deliver(stripe.event(type, paid.paymentIntentId))).body.outcome).toBe("no_effect");
      expect(await snapshot(r.db, r.bookingId, r.paymentId, [])).toEqual(before);
      expect(before).toMatchObject(answer === "accept" ? { booking: "confirmed", payment: "captured" } : { booking: "declined", payment: "released" });
    }
  });

  describe("refuses what Stripe did not sign, and writes nothing", () => {
    async function refused(send: (event: StripeEventJson) => Request) {
      const r = await reservation();
      stripe.pay(r.sessionId);
      const event = stripe.event("checkout.session.completed", r.sessionId);
      const before = await snapshot(r.db, r.bookingId, r.paymentId, [event.id]);
      const requestsBefore = stripe.requests.length;
      const response = await app.POST(send(event));
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ error: { code: "validation_failed", message: expect.stringMatching(/signature/i) } });
      expect(await snapshot(r.db, r.bookingId, r.paymentId, [event.id])).toEqual(before);
      expect(before).toMatchObject({ booking: "pending_deposit", payment: "requires_payment", recordedEvents: 0 });
      expect(stripe.requests.length).toBe(requestsBefore);
      // The same event, properly signed, still goes through: nothing was recorded against its id.
      expect((await deliver(event)).body.outcome).toBe("processed");
    }

    it("a signature made with another secret", () => refused((event) => signedRequest(event, { secret: "whsec_not_ours" })));
    it("no Stripe-Signature header", () => refused((event) => signedRequest(event, { header: null })));
    it("a payload changed after signing", () => refused((event) => signedRequest(event, { tamper: (payload) => payload.replace('"livemode":false', '"livemode":true') })));
    it("a signature ten minutes old (outside the 5-minute tolerance)", () => refused((event) => signedRequest(event, { timestamp: Math.floor(Date.now() / 1000) - 600 })));
  });

  it("answers 500 and records nothing when Stripe cannot be reached, so that Stripe's retry applies the event", async () => {
    const { db, bookingId, paymentId, events } = await lifecycle(lifecycles.refund.types);
    for (const type of ["checkout.session.completed", "payment_intent.succeeded"]) await deliver(events.get(type)!);
    const refund = events.get("charge.refunded")!;
    stripe.failNext({ path: "/v1/payment_intents/" });
    const failed = await deliver(refund);
    expect(failed).toEqual({ status: 500, body: { error: { code: "internal_error", message: expect.any(String) } } });
    expect((await snapshot(db, bookingId, paymentId, [refund.id])).recordedEvents).toBe(0);
    expect((await deliver(refund)).body.outcome).toBe("processed");
    expect(await snapshot(db, bookingId, paymentId, [refund.id])).toMatchObject({ booking: "refunded", payment: "refunded", recordedEvents: 1 });
  });

  it("answers 404 when Stripe is not configured, and writes nothing", async () => {
    const r = await reservation();
    stripe.pay(r.sessionId);
    const event = stripe.event("checkout.session.completed", r.sessionId);
    vi.stubEnv("STRIPE_SECRET_KEY", "");
    vi.stubEnv("STRIPE_WEBHOOK_SECRET", "");
    try {
      vi.resetModules();
      const { POST } = await import("@/app/api/stripe/webhook/route");
      const response = await POST(signedRequest(event));
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ error: { code: "not_found" } });
      expect(await snapshot(r.db, r.bookingId, r.paymentId, [event.id])).toMatchObject({ booking: "pending_deposit", recordedEvents: 0 });
    } finally {
      vi.stubEnv("STRIPE_SECRET_KEY", "sk_test_substation");
      vi.stubEnv("STRIPE_WEBHOOK_SECRET", SECRET);
    }
  });
});
