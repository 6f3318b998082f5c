"use client";

import { useEffect, useRef, useState } from "react";
import { Check, Copy, TriangleAlert } from "lucide-react";
import { Button } from "@/components/ui/button";

type CopyState = "idle" | "copied" | "manual";

/** The one moment a token is visible: it is not stored anywhere we could show it from again. */
export function NewTokenNotice({ name, token }: { name: string; token: string }) {
  const [copy, setCopy] = useState<CopyState>("idle");
  const [dismissed, setDismissed] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  // Focused and selected so that keyboard users can copy it straight away.
  useEffect(() => input.current?.select(), []);

  async function copyToken() {
    try {
      await navigator.clipboard.writeText(token);
      setCopy("copied");
    } catch {
      // The clipboard API needs a secure context; outside one, the selection still works.
      input.current?.select();
      setCopy("manual");
    }
  }

  if (dismissed) return null;
  return (
    <section aria-labelledby="new-token-title" className="rounded-lg border-2 border-volt-400 bg-volt-50 p-4">
      <h3 id="new-token-title" className="font-semibold text-slate-900">
        Your new token “{name}”
      </h3>
      <p className="mt-1 flex items-start gap-2 text-sm text-amber-900">
        <TriangleAlert className="mt-0.5 h-4 w-4 shrink-0" aria-hidden="true" />
        Copy it now and keep it somewhere safe: it will not be shown again. If you lose it, revoke it and create a new one.
      </p>
      <div className="mt-3 flex flex-col gap-2 sm:flex-row">
        <label htmlFor="new-token-value" className="sr-only">
          API token
        </label>
        <input
          ref={input}
          id="new-token-value"
          readOnly
          value={token}
          onFocus={(e) => e.currentTarget.select()}
          spellCheck={false}
          className="h-10 w-full flex-1 rounded-md border border-slate-300 bg-white px-3 font-mono text-sm text-slate-900"
        />
        <Button variant="primary" onClick={copyToken}>
          {copy === "copied" ? <Check className="h-4 w-4" aria-hidden="true" /> : <Copy className="h-4 w-4" aria-hidden="true" />}
          {copy === "copied" ? "Copied" : "Copy token"}
        </Button>
      </div>
      <p aria-live="polite" className="mt-2 min-h-5 text-sm text-slate-700">
        {copy === "copied" && "Copied to your clipboard."}
        {copy === "manual" && "Your browser blocked the clipboard; the token is selected, press Ctrl+C (⌘C on a Mac) to copy it."}
      </p>
      <Button variant="secondary" size="sm" className="mt-1" onClick={() => setDismissed(true)}>
        I have copied it
      </Button>
    </section>
  );
}
