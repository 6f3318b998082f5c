// The Stripe provider with the real `stripe` SDK, pointed at a local stand-in of Stripe:
// what it sends, the idempotency keys that keep a retry from moving money twice without
// letting a failure Stripe keeps under a key block the retries, and a refused capture
// rolling the miner's acceptance back.
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acceptBooking } from "@/db/queries/booking-actions";
import { createBooking } from "@/db/queries/bookings";
import { attachCheckout, processPaymentEvent } from "@/db/queries/payment-events";
import { auditLog, bookingTransitions, bookings, ledgerEntries, outboxEmails, payments } from "@/db/schema";
import type { CheckoutRequest, PaymentProvider } from "@/lib/payments/provider";
import { createStripeProvider } from "@/lib/payments/stripe-provider";
import { publishedListing, window } from "../support/bookings";
import { makeAccount } from "../support/fixtures";
import { startStripeStandIn, type StripeStandIn } from "../support/stripe-stand-in";

let stripe: StripeStandIn;
let provider: PaymentProvider;
const appUrl = "http://127.0.0.1:3000";

beforeAll(async () => {
  stripe = await startStripeStandIn();
  provider = createStripeProvider("sk_test_substation", stripe.url);
});
afterAll(() => stripe?.close());

async function reservation(kw = 40) {
  const { miner, listing } = await publishedListing();
  const buyer = await makeAccount("buyer");
  const booking = await createBooking(buyer.db, buyer.actor, { listingId: listing.id, kw, ...window(listing.availableFrom, 0, 45) });
  const request: CheckoutRequest = {
    paymentId: booking.paymentId,
    bookingId: booking.id,
    amountCents: booking.depositCents,
    currency: "usd",
    description: `Deposit for booking ${booking.id.slice(0, 8)}`,
    customerEmail: buyer.user.email,
    successUrl: `${appUrl}/bookings/${booking.id}?paid=1`,
    cancelUrl: `${appUrl}/bookings/${booking.id}`,
    expiresAt: booking.expiresAt,
  };
  return { miner, buyer, booking, request };
}

/** A reservation the buyer has paid at the stand-in, with the authorization recorded. */
async function authorizedReservation() {
  const r = await reservation();
  const checkout = await provider.createDepositCheckout(r.request);
  await attachCheckout(r.buyer.db, r.booking.paymentId, checkout);
  const paid = stripe.pay(checkout.checkoutSessionId);
  const outcome = await processPaymentEvent(
    r.buyer.db,
    { id: `evt_test_auth_${r.booking.id}`, provider: "stripe", providerType: "checkout.session.completed", kind: "authorized", paymentId: r.booking.paymentId, checkoutSessionId: checkout.checkoutSessionId, paymentIntentId: paid.paymentIntentId },
    { provider, appUrl },
  );
  expect(outcome).toBe("processed");
  return { ...r, ...paid };
}

