"use client";

import { useEffect, useState } from "react";

function left(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

/** The minutes and seconds left on a hold, ticking; the first render uses the server's clock so it hydrates cleanly. */
export function HoldCountdown({ expiresAt, serverNow }: { expiresAt: string; serverNow: number }) {
  const end = Date.parse(expiresAt);
  const [now, setNow] = useState(serverNow);
  useEffect(() => {
    const tick = () => setNow(Date.now());
    tick();
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, []);
  const remaining = end - now;
  if (remaining <= 0) return <span className="font-medium text-red-700">The hold has expired</span>;
  return <span className="font-semibold tabular-nums">{left(remaining)} left</span>;
}
