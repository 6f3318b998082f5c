// The signed-in miner's dashboard: figures, requests to answer, occupancy and revenue, or the
// next step to take for an organization that has not listed anything yet.
import { getDb } from "@/db";
import { getMinerOverview } from "@/db/queries/dashboard";
import { getListingOccupancy, getPendingRequests, getRevenueByMonth, type ListingOccupancy } from "@/db/queries/miner-dashboard";
import { OccupancyChart } from "@/components/charts/occupancy-chart";
import { RevenueChart } from "@/components/charts/revenue-chart";
import { RequestActions } from "@/components/bookings/request-actions";
import { PendingRequests } from "@/components/dashboard/pending-requests";
import { Stat } from "@/components/dashboard/stat";
import { StatusList } from "@/components/dashboard/status-list";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { SessionUser } from "@/lib/auth/guards";
import { actorOf, requireOrganization } from "@/lib/auth/policy";
import { formatKw, formatUtcDate } from "@/lib/format";

const LISTING_ORDER = ["published", "pending_review", "draft", "paused", "rejected", "archived"];
const BOOKING_ORDER = ["pending_deposit", "awaiting_provider", "confirmed", "active", "completed", "declined", "cancelled", "expired", "refunded"];
/** Charts are heavy on a phone; the most recently published listings are the ones a miner watches. */
const CHART_LIMIT = 6;

const formatDay = (d: string, offsetDays = 0) => formatUtcDate(new Date(Date.parse(`${d}T00:00:00Z`) + offsetDays * 86_400_000));

export async function MinerOverview({ user, now = new Date() }: { user: SessionUser; now?: Date }) {
  const db = await getDb();
  const actor = actorOf(user);
  const organizationId = requireOrganization(actor);
  const [overview, occupancy, requests, revenue] = await Promise.all([
    getMinerOverview(db, actor, organizationId),
    getListingOccupancy(db, actor, organizationId, { limit: CHART_LIMIT }),
    getPendingRequests(db, actor, organizationId),
    getRevenueByMonth(db, actor, organizationId),
  ]);
  const count = (status: string) => overview.listings[status] ?? 0;
  const listingTotal = Object.values(overview.listings).reduce((sum, n) => sum + n, 0);
  const charted = count("published") + count("paused");

  return (
    <div className="space-y-8">
      <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Stat label="Sites" value={overview.sites} />
        <Stat label="Energized at your sites" value={formatKw(overview.energizedKw)} />
        <Stat label="Published listings" value={count("published")} />
        <Stat label="Requests awaiting your answer" value={requests.length} />
      </dl>

      {overview.sites === 0 ? (
        <EmptyState title="Add your first site" action={<ButtonLink href="/miner/sites/new">Add a site</ButtonLink>}>
          A site carries the facts AI teams ask about first: energized megawatts, power mix, cooling and network. Once it
          is in, list the capacity you can offer there.
        </EmptyState>
      ) : listingTotal === 0 ? (
        <EmptyState title="Create a listing" action={<ButtonLink href="/miner/listings/new">Create a listing</ButtonLink>}>
          Offer kW at one of your sites with a price per kW-month and the dates it is free. After an admin reviews it,
          it appears in AI teams&apos; searches, and their requests and occupancy show up here.
        </EmptyState>
      ) : (
        <>
          <Card className="p-5">
            <h2 className="font-semibold">Requests awaiting your answer</h2>
            <div className="mt-3">
              <PendingRequests requests={requests} now={now} renderActions={(r) => <RequestActions request={r} />} />
            </div>
          </Card>

          <div className="grid gap-6 md:grid-cols-2">
            <Card className="p-5">
              <h2 className="font-semibold">Listings by status</h2>
              <div className="mt-3">
                <StatusList counts={overview.listings} order={LISTING_ORDER} empty="No listings yet." />
              </div>
            </Card>
            <Card className="p-5">
              <h2 className="font-semibold">Bookings on your listings</h2>
              <div className="mt-3">
                <StatusList counts={overview.bookings} order={BOOKING_ORDER} empty="No bookings yet. Published listings appear in AI teams' searches." />
              </div>
            </Card>
          </div>

          <section aria-labelledby="occupancy-heading" className="space-y-4">
            <div>
              <h2 id="occupancy-heading" className="text-lg font-semibold">Occupancy</h2>
              <p className="text-sm text-slate-600">
                Booked kW per day over each published or paused listing&apos;s window. Holds count only until they expire.
                {charted > occupancy.length && ` Showing the ${occupancy.length} most recently published of ${charted} listings.`}
              </p>
            </div>
            {occupancy.length === 0 ? (
              <p className="rounded-xl border border-dashed border-slate-300 bg-white px-5 py-8 text-center text-sm text-slate-600">
                {count("pending_review") > 0
                  ? "Your listings are in review. Their occupancy appears here once an admin publishes them."
                  : "None of your listings is published. Submit a draft for review to put it in front of AI teams."}
              </p>
            ) : (
              <div className="grid gap-6 lg:grid-cols-2">
                {occupancy.map((listing) => (
                  <OccupancyCard key={listing.listingId} listing={listing} />
                ))}
              </div>
            )}
          </section>

          <Card className="p-5">
            <h2 className="font-semibold">Revenue by month</h2>
            <div className="mt-3">
              {revenue.some((m) => m.bookedCents > 0 || m.depositsCapturedCents > 0) ? (
                <RevenueChart months={revenue} />
              ) : (
                <p className="text-sm text-slate-600">
                  No revenue in the last 12 months yet. Bookings count in the month they were requested, deposits in the
                  month you accepted them.
                </p>
              )}
            </div>
          </Card>
        </>
      )}
    </div>
  );
}

function OccupancyCard({ listing }: { listing: ListingOccupancy }) {
  return (
    <Card className="p-5">
      <div className="flex items-start justify-between gap-3">
        <h3 className="font-semibold">{listing.title}</h3>
        {listing.status === "paused" && <Badge>Paused</Badge>}
      </div>
      <p className="mt-1 text-sm text-slate-600">
        {formatKw(listing.capacityKw)} · {formatDay(listing.availableFrom)} to {formatDay(listing.availableUntil, -1)}
      </p>
      <div className="mt-3">
        <OccupancyChart listing={listing} />
      </div>
    </Card>
  );
}
