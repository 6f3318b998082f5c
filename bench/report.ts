// How the bench prints: a table of load results, ratios, and PASS/FAIL lines for the targets.
import type { LoadResult } from "./load";

export type Row = { name: string; result?: LoadResult; note?: string };

const num = (v: number, digits = 1) => (Number.isFinite(v) ? v.toFixed(digits) : "-");

export function loadTable(rows: Row[]): string {
  const header = ["measured", "req/s", "p50 ms", "p99 ms", "errors", "requests", "kB/answer"];
  const body = rows.map(({ name, result: r, note }) =>
    r
      ? [name, num(r.rps), num(r.p50), num(r.p99), String(r.errors), String(r.requests), r.meanBytes ? num(r.meanBytes / 1000) : "-"]
      : [name, note ?? "not measured", "", "", "", "", ""],
  );
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [line(header), ...body.map(line)].join("\n");
}

export const verdict = (ok: boolean, text: string) => `${ok ? "PASS" : "FAIL"}  ${text}`;

export const section = (title: string) => `\n== ${title} ${"=".repeat(Math.max(0, 72 - title.length))}`;

export const ratio = (a?: LoadResult, b?: LoadResult) => (a && b && b.rps > 0 ? a.rps / b.rps : Number.NaN);

export { num };
