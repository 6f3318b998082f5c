// A stand-in for the few Stripe endpoints Substation calls, on loopback, for the real
// `stripe` SDK to talk to in tests (no stripe-mock exists offline). Objects live in
// memory; a repeated Idempotency-Key gets the first answer again, as at Stripe; the next
// call can be made to fail; and the customer's side (paying, disputing) is simulated with
// the events Stripe would send, built from the objects as they are at that moment.
import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";

type Json = Record<string, unknown>;
type Session = Json & { id: string; status: string; payment_intent: string | null; amount_total: number; currency: string; metadata: Json };
type Intent = Json & { id: string; status: string; amount: number; amount_capturable: number; amount_received: number; latest_charge: string; metadata: Json };
type Charge = Json & { id: string; amount: number; amount_captured: number; amount_refunded: number; captured: boolean; refunded: boolean; payment_intent: string };

export type RecordedRequest = { method: string; path: string; idempotencyKey: string | null; form: Record<string, string>; replayed: boolean };
type Failure = { status: number; type: string; code?: string; message: string; path?: string; kept?: boolean };
type Answer = { status: number; body: Json };

export type StripeStandIn = Awaited<ReturnType<typeof startStripeStandIn>>;

const newId = (prefix: string) => `${prefix}_test_${randomBytes(12).toString("hex")}`;

/** Stripe's form encoding (a[b][0][c]=v) back into nested objects; lists stay keyed "0", "1"… */
function decodeForm(raw: string): Json {
  const root: Json = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    const parts = key.replace(/\]/g, "").split("[");
    let node = root;
    parts.forEach((part, i) => {
      if (i === parts.length - 1) node[part] = value;
      else node = (node[part] ??= {}) as Json;
    });
  }
  return root;
}

const error = (status: number, type: string, message: string, code?: string): Answer => ({ status, body: { error: { type, message, ...(code ? { code } : {}) } } });
const missing = (kind: string, id: string) => error(404, "invalid_request_error", `No such ${kind}: '${id}'`, "resource_missing");
const unexpectedState = (intent: Intent, action: string) =>
  error(400, "invalid_request_error", `You cannot ${action} this PaymentIntent because it has a status of ${intent.status}.`, "payment_intent_unexpected_state");

