"use client";

// The header's unread count, kept fresh: one poll of GET /api/v1/threads every 10 s while the
// tab is in view (however many badges the header renders), and at once when an open thread
// in this tab says something changed.
import { useEffect, useSyncExternalStore } from "react";

const POLL_MS = 10_000;
const EVENT = "substation:unread-changed";

let count: number | null = null;
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | null = null;
let inFlight = false;

function set(next: number) {
  if (next === count) return;
  count = next;
  for (const listener of listeners) listener();
}

async function refresh() {
  if (inFlight || document.visibilityState !== "visible") return;
  inFlight = true;
  try {
    const response = await fetch("/api/v1/threads?limit=1", { headers: { accept: "application/json" }, cache: "no-store" });
    if (response.ok) {
      const body = (await response.json()) as { unreadTotal?: unknown };
      if (typeof body.unreadTotal === "number") set(body.unreadTotal);
    }
  } catch {
    // Offline for a moment: the next tick tries again.
  } finally {
    inFlight = false;
  }
}

const onVisible = () => {
  if (document.visibilityState === "visible") void refresh();
};

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (listeners.size === 1) {
    timer = setInterval(refresh, POLL_MS);
    window.addEventListener(EVENT, refresh);
    document.addEventListener("visibilitychange", onVisible);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      if (timer) clearInterval(timer);
      timer = null;
      window.removeEventListener(EVENT, refresh);
      document.removeEventListener("visibilitychange", onVisible);
    }
  };
}

/** Called by an open thread when it received or read something. */
export function announceUnreadChange() {
  window.dispatchEvent(new Event(EVENT));
}

export function UnreadBadge({ initial }: { initial: number }) {
  const live = useSyncExternalStore(
    subscribe,
    () => count,
    () => null,
  );
  // A newer server render (navigation) is fresher than the last poll.
  useEffect(() => {
    set(initial);
  }, [initial]);
  const shown = live ?? initial;
  return (
    // The slot keeps its width at zero, so the nav does not shift when a message arrives.
    <span className="inline-flex h-5 min-w-5 items-center justify-center">
      {shown > 0 && (
        <span aria-hidden="true" className="rounded-full bg-volt-400 px-1.5 text-xs leading-5 font-semibold text-ink-950 tabular-nums">{shown > 99 ? "99+" : shown}</span>
      )}
      <span className="sr-only">{shown === 0 ? ", no unread messages" : `, ${shown} unread`}</span>
    </span>
  );
}