describe("the Stripe provider through the real SDK", () => {
  it("creates a payment-mode Checkout with manual capture, the deposit in cents, our ids and the key substation-checkout-<paymentId>", async () => {
    const { booking, request } = await reservation(40);
    const checkout = await provider.createDepositCheckout(request);
    expect(checkout.checkoutSessionId).toMatch(/^cs_test_/);
    expect(checkout.url).toBe(`https://checkout.stripe.com/c/pay/${checkout.checkoutSessionId}`);

    const [sent] = stripe.requestsTo("/v1/checkout/sessions").slice(-1);
    expect(sent).toMatchObject({ method: "POST", idempotencyKey: `substation-checkout-${booking.paymentId}`, replayed: false });
    // 40 kW × $120 a kW-month × 20 % = $960.00, sent as integer cents.
    expect(booking.depositCents).toBe(96_000);
    expect(sent!.form).toMatchObject({
      mode: "payment",
      "payment_intent_data[capture_method]": "manual",
      "line_items[0][quantity]": "1",
      "line_items[0][price_data][currency]": "usd",
      "line_items[0][price_data][unit_amount]": "96000",
      "metadata[paymentId]": booking.paymentId,
      "metadata[bookingId]": booking.id,
      "payment_intent_data[metadata][paymentId]": booking.paymentId,
      "payment_intent_data[metadata][bookingId]": booking.id,
      client_reference_id: booking.id,
      customer_email: request.customerEmail,
      success_url: request.successUrl,
    });
    // Stripe refuses sessions that expire in under 30 minutes; the hold is exactly 30.
    expect(Number(sent!.form.expires_at) * 1000 - Date.now()).toBeGreaterThan(30 * 60_000);
  });

  it("a retried checkout with the same key gets the same session and creates no second one", async () => {
    const { request } = await reservation();
    const sessionsBefore = stripe.sessions.size;
    const [first, second] = [await provider.createDepositCheckout(request), await provider.createDepositCheckout(request)];
    expect(second).toEqual(first);
    expect(stripe.sessions.size).toBe(sessionsBefore + 1);
    const keyed = stripe.requests.filter((r) => r.idempotencyKey === `substation-checkout-${request.paymentId}`);
    expect(keyed.map((r) => r.replayed)).toEqual([false, true]);
  });

  it("capture, release and refund send their keys, and a retry moves no money twice", async () => {
    const captured = await authorizedReservation();
    const captureKey = `substation-capture-${captured.booking.paymentId}`;
    await provider.capture(captured.paymentIntentId, captureKey);
    // Capturing a captured PaymentIntent again would be an error at Stripe; the key makes the retry a replay.
    await provider.capture(captured.paymentIntentId, captureKey);
    expect(stripe.requestsTo(`/v1/payment_intents/${captured.paymentIntentId}/capture`).map((r) => [r.idempotencyKey, r.replayed])).toEqual([
      [captureKey, false],
      [captureKey, true],
    ]);
    expect(stripe.intents.get(captured.paymentIntentId)).toMatchObject({ status: "succeeded", amount_received: captured.booking.depositCents });

    const refundKey = `substation-refund-${captured.booking.paymentId}`;
    const refundsBefore = stripe.refunds.size;
    await provider.refund(captured.paymentIntentId, captured.booking.depositCents, refundKey);
    await provider.refund(captured.paymentIntentId, captured.booking.depositCents, refundKey);
    const refundRequests = stripe.requestsTo("/v1/refunds").filter((r) => r.form.payment_intent === captured.paymentIntentId);
    expect(refundRequests.map((r) => [r.idempotencyKey, r.form.amount, r.replayed])).toEqual([
      [refundKey, String(captured.booking.depositCents), false],
      [refundKey, String(captured.booking.depositCents), true],
    ]);
    expect(stripe.refunds.size).toBe(refundsBefore + 1);
    expect(stripe.charges.get(captured.chargeId)).toMatchObject({ refunded: true, amount_refunded: captured.booking.depositCents });

    const released = await authorizedReservation();
    const releaseKey = `substation-release-${released.booking.paymentId}`;
    await provider.release(released.paymentIntentId, releaseKey);
    await provider.release(released.paymentIntentId, releaseKey);
    expect(stripe.requestsTo(`/v1/payment_intents/${released.paymentIntentId}/cancel`).map((r) => [r.idempotencyKey, r.replayed])).toEqual([
      [releaseKey, false],
      [releaseKey, true],
    ]);
    expect(stripe.intents.get(released.paymentIntentId)?.status).toBe("canceled");
  });

  it("a key reused with other parameters is refused, as Stripe does", async () => {
    const { request } = await reservation();
    await provider.createDepositCheckout(request);
    await expect(provider.createDepositCheckout({ ...request, amountCents: request.amountCents + 1 })).rejects.toMatchObject({ type: "StripeIdempotencyError" });
  });

  it("a capture Stripe refuses rolls the acceptance back: the booking stays awaiting_provider and nothing is written", async () => {
    const { miner, buyer, booking, paymentIntentId } = await authorizedReservation();
    const db = buyer.db;
    const parties = [buyer.user.email, miner.user.email];
    const state = async () => {
      const [[row], [payment], transitions, ledger, audits, mails] = await Promise.all([
        db.select({ status: bookings.status }).from(bookings).where(eq(bookings.id, booking.id)),
        db.select({ status: payments.status }).from(payments).where(eq(payments.id, booking.paymentId)),
        db.select({ id: bookingTransitions.id }).from(bookingTransitions).where(eq(bookingTransitions.bookingId, booking.id)),
        db.select({ id: ledgerEntries.id }).from(ledgerEntries).where(eq(ledgerEntries.bookingId, booking.id)),
        db.select({ id: auditLog.id }).from(auditLog).where(and(eq(auditLog.targetType, "payment"), eq(auditLog.targetId, booking.paymentId))),
        db.select({ id: outboxEmails.id }).from(outboxEmails).where(inArray(outboxEmails.toAddress, parties)),
      ]);
      return { booking: row!.status, payment: payment!.status, transitions: transitions.length, ledger: ledger.length, audits: audits.length, mails: mails.length };
    };
    const before = await state();
    expect(before).toMatchObject({ booking: "awaiting_provider", payment: "authorized" });

    stripe.failNext({ path: "/capture", status: 400, type: "invalid_request_error", code: "charge_expired_for_capture", message: "This charge has expired for capture." });
    await expect(acceptBooking(miner.db, miner.actor, booking.id, { provider, appUrl })).rejects.toMatchObject({ type: "StripeInvalidRequestError" });
    expect(await state()).toEqual(before);
    expect(stripe.intents.get(paymentIntentId)?.status).toBe("requires_capture");

    // Once Stripe captures, the same acceptance goes through, with the same key.
    const accepted = await acceptBooking(miner.db, miner.actor, booking.id, { provider, appUrl });
    expect(accepted.status).toBe("confirmed");
    expect(await state()).toMatchObject({ booking: "confirmed", payment: "captured", transitions: before.transitions + 1, ledger: before.ledger + 3, audits: before.audits + 1 });
    expect(new Set(stripe.requestsTo(`/v1/payment_intents/${paymentIntentId}/capture`).map((r) => r.idempotencyKey))).toEqual(new Set([`substation-capture-${booking.paymentId}`]));
    expect(stripe.intents.get(paymentIntentId)?.status).toBe("succeeded");
  });

  it("a failure Stripe keeps under the key does not block the retry: the work, found undone, runs once under a fresh key", async () => {
    // Stripe replays a kept failure to every retry under the key for 24 hours.
    const { miner, booking, paymentIntentId, chargeId } = await authorizedReservation();
    const captureKey = `substation-capture-${booking.paymentId}`;
    const keyed = (key: string) => (r: { idempotencyKey: string | null; replayed: boolean }) => [r.idempotencyKey === key ? "key" : r.idempotencyKey?.startsWith(`${key}-retry-`) ? "fresh key" : r.idempotencyKey, r.replayed];

    stripe.failNext({ path: "/capture", kept: true });
    await expect(acceptBooking(miner.db, miner.actor, booking.id, { provider, appUrl })).rejects.toMatchObject({ type: "StripeAPIError" });
    expect((await acceptBooking(miner.db, miner.actor, booking.id, { provider, appUrl })).status).toBe("confirmed");
    expect(stripe.intents.get(paymentIntentId)?.status).toBe("succeeded");
    // A later retry under the key gets the old failure again, and the PaymentIntent shows the capture done: nothing more is sent.
    await provider.capture(paymentIntentId, captureKey);
    expect(stripe.requestsTo(`/v1/payment_intents/${paymentIntentId}/capture`).map(keyed(captureKey))).toEqual([
      ["key", false],
      ["key", true],
      ["fresh key", false],
      ["key", true],
    ]);

    const refundKey = `substation-refund-${booking.paymentId}`;
    const refundsBefore = stripe.refunds.size;
    stripe.failNext({ path: "/v1/refunds", kept: true });
    await expect(provider.refund(paymentIntentId, booking.depositCents, refundKey)).rejects.toMatchObject({ type: "StripeAPIError" });
    await provider.refund(paymentIntentId, booking.depositCents, refundKey);
    await provider.refund(paymentIntentId, booking.depositCents, refundKey);
    expect(stripe.requestsTo("/v1/refunds").filter((r) => r.form.payment_intent === paymentIntentId).map(keyed(refundKey))).toEqual([
      ["key", false],
      ["key", true],
      ["fresh key", false],
      ["key", true],
    ]);
    expect(stripe.refunds.size, "refunded once").toBe(refundsBefore + 1);
    expect(stripe.charges.get(chargeId)).toMatchObject({ refunded: true, amount_refunded: booking.depositCents });

    const released = await authorizedReservation();
    const releaseKey = `substation-release-${released.booking.paymentId}`;
    stripe.failNext({ path: "/cancel", kept: true });
    await expect(provider.release(released.paymentIntentId, releaseKey)).rejects.toMatchObject({ type: "StripeAPIError" });
    await provider.release(released.paymentIntentId, releaseKey);
    await provider.release(released.paymentIntentId, releaseKey);
    expect(stripe.requestsTo(`/v1/payment_intents/${released.paymentIntentId}/cancel`).map(keyed(releaseKey))).toEqual([
      ["key", false],
      ["key", true],
      ["fresh key", false],
      ["key", true],
    ]);
    expect(stripe.intents.get(released.paymentIntentId)?.status).toBe("canceled");
  });
});
