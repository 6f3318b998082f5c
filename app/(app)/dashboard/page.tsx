import type { Metadata } from "next";
import { getDb } from "@/db";
import { getAdminOverview, getBuyerOverview } from "@/db/queries/dashboard";
import { MinerOverview } from "@/components/dashboard/miner-overview";
import { Stat } from "@/components/dashboard/stat";
import { StatusList } from "@/components/dashboard/status-list";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { requirePageUser, type SessionUser } from "@/lib/auth/guards";
import { actorOf } from "@/lib/auth/policy";

export const metadata: Metadata = { title: "Dashboard" };

const BOOKING_ORDER = ["pending_deposit", "awaiting_provider", "confirmed", "active", "completed", "declined", "cancelled", "expired", "refunded"];

export default async function DashboardPage({ searchParams }: PageProps<"/dashboard">) {
  const user = await requirePageUser("/dashboard");
  const { welcome, denied, joined } = await searchParams;
  const roleLabel = user.role === "admin" ? "Marketplace admin" : user.role === "miner" ? "Miner" : "AI team";

  return (
    <div className="mx-auto w-full max-w-6xl px-4 py-10 sm:px-6">
      <p className="text-sm text-slate-600">
        {roleLabel}
        {user.organization && <> · {user.organization.name}</>}
      </p>
      <h1 className="mt-1 text-3xl font-semibold tracking-tight">Welcome{welcome ? "" : " back"}, {user.name.split(" ")[0]}</h1>
      <div className="mt-6 space-y-3">
        {welcome && (
          <Alert tone="success" title="Your account is ready">
            Your address {user.email} is confirmed: reserving, listings, API tokens and invitations are open to you.
          </Alert>
        )}
        {joined && user.organization && (
          <Alert tone="success" title={`You joined ${user.organization.name}`}>
            You now see its sites, listings, bookings and requests. Your colleagues are listed under Settings → Organization.
          </Alert>
        )}
        {denied && <Alert tone="warning">That page is not available to your account.</Alert>}
      </div>
      <div className="mt-8">
        {user.role === "miner" && <MinerOverview user={user} />}
        {user.role === "buyer" && <BuyerDashboard user={user} />}
        {user.role === "admin" && <AdminDashboard user={user} />}
      </div>
    </div>
  );
}

async function BuyerDashboard({ user }: { user: SessionUser }) {
  const overview = await getBuyerOverview(await getDb(), actorOf(user), user.organization!.id);
  const live = (overview.bookings.confirmed ?? 0) + (overview.bookings.active ?? 0);
  const open = (overview.bookings.pending_deposit ?? 0) + (overview.bookings.awaiting_provider ?? 0);
  return (
    <div className="space-y-8">
      <dl className="grid gap-4 sm:grid-cols-3">
        <Stat label="Confirmed or active bookings" value={live} />
        <Stat label="Open requests" value={open} hint="Holds awaiting a deposit, or the miner's answer" />
        <Stat label="Completed" value={overview.bookings.completed ?? 0} />
      </dl>
      <Card className="p-5">
        <h2 className="font-semibold">Your bookings by status</h2>
        <div className="mt-3">
          <StatusList counts={overview.bookings} order={BOOKING_ORDER} empty="No bookings yet. Search listed capacity and reserve what fits your cluster." />
        </div>
      </Card>
    </div>
  );
}

async function AdminDashboard({ user }: { user: SessionUser }) {
  const o = await getAdminOverview(await getDb(), actorOf(user));
  return (
    <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      <Stat label="Listings awaiting review" value={o.pendingReview} />
      <Stat label="Open reports" value={o.openReports} />
      <Stat label="Sites not yet verified" value={o.unverifiedSites} />
      <Stat label="Miner organizations" value={o.miners} />
      <Stat label="AI team organizations" value={o.buyers} />
      <Stat label="Suspended organizations" value={o.suspended} />
    </dl>
  );
}
