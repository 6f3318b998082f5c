"use client";

import { useEffect, useRef, useState } from "react";
import { Check, Copy, Download, TriangleAlert } from "lucide-react";
import { Button } from "@/components/ui/button";

/** The one moment recovery codes are visible: only their hashes are stored. */
export function TwoFactorRecoveryCodes({ codes, email, title, onDone }: { codes: string[]; email: string; title: string; onDone: () => void }) {
  const [copy, setCopy] = useState<"idle" | "copied" | "failed">("idle");
  const section = useRef<HTMLElement>(null);

  // Moved to at once: this is what the user must act on now.
  useEffect(() => section.current?.focus(), []);

  const text = [
    `Substation recovery codes for ${email}`,
    `Made ${new Date().toISOString().slice(0, 10)}. Each code works once, in place of an authenticator code.`,
    "",
    ...codes,
    "",
  ].join("\n");

  async function copyCodes() {
    try {
      await navigator.clipboard.writeText(text);
      setCopy("copied");
    } catch {
      setCopy("failed");
    }
  }

  function download() {
    const url = URL.createObjectURL(new Blob([text], { type: "text/plain;charset=utf-8" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = "substation-recovery-codes.txt";
    link.click();
    URL.revokeObjectURL(url);
  }

  return (
    <section ref={section} tabIndex={-1} aria-labelledby="recovery-codes-title" className="rounded-lg border-2 border-volt-400 bg-volt-50 p-4 outline-none sm:p-5">
      <h3 id="recovery-codes-title" className="font-semibold text-slate-900">
        {title}
      </h3>
      <p className="mt-1 flex items-start gap-2 text-sm text-amber-900">
        <TriangleAlert className="mt-0.5 h-4 w-4 shrink-0" aria-hidden="true" />
        Store these somewhere safe, apart from your phone (a password manager, or printed). Each one signs you in once if you lose your
        authenticator. They will not be shown again.
      </p>
      <ol aria-label="Recovery codes" className="mt-4 grid grid-cols-2 gap-x-6 gap-y-2 rounded-md border border-slate-200 bg-white p-4 font-mono text-base tracking-wider text-slate-900 sm:grid-cols-5 md:max-w-3xl">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ol>
      <div className="mt-4 flex flex-wrap gap-2">
        <Button variant="primary" size="sm" onClick={copyCodes}>
          {copy === "copied" ? <Check className="h-4 w-4" aria-hidden="true" /> : <Copy className="h-4 w-4" aria-hidden="true" />}
          {copy === "copied" ? "Copied" : "Copy codes"}
        </Button>
        <Button variant="secondary" size="sm" onClick={download}>
          <Download className="h-4 w-4" aria-hidden="true" />
          Download as text
        </Button>
        <Button variant="ghost" size="sm" onClick={onDone}>
          I have stored them
        </Button>
      </div>
      <p aria-live="polite" className="mt-2 min-h-5 text-sm text-slate-700">
        {copy === "copied" && "Copied to your clipboard."}
        {copy === "failed" && "Your browser blocked the clipboard: download them, or select and copy them by hand."}
      </p>
    </section>
  );
}
