// Free capacity over a listing's window: the capacity rule's arithmetic. Bookings hold kW
// over [start, end) UTC days; spans of constant free kW describe availability compactly.
export type Hold = { start: string; end: string; kw: number };
export type Span = { from: string; to: string; bookedKw: number; freeKw: number };

/** Spans [from, to) covering [windowFrom, windowUntil) with the kW booked and free in each. */
export function availabilitySpans(capacityKw: number, windowFrom: string, windowUntil: string, holds: Hold[]): Span[] {
  const deltas = new Map<string, number>();
  for (const hold of holds) {
    const start = hold.start < windowFrom ? windowFrom : hold.start;
    const end = hold.end > windowUntil ? windowUntil : hold.end;
    if (start >= end) continue;
    deltas.set(start, (deltas.get(start) ?? 0) + hold.kw);
    deltas.set(end, (deltas.get(end) ?? 0) - hold.kw);
  }
  const edges = [...new Set([windowFrom, windowUntil, ...deltas.keys()])].sort();
  const spans: Span[] = [];
  let booked = 0;
  for (let i = 0; i < edges.length - 1; i++) {
    booked += deltas.get(edges[i]!) ?? 0;
    const span = { from: edges[i]!, to: edges[i + 1]!, bookedKw: booked, freeKw: Math.max(0, capacityKw - booked) };
    const last = spans.at(-1);
    if (last && last.bookedKw === span.bookedKw) last.to = span.to;
    else spans.push(span);
  }
  return spans;
}

/** Free kW over a whole range: what is left on its most-booked day. */
export function freeKwOver(spans: Span[], from: string, to: string): number {
  let free = Infinity;
  for (const span of spans) {
    if (span.to <= from || span.from >= to) continue;
    free = Math.min(free, span.freeKw);
  }
  return free === Infinity ? 0 : free;
}

export function peakBookedKw(holds: Hold[], from: string, to: string): number {
  return availabilitySpans(Number.MAX_SAFE_INTEGER, from, to, holds).reduce((max, s) => Math.max(max, s.bookedKw), 0);
}
