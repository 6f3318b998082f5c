import { formatCents } from "@/lib/format";

const MAX = 140;

/** One value as short text: money in dollars, objects as compact JSON, long text cut. */
function show(key: string, value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "number" && /cents$/i.test(key)) return formatCents(value, { precise: true });
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > MAX ? `${text.slice(0, MAX - 1)}…` : text;
}

/** An audit row's data as a compact key/value list; the full value is in the title. */
export function AuditData({ data }: { data: Record<string, unknown> }) {
  const entries = Object.entries(data ?? {});
  if (entries.length === 0) return <span className="text-slate-500">—</span>;
  return (
    <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-2 gap-y-0.5 text-xs">
      {entries.map(([key, value]) => (
        <div key={key} className="contents">
          <dt className="text-slate-600">{key}</dt>
          <dd className="break-words text-slate-900" title={typeof value === "string" ? value : JSON.stringify(value)}>
            {show(key, value)}
          </dd>
        </div>
      ))}
    </dl>
  );
}
