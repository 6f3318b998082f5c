"use client";

import { useEffect, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Loader2, RefreshCw } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

const EVERY_MS = 2_000;
const TRIES = 30;

/**
 * Back from checkout before the provider's notice arrived: the booking changes only when the
 * provider reports the payment, so the page looks again for a minute, then leaves it to the user.
 */
export function PaymentPending() {
  const router = useRouter();
  const [tries, setTries] = useState(0);
  const [pending, startTransition] = useTransition();

  useEffect(() => {
    if (tries >= TRIES) return;
    const timer = setTimeout(() => {
      startTransition(() => router.refresh());
      setTries((n) => n + 1);
    }, EVERY_MS);
    return () => clearTimeout(timer);
  }, [tries, router]);

  return (
    <Alert tone="info" title="Waiting for the payment provider…">
      <p>Your payment went through at checkout; the booking moves on as soon as the provider confirms it, usually within seconds.</p>
      <Button variant="secondary" size="sm" className="mt-3" disabled={pending} onClick={() => startTransition(() => router.refresh())}>
        {pending ? <Loader2 className="h-4 w-4 animate-spin" aria-hidden="true" /> : <RefreshCw className="h-4 w-4" aria-hidden="true" />}
        Refresh
      </Button>
    </Alert>
  );
}
