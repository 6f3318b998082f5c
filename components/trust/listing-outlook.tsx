import Link from "next/link";
import { formatPrice } from "@/components/listings/format";
import type { MonthOutlook, PublicListing } from "@/db/queries/public-profiles";
import { COOLING_LABELS, formatKw, formatShortMonth } from "@/lib/format";

/** Each published listing of a site with its free kW in each coming month. */
export function ListingOutlook({ listings }: { listings: (PublicListing & { outlook: MonthOutlook[] })[] }) {
  const months = listings[0]?.outlook.map((m) => m.month) ?? [];
  return (
    <div className="-mx-5 overflow-x-auto px-5">
      <table className="w-full min-w-[40rem] text-left text-sm">
        <caption className="sr-only">Free capacity of each listing by month (the least free on any day of the month)</caption>
        <thead className="text-xs text-slate-600 uppercase">
          <tr>
            <th scope="col" className="py-2 pr-4 font-medium">
              Listing
            </th>
            {months.map((month) => (
              <th key={month} scope="col" className="px-2 py-2 text-right font-medium whitespace-nowrap">
                {formatShortMonth(month.slice(0, 7))}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {listings.map((listing) => (
            <tr key={listing.id}>
              <th scope="row" className="py-3 pr-4 font-normal">
                <Link href={`/listings/${listing.id}`} className="font-medium text-slate-900 underline-offset-2 hover:underline">
                  {listing.title}
                </Link>
                <span className="block text-xs text-slate-600">
                  {COOLING_LABELS[listing.cooling]} · {formatKw(listing.capacityKw)} · {formatPrice(listing.priceCentsPerKwMonth)}/kW-month
                </span>
              </th>
              {listing.outlook.map((month) => (
                <td key={month.month} className="px-2 py-3 text-right whitespace-nowrap tabular-nums">
                  {month.freeKw === null ? (
                    <span className="text-slate-500" aria-label="Not offered">
                      —
                    </span>
                  ) : (
                    <span className={month.freeKw === 0 ? "text-slate-500" : "text-slate-900"}>{formatKw(month.freeKw)}</span>
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
