import { formatTerm, TERM_LABELS } from "./moderation-format";

export type TermChange = { field: string; before: unknown; after: unknown };

/** What a resubmission changed since the last review: term, before → after. */
export function ModerationChanges({ changes, headingId }: { changes: TermChange[]; headingId: string }) {
  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-amber-200 bg-amber-50/60 p-4">
      <h3 id={headingId} className="text-sm font-semibold text-amber-950">
        Changed since the last review
      </h3>
      <table className="mt-2 w-full text-left text-sm">
        <thead className="sr-only">
          <tr>
            <th scope="col">Term</th>
            <th scope="col">Before and after</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-amber-200/70">
          {changes.map((change) => (
            <tr key={change.field} className="align-top">
              <th scope="row" className="py-1.5 pr-3 font-medium whitespace-nowrap text-slate-800">
                {TERM_LABELS[change.field] ?? change.field}
              </th>
              <td className="py-1.5 text-slate-700">
                <span className="line-through decoration-slate-400">{formatTerm(change.field, change.before)}</span>
                <span aria-hidden="true" className="px-2 text-slate-500">
                  →
                </span>
                <span className="sr-only"> changed to </span>
                <span className="font-semibold text-slate-900">{formatTerm(change.field, change.after)}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
