// Who may open the test provider's checkout: only in test mode, only the booking's buyer
// organization. Everyone else gets null (a 404), so a payment id reveals nothing.
import "server-only";
import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db";
import { isUuid } from "@/lib/ids";
import { getBookingForViewer } from "./bookings";
import { payments } from "@/db/schema";
import type { Actor } from "@/lib/auth/policy";
import { AppError } from "@/lib/errors";
import { isTestMode } from "@/lib/payments";

async function bookingIdOfTestPayment(db: Executor, paymentId: string): Promise<string | null> {
  if (!isUuid(paymentId)) return null;
  const [row] = await db
    .select({ bookingId: payments.bookingId })
    .from(payments)
    .where(and(eq(payments.id, paymentId), eq(payments.provider, "test")));
  return row?.bookingId ?? null;
}

export async function testCheckoutFor(db: Executor, actor: Actor, paymentId: string) {
  if (!isTestMode() || actor.role !== "buyer") return null;
  const bookingId = await bookingIdOfTestPayment(db, paymentId);
  if (!bookingId) return null;
  try {
    const booking = await getBookingForViewer(db, actor, bookingId);
    return booking.role === "buyer" && booking.payment?.id === paymentId ? booking : null;
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") return null;
    throw error;
  }
}
