// Money movements of a deposit: the payment row, the ledger (signed from the platform's
// side: + held or earned, − paid out or returned) and the audit log, written together.
import "server-only";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db";
import { auditLog, ledgerEntries, payments } from "@/db/schema";
import { splitCapture } from "@/lib/domain/pricing";

export type PaymentRow = {
  id: string;
  bookingId: string;
  status: "requires_payment" | "authorized" | "captured" | "released" | "refunded" | "failed" | "disputed";
  provider: "stripe" | "test";
  amountCents: number;
  paymentIntentId: string | null;
};

export async function paymentOf(db: Executor, bookingId: string): Promise<PaymentRow | null> {
  const [row] = await db
    .select({ id: payments.id, bookingId: payments.bookingId, status: payments.status, provider: payments.provider, amountCents: payments.amountCents, paymentIntentId: payments.paymentIntentId })
    .from(payments)
    .where(eq(payments.bookingId, bookingId))
    .for("update");
  return row ?? null;
}

type Parties = { buyerOrganizationId: string; minerOrganizationId: string };

async function audit(db: Executor, action: string, payment: PaymentRow, parties: Parties, actorUserId: string | null, data: Record<string, unknown> = {}, at = new Date()) {
  await db.insert(auditLog).values({
    actorUserId,
    action,
    targetType: "payment",
    targetId: payment.id,
    organizationId: parties.buyerOrganizationId,
    data: { bookingId: payment.bookingId, amountCents: payment.amountCents, currency: "usd", provider: payment.provider, ...data },
    createdAt: at,
  });
}

export async function recordAuthorized(db: Executor, payment: PaymentRow, parties: Parties, paymentIntentId: string, at = new Date()) {
  await db.update(payments).set({ status: "authorized", paymentIntentId, authorizedAt: at, updatedAt: at }).where(eq(payments.id, payment.id));
  await db.insert(ledgerEntries).values({ bookingId: payment.bookingId, paymentId: payment.id, organizationId: parties.buyerOrganizationId, type: "deposit_authorized", amountCents: payment.amountCents, createdAt: at });
  await audit(db, "deposit.authorized", payment, parties, null, { paymentIntentId }, at);
}

export async function recordCaptured(db: Executor, payment: PaymentRow, parties: Parties, feeBps: number, actorUserId: string | null, at = new Date()) {
  const { feeCents, minerShareCents } = splitCapture(payment.amountCents, feeBps);
  await db.update(payments).set({ status: "captured", capturedAt: at, updatedAt: at }).where(eq(payments.id, payment.id));
  await db.insert(ledgerEntries).values([
    { bookingId: payment.bookingId, paymentId: payment.id, organizationId: parties.buyerOrganizationId, type: "deposit_captured", amountCents: payment.amountCents, createdAt: at },
    { bookingId: payment.bookingId, paymentId: payment.id, organizationId: null, type: "platform_fee", amountCents: feeCents, createdAt: at },
    { bookingId: payment.bookingId, paymentId: payment.id, organizationId: parties.minerOrganizationId, type: "miner_share", amountCents: -minerShareCents, createdAt: at },
  ]);
  await audit(db, "deposit.captured", payment, parties, actorUserId, { platformFeeCents: feeCents, minerShareCents }, at);
}

export async function recordReleased(db: Executor, payment: PaymentRow, parties: Parties, actorUserId: string | null, reason: string, at = new Date()) {
  await db.update(payments).set({ status: "released", releasedAt: at, updatedAt: at }).where(eq(payments.id, payment.id));
  await db.insert(ledgerEntries).values({ bookingId: payment.bookingId, paymentId: payment.id, organizationId: parties.buyerOrganizationId, type: "deposit_released", amountCents: -payment.amountCents, createdAt: at });
  await audit(db, "deposit.released", payment, parties, actorUserId, { reason }, at);
}

export async function recordRefunded(db: Executor, payment: PaymentRow, parties: Parties, actorUserId: string | null, reason: string, at = new Date()) {
  await db.update(payments).set({ status: "refunded", refundedAt: at, updatedAt: at }).where(eq(payments.id, payment.id));
  await db.insert(ledgerEntries).values({ bookingId: payment.bookingId, paymentId: payment.id, organizationId: parties.buyerOrganizationId, type: "deposit_refunded", amountCents: -payment.amountCents, createdAt: at });
  await audit(db, "deposit.refunded", payment, parties, actorUserId, { reason }, at);
}

export async function recordDisputed(db: Executor, payment: PaymentRow, parties: Parties, disputeId: string, at = new Date()) {
  await db.update(payments).set({ status: "disputed", updatedAt: at }).where(eq(payments.id, payment.id));
  await db.insert(ledgerEntries).values({ bookingId: payment.bookingId, paymentId: payment.id, organizationId: parties.buyerOrganizationId, type: "dispute", amountCents: 0, createdAt: at });
  await audit(db, "deposit.disputed", payment, parties, null, { disputeId }, at);
}
