"use client";

import Link from "next/link";
import { useActionState, useRef, useState, type FormEvent } from "react";
import { reserveAction } from "@/app/listings/[id]/actions";
import { SubmitButton } from "@/components/forms/submit-button";
import { formatDay } from "@/components/listings/format";
import { quoteReservation, type Quote, type QuoteListing } from "@/components/listings/reserve-quote";
import { Alert } from "@/components/ui/alert";
import { Button, ButtonLink } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { Span } from "@/lib/domain/availability";
import { daysBetween } from "@/lib/domain/days";
import { HOLD_MINUTES } from "@/lib/domain/booking-lifecycle";
import { formatCents, formatKw } from "@/lib/format";

export type ReserveViewer = "signed-out" | "buyer" | "owner" | "other";
type Values = { kw: string; start: string; end: string };

/** A fresh Idempotency-Key; getRandomValues also works where randomUUID does not (plain http). */
function newKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * The reservation form of a listing page. The quote (free kW, monthly, total, deposit) follows
 * every keystroke; a buyer reserves through the server action, which redirects to the
 * checkout. Everyone else sees the same figures and what they would need to reserve.
 */
export function ReserveForm({ listing, spans, initial, today, viewer }: { listing: QuoteListing & { id: string }; spans: Span[]; initial: Values; today: string; viewer: ReserveViewer }) {
  const [values, setValues] = useState(initial);
  // One key per set of values: submitting them again (a retry after a lost response) returns the same hold.
  const key = useRef<string | null>(null);
  const [state, formAction] = useActionState(reserveAction, null);
  const [showServer, setShowServer] = useState(true);
  const [showMissing, setShowMissing] = useState(false);
  const quote = quoteReservation(listing, spans, values, today);
  const failed = showServer && state && !state.ok ? state : null;
  const missingKw = showMissing && !values.kw.trim() ? "Enter the kW you need." : undefined;
  const errors = { ...quote.errors, ...(missingKw ? { kw: missingKw } : {}), ...failed?.fields };
  const buyer = viewer === "buyer";

  function change(name: keyof Values, value: string) {
    setValues((v) => ({ ...v, [name]: value }));
    setShowServer(false);
    key.current = null;
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const blocking = { ...quote.errors, ...(values.kw.trim() ? {} : { kw: "missing" }) };
    const first = (["kw", "start", "end"] as const).find((name) => blocking[name]);
    if (first) {
      event.preventDefault();
      setShowMissing(true);
      event.currentTarget.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
      return;
    }
    key.current ??= newKey();
    // React reads the form's fields after this handler, so the key set here is sent.
    const input = event.currentTarget.elements.namedItem("idempotencyKey");
    if (input instanceof HTMLInputElement) input.value = key.current;
    setShowServer(true);
  }

  const fields = (
    <>
      <Field
        label="Capacity you need (kW)"
        name="kw"
        inputMode="numeric"
        autoComplete="off"
        value={values.kw}
        onChange={(e) => change("kw", e.target.value)}
        placeholder={`Up to ${listing.capacityKw.toLocaleString("en-US")}`}
        error={errors.kw}
      />
      <div className="grid grid-cols-2 gap-3">
        <Field label="Start" name="start" type="date" min={quote.firstDay} max={listing.availableUntil} value={values.start} onChange={(e) => change("start", e.target.value)} error={errors.start} />
        <Field label="End" name="end" type="date" min={quote.firstDay} max={listing.availableUntil} value={values.end} onChange={(e) => change("end", e.target.value)} error={errors.end} />
      </div>
      <p className="text-xs text-slate-600">Dates are UTC days; the end date is the first day no longer booked.</p>
    </>
  );

  return (
    <div className="space-y-4">
      {buyer ? (
        <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-3">
          <input type="hidden" name="listingId" value={listing.id} />
          <input type="hidden" name="idempotencyKey" defaultValue="" />
          {fields}
          <QuoteFigures quote={quote} depositPercent={listing.depositPercent} />
          {failed && (
            <Alert tone="error" title={failed.error}>
              {failed.fields && Object.keys(failed.fields).length > 0 ? "See the highlighted field above." : null}
            </Alert>
          )}
          <SubmitButton variant="accent" pendingLabel="Reserving…">
            Reserve and pay deposit
          </SubmitButton>
          <p className="text-xs text-slate-600">
            The capacity is held for {HOLD_MINUTES} minutes while you pay. The deposit is authorized on your card and captured only if the miner accepts.
          </p>
        </form>
      ) : (
        // Without JavaScript the figures come back from the server, so the form still submits as a GET.
        <form method="get" action={`/listings/${listing.id}#reserve`} noValidate className="space-y-3">
          {fields}
          <QuoteFigures quote={quote} depositPercent={listing.depositPercent} />
          <Button type="submit" variant="secondary" className="w-full">
            Check availability
          </Button>
        </form>
      )}
      {!buyer && <NextStep viewer={viewer} listingId={listing.id} values={values} />}
    </div>
  );
}