export async function startStripeStandIn() {
  const sessions = new Map<string, Session>();
  const intents = new Map<string, Intent>();
  const charges = new Map<string, Charge>();
  const refunds = new Map<string, Json & { id: string }>();
  const objects = new Map<string, Json>();
  /** What a session passes on to the PaymentIntent it creates when the customer pays. */
  const intentData = new Map<string, { captureMethod: string; metadata: Json }>();
  const answered = new Map<string, { path: string; raw: string; answer: Answer }>();
  const requests: RecordedRequest[] = [];
  let failure: Failure | null = null;

  const keep = <T extends Json & { id: string }>(map: Map<string, T>, object: T) => (map.set(object.id, object), objects.set(object.id, object), object);

  function createSession(form: Json): Answer {
    const item = (form.line_items as Json)?.["0"] as Json | undefined;
    const price = item?.price_data as Json | undefined;
    if (form.mode !== "payment" || !price) return error(400, "invalid_request_error", "Only payment-mode sessions with price_data are stood in for.");
    const id = newId("cs");
    const data = (form.payment_intent_data ?? {}) as Json;
    intentData.set(id, { captureMethod: String(data.capture_method ?? "automatic"), metadata: (data.metadata ?? {}) as Json });
    return {
      status: 200,
      body: keep(sessions, {
        id,
        object: "checkout.session",
        mode: "payment",
        status: "open",
        payment_status: "unpaid",
        payment_intent: null,
        url: `https://checkout.stripe.com/c/pay/${id}`,
        amount_total: Number(price.unit_amount) * Number(item!.quantity ?? 1),
        currency: String(price.currency),
        client_reference_id: form.client_reference_id ?? null,
        customer_email: form.customer_email ?? null,
        success_url: form.success_url,
        cancel_url: form.cancel_url,
        expires_at: Number(form.expires_at),
        metadata: (form.metadata ?? {}) as Json,
      }),
    };
  }

  function capture(id: string): Answer {
    const intent = intents.get(id);
    if (!intent) return missing("payment_intent", id);
    if (intent.status !== "requires_capture") return unexpectedState(intent, "capture");
    const charge = charges.get(intent.latest_charge)!;
    Object.assign(intent, { status: "succeeded", amount_received: intent.amount, amount_capturable: 0 });
    Object.assign(charge, { captured: true, amount_captured: charge.amount });
    return { status: 200, body: intent };
  }

  function cancel(id: string): Answer {
    const intent = intents.get(id);
    if (!intent) return missing("payment_intent", id);
    if (intent.status === "succeeded" || intent.status === "canceled") return unexpectedState(intent, "cancel");
    const charge = charges.get(intent.latest_charge)!;
    Object.assign(intent, { status: "canceled", amount_capturable: 0, canceled_at: Math.floor(Date.now() / 1000), cancellation_reason: "requested_by_customer" });
    // Stripe marks the uncaptured charge refunded when its authorization is released.
    Object.assign(charge, { refunded: true, amount_refunded: charge.amount });
    return { status: 200, body: intent };
  }

  function refund(form: Json): Answer {
    const id = String(form.payment_intent ?? "");
    const intent = intents.get(id);
    if (!intent) return missing("payment_intent", id);
    if (intent.status !== "succeeded") return error(400, "invalid_request_error", "This PaymentIntent has no successful charge to refund.", "charge_not_refundable");
    const charge = charges.get(intent.latest_charge)!;
    const amount = form.amount === undefined ? charge.amount - charge.amount_refunded : Number(form.amount);
    if (amount <= 0 || charge.amount_refunded + amount > charge.amount) return error(400, "invalid_request_error", "The refund exceeds what is left of the charge.", "charge_already_refunded");
    Object.assign(charge, { amount_refunded: charge.amount_refunded + amount, refunded: charge.amount_refunded + amount === charge.amount });
    return { status: 200, body: keep(refunds, { id: newId("re"), object: "refund", amount, charge: charge.id, payment_intent: id, currency: "usd", status: "succeeded" }) };
  }

  function answer(method: string, path: string, form: Json): Answer {
    const [, version, resource, id, action] = path.split("/");
    if (version !== "v1") return error(404, "invalid_request_error", `Unrecognized request URL (${method}: ${path}).`);
    if (method === "POST" && resource === "checkout" && id === "sessions" && !action) return createSession(form);
    if (method === "GET" && resource === "checkout" && id === "sessions" && action) return sessions.has(action) ? { status: 200, body: sessions.get(action)! } : missing("checkout.session", action);
    if (method === "GET" && resource === "payment_intents" && id && !action) return intents.has(id) ? { status: 200, body: intents.get(id)! } : missing("payment_intent", id);
    if (method === "GET" && resource === "charges" && id && !action) return charges.has(id) ? { status: 200, body: charges.get(id)! } : missing("charge", id);
    if (method === "POST" && resource === "payment_intents" && id && action === "capture") return capture(id);
    if (method === "POST" && resource === "payment_intents" && id && action === "cancel") return cancel(id);
    if (method === "POST" && resource === "refunds" && !id) return refund(form);
    return error(404, "invalid_request_error", `Unrecognized request URL (${method}: ${path}).`);
  }

  const server = http.createServer(async (req, res) => {
    let raw = "";
    for await (const chunk of req) raw += chunk;
    const method = req.method ?? "GET";
    const path = new URL(req.url ?? "/", "http://127.0.0.1").pathname;
    const key = typeof req.headers["idempotency-key"] === "string" ? req.headers["idempotency-key"] : null;
    const record: RecordedRequest = { method, path, idempotencyKey: key, form: Object.fromEntries(new URLSearchParams(raw)), replayed: false };
    requests.push(record);

    let result: Answer;
    const earlier = method === "POST" && key ? answered.get(key) : undefined;
    if (failure && (!failure.path || path.includes(failure.path))) {
      result = error(failure.status, failure.type, failure.message, failure.code);
      if (failure.kept && method === "POST" && key) answered.set(key, { path, raw, answer: structuredClone(result) });
      failure = null;
    } else if (earlier && (earlier.path !== path || earlier.raw !== raw)) {
      result = error(400, "idempotency_error", `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}'.`);
    } else if (earlier) {
      record.replayed = true;
      result = earlier.answer;
    } else {
      result = answer(method, path, decodeForm(raw));
      // Stripe keeps the first answer of a keyed request that ran, errors included.
      if (method === "POST" && key) answered.set(key, { path, raw, answer: structuredClone(result) });
    }
    res.writeHead(result.status, { "content-type": "application/json", "request-id": newId("req"), ...(record.replayed ? { "idempotent-replayed": "true" } : {}) });
    res.end(JSON.stringify(result.body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const must = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`stripe stand-in: no ${what}`);
    return value;
  };
  const ok = (result: Answer) => {
    if (result.status !== 200) throw new Error(`stripe stand-in: ${JSON.stringify(result.body)}`);
    return result.body;
  };

  return {
    url,
    requests,
    sessions,
    intents,
    charges,
    refunds,
    /** Requests whose path contains `fragment` (e.g. "/capture"), in order. */
    requestsTo: (fragment: string) => requests.filter((r) => r.path.includes(fragment)),
    /**
     * The next request (to a path containing `path`, if given) fails with this Stripe error.
     * Like a request Stripe turned away before running it, the failure is not kept against
     * its Idempotency-Key, so a retry with the same key runs; unless `kept`: like a request
     * that failed once it had begun to run, a retry with the same key gets the failure again.
     */
    failNext(next: Partial<Failure> = {}) {
      failure = { status: 500, type: "api_error", message: "The stand-in was told to fail this request.", ...next };
    },
    /** The customer pays on Checkout: the card is authorized (manual capture), the session completes. */
    pay(sessionId: string): { paymentIntentId: string; chargeId: string } {
      const session = must(sessions.get(sessionId), `session ${sessionId}`);
      if (session.status !== "open") throw new Error(`stripe stand-in: session ${sessionId} is ${session.status}`);
      const paymentIntentId = newId("pi");
      const chargeId = newId("ch");
      const { captureMethod, metadata } = intentData.get(sessionId)!;
      const manual = captureMethod === "manual";
      const amount = session.amount_total;
      keep(charges, { id: chargeId, object: "charge", amount, amount_captured: manual ? 0 : amount, amount_refunded: 0, captured: !manual, refunded: false, paid: true, status: "succeeded", disputed: false, currency: session.currency, payment_intent: paymentIntentId, metadata: {} });
      keep(intents, {
        id: paymentIntentId,
        object: "payment_intent",
        amount,
        amount_capturable: manual ? amount : 0,
        amount_received: manual ? 0 : amount,
        capture_method: captureMethod,
        currency: session.currency,
        status: manual ? "requires_capture" : "succeeded",
        latest_charge: chargeId,
        metadata,
        canceled_at: null,
        cancellation_reason: null,
      });
      // An uncaptured payment leaves the session "unpaid": the funds are not ours yet.
      Object.assign(session, { status: "complete", payment_intent: paymentIntentId, payment_status: manual ? "unpaid" : "paid" });
      return { paymentIntentId, chargeId };
    },
    /** What the dashboard (or our own calls) would do, without going through the SDK. */
    capture: (paymentIntentId: string) => ok(capture(paymentIntentId)),
    cancel: (paymentIntentId: string) => ok(cancel(paymentIntentId)),
    refund: (paymentIntentId: string, amount?: number) => ok(refund({ payment_intent: paymentIntentId, ...(amount === undefined ? {} : { amount }) })),
    /** The buyer disputes the charge behind this PaymentIntent. */
    dispute(paymentIntentId: string): string {
      const intent = must(intents.get(paymentIntentId), `payment intent ${paymentIntentId}`);
      const charge = charges.get(intent.latest_charge)!;
      charge.disputed = true;
      const id = newId("dp");
      objects.set(id, { id, object: "dispute", amount: charge.amount, charge: charge.id, payment_intent: paymentIntentId, currency: "usd", reason: "fraudulent", status: "needs_response", metadata: {} });
      return id;
    },
    /** The event Stripe would send now about this object (a snapshot of it, as Stripe's events are). */
    event(type: string, objectId: string, options: { id?: string; created?: number } = {}) {
      const snapshot = structuredClone(must(objects.get(objectId), `object ${objectId}`));
      return {
        id: options.id ?? newId("evt"),
        object: "event",
        api_version: Stripe.API_VERSION,
        created: options.created ?? Math.floor(Date.now() / 1000),
        data: { object: snapshot },
        livemode: false,
        pending_webhooks: 1,
        request: { id: null, idempotency_key: null },
        type,
      };
    },
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
