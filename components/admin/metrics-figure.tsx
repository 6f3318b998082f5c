import type { ReactNode } from "react";

export type FigureTable = { caption: string; columns: string[]; rows: { key: string; cells: ReactNode[] }[] };

/**
 * One chart with what a screen reader and a careful reader need: the chart is an image named
 * by its summary, the summary is printed below it, and the figures are one click away as a table.
 */
export function MetricsFigure({ title, summary, height, table, children }: { title: string; summary: string; height: number; table: FigureTable; children: ReactNode }) {
  return (
    <figure className="space-y-2">
      <div role="img" aria-label={`${title}. ${summary}`} className="w-full" style={{ height }}>
        {children}
      </div>
      <figcaption className="text-sm text-slate-600">{summary}</figcaption>
      <details className="text-sm">
        <summary className="cursor-pointer text-slate-700 hover:text-slate-900">Show the figures as a table</summary>
        <div className="mt-2 max-h-72 overflow-auto">
          <table className="w-full text-left tabular-nums">
            <caption className="sr-only">{table.caption}</caption>
            <thead className="text-slate-600">
              <tr>
                {table.columns.map((column, i) => (
                  <th key={column} scope="col" className={`py-1 pr-3 font-medium ${i > 0 ? "text-right" : ""}`}>
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {table.rows.map((row) => (
                <tr key={row.key}>
                  {row.cells.map((cell, i) =>
                    i === 0 ? (
                      <th key={i} scope="row" className="py-1 pr-3 font-normal">
                        {cell}
                      </th>
                    ) : (
                      <td key={i} className="py-1 pr-3 text-right">
                        {cell}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}

/** Shared axis and legend styling, as the miner dashboard's charts use. */
export const AXIS_TICK = { fill: "#475569", fontSize: 12 } as const;
export const AXIS_LABEL = { fill: "#475569", fontSize: 12 } as const;

