"use client";

import { useCallback, useEffect, useRef, useState } from "react";

/**
 * A control that asks once more before acting (archive, revoke, approve all): whether it
 * is asking, `step` to open or close the question, and refs for the button that opens it
 * and the Cancel that closes it. Focus follows the step, onto Cancel (the safe choice) when
 * it opens and back to the opener when it closes, but not on the first render. A step that
 * asks for input (a password, a code) passes its field's element type and puts `cancel` on
 * the first field instead.
 */
export function useConfirmStep<Target extends HTMLElement = HTMLButtonElement>() {
  const [confirming, setConfirming] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const cancel = useRef<Target>(null);
  const moved = useRef(false);

  useEffect(() => {
    if (moved.current) (confirming ? cancel : opener).current?.focus();
  }, [confirming]);

  const step = useCallback((next: boolean) => {
    moved.current = true;
    setConfirming(next);
  }, []);

  return { confirming, step, opener, cancel };
}
