import Link from "next/link";
import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import { toDay } from "@/lib/domain/days";
import type { ListingStatus } from "@/lib/domain/listing-lifecycle";
import { countryName, formatKw } from "@/lib/format";
import { formatDay, formatPrice, formatWindow } from "./format";
import { nextSort, sortParam, type Sort, type SortableListing, type SortKey } from "./listing-sort";
import { ListingStatusBadge } from "./status-badge";

export type ListingRow = SortableListing & { id: string; status: ListingStatus; siteRegion: string; siteCountry: string; availableUntil: string };

const COLUMNS: { key: SortKey; label: string; numeric?: boolean }[] = [
  { key: "title", label: "Listing" },
  { key: "site", label: "Site" },
  { key: "capacity", label: "Capacity", numeric: true },
  { key: "price", label: "Price", numeric: true },
  { key: "window", label: "Window" },
  { key: "status", label: "Status" },
  { key: "updated", label: "Updated" },
];

/** The organization's listings: a sortable table on wide screens, a list of cards on a phone. */
export function ListingTable({ rows, sort, status }: { rows: ListingRow[]; sort: Sort; status?: string }) {
  const href = (key: SortKey) => {
    const query = new URLSearchParams({ ...(status ? { status } : {}), sort: sortParam(nextSort(sort, key)) });
    return `/miner/listings?${query}`;
  };
  return (
    <>
      <div className="hidden overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm md:block">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Your organization&apos;s listings. Column headers sort the table.</caption>
          <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
            <tr>
              {COLUMNS.map((column) => {
                const active = sort.key === column.key;
                const Icon = !active ? ArrowUpDown : sort.descending ? ArrowDown : ArrowUp;
                return (
                  <th
                    key={column.key}
                    scope="col"
                    aria-sort={active ? (sort.descending ? "descending" : "ascending") : undefined}
                    className={column.numeric ? "px-4 py-3 text-right font-medium" : "px-4 py-3 font-medium"}
                  >
                    <Link href={href(column.key)} className="inline-flex items-center gap-1 rounded hover:text-slate-900">
                      {column.label}
                      <Icon className={active ? "h-3.5 w-3.5 text-slate-900" : "h-3.5 w-3.5 text-slate-400"} aria-hidden="true" />
                    </Link>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((row) => (
              <tr key={row.id} className={row.status === "archived" ? "text-slate-500" : "text-slate-900"}>
                <th scope="row" className="max-w-72 px-4 py-3 font-medium">
                  <Link href={`/miner/listings/${row.id}`} className="underline-offset-2 hover:underline">
                    {row.title}
                  </Link>
                </th>
                <td className="px-4 py-3">
                  <span className="block">{row.siteName}</span>
                  <span className="block text-xs text-slate-500">
                    {row.siteRegion}, {countryName(row.siteCountry)}
                  </span>
                </td>
                <td className="whitespace-nowrap px-4 py-3 text-right tabular-nums">{formatKw(row.capacityKw)}</td>
                <td className="whitespace-nowrap px-4 py-3 text-right tabular-nums">
                  {formatPrice(row.priceCentsPerKwMonth)}
                  <span className="text-slate-500">/kW-mo</span>
                </td>
                <td className="whitespace-nowrap px-4 py-3 tabular-nums">{formatWindow(row.availableFrom, row.availableUntil)}</td>
                <td className="whitespace-nowrap px-4 py-3">
                  <ListingStatusBadge status={row.status} />
                </td>
                <td className="whitespace-nowrap px-4 py-3 tabular-nums">
                  <time dateTime={row.updatedAt.toISOString()}>{formatDay(toDay(row.updatedAt))}</time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <ul className="space-y-3 md:hidden">
        {rows.map((row) => (
          <li key={row.id} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
            <div className="flex items-start justify-between gap-3">
              <Link href={`/miner/listings/${row.id}`} className="font-medium leading-snug text-slate-900 underline-offset-2 hover:underline">
                {row.title}
              </Link>
              <ListingStatusBadge status={row.status} className="shrink-0" />
            </div>
            <p className="mt-1 text-sm text-slate-600">
              {row.siteName} · {row.siteRegion}, {countryName(row.siteCountry)}
            </p>
            <dl className="mt-3 grid grid-cols-2 gap-x-4 gap-y-2 text-sm">
              <div>
                <dt className="text-xs text-slate-500">Capacity</dt>
                <dd className="tabular-nums">{formatKw(row.capacityKw)}</dd>
              </div>
              <div>
                <dt className="text-xs text-slate-500">Price</dt>
                <dd className="tabular-nums">{formatPrice(row.priceCentsPerKwMonth)}/kW-mo</dd>
              </div>
              <div className="col-span-2">
                <dt className="text-xs text-slate-500">Window</dt>
                <dd className="tabular-nums">{formatWindow(row.availableFrom, row.availableUntil)}</dd>
              </div>
            </dl>
            <p className="mt-2 text-xs text-slate-500">Updated {formatDay(toDay(row.updatedAt))}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
