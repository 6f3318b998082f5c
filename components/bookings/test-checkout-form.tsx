"use client";

import Link from "next/link";
import { useActionState } from "react";
import { authorizeTestPaymentAction } from "@/app/pay/test/[paymentId]/actions";
import { SubmitButton } from "@/components/forms/submit-button";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";

export function TestCheckoutForm({ paymentId, bookingId, amount }: { paymentId: string; bookingId: string; amount: string }) {
  const [state, formAction] = useActionState(authorizeTestPaymentAction, null);
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="paymentId" value={paymentId} />
      {state && !state.ok && <Alert tone="error">{state.error}</Alert>}
      <SubmitButton variant="accent" size="lg" pendingLabel="Authorizing…">
        Authorize deposit ({amount})
      </SubmitButton>
      <Link href={`/bookings/${bookingId}`} className={buttonClass({ variant: "ghost" }, "w-full")}>
        Cancel
      </Link>
    </form>
  );
}