function QuoteFigures({ quote, depositPercent }: { quote: Quote; depositPercent: number }) {
  if (quote.freeKw === null) return null;
  const { values } = quote;
  return (
    <div aria-live="polite" className="rounded-lg bg-slate-50 px-4 py-3 text-sm">
      <p>
        <strong className="tabular-nums text-slate-900">{formatKw(quote.freeKw)}</strong> free on every day from {formatDay(values.start)} to {formatDay(values.end)}.
      </p>
      {quote.kw !== null && quote.monthlyCents !== null && quote.totalCents !== null && quote.depositCents !== null && (
        <dl className="mt-2 space-y-1 border-t border-slate-200 pt-2 tabular-nums">
          <Figure label={`${quote.kw.toLocaleString("en-US")} kW per month`} value={formatCents(quote.monthlyCents, { precise: true })} />
          <Figure label={`Total for ${daysBetween(values.start, values.end)} days`} value={formatCents(quote.totalCents, { precise: true })} />
          <Figure label={`Deposit now (${depositPercent} % of the first month)`} value={formatCents(quote.depositCents, { precise: true })} strong />
        </dl>
      )}
    </div>
  );
}

function Figure({ label, value, strong }: { label: string; value: string; strong?: boolean }) {
  return (
    <div className="flex justify-between gap-3">
      <dt className="text-slate-600">{label}</dt>
      <dd className={strong ? "font-semibold text-slate-900" : "font-medium text-slate-900"}>{value}</dd>
    </div>
  );
}

function NextStep({ viewer, listingId, values }: { viewer: Exclude<ReserveViewer, "buyer">; listingId: string; values: Values }) {
  if (viewer === "signed-out") {
    const query = new URLSearchParams(Object.entries(values).filter(([, v]) => v.trim() !== "")).toString();
    const back = `/listings/${listingId}${query ? `?${query}` : ""}#reserve`;
    return (
      <div className="space-y-2 border-t border-slate-200 pt-4">
        <ButtonLink href={`/sign-in?callbackUrl=${encodeURIComponent(back)}`} variant="accent" className="w-full">
          Sign in to reserve
        </ButtonLink>
        <p className="text-center text-sm text-slate-600">
          New to Substation?{" "}
          <Link href="/sign-up?kind=buyer" className="font-medium text-slate-900 underline underline-offset-2">
            Create an AI team account
          </Link>
        </p>
      </div>
    );
  }
  const note =
    viewer === "owner"
      ? "This is where AI teams check free capacity and reserve. Your own organization cannot reserve its listing."
      : "Only AI-team accounts reserve capacity: miners list it and admins run the marketplace. You can still check the figures for any dates.";
  return <p className="border-t border-slate-200 pt-4 text-sm text-slate-600">{note}</p>;
}
