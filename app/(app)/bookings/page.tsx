import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { BookingList } from "@/components/bookings/booking-list";
import { parseStatus } from "@/components/bookings/status-filter";
import { requirePageUser } from "@/lib/auth/guards";
import { actorOf } from "@/lib/auth/policy";
import { ACCEPTANCE_WINDOW_HOURS, HOLD_MINUTES } from "@/lib/domain/booking-lifecycle";

export const metadata: Metadata = { title: "Your bookings" };

/** The AI team's reservations; miners have their own list of the bookings on their listings. */
export default async function BookingsPage({ searchParams }: PageProps<"/bookings">) {
  const user = await requirePageUser("/bookings");
  if (user.role === "miner") redirect("/miner/bookings");
  if (user.role !== "buyer") redirect("/dashboard?denied=1");
  const status = parseStatus((await searchParams).status);

  return (
    <div className="mx-auto w-full max-w-6xl space-y-6 px-4 py-10 sm:px-6">
      <div>
        <h1 className="text-3xl font-semibold tracking-tight">Your bookings</h1>
        <p className="mt-1 max-w-2xl text-slate-600">
          Capacity your team has reserved. A hold lasts {HOLD_MINUTES} minutes until the deposit is paid; then the miner has {ACCEPTANCE_WINDOW_HOURS / 24} days to accept, which captures the deposit.
        </p>
      </div>
      <BookingList actor={actorOf(user)} side="buyer" status={status} basePath="/bookings" />
    </div>
  );
}
