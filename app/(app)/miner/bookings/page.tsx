import type { Metadata } from "next";
import { BookingList } from "@/components/bookings/booking-list";
import { parseStatus } from "@/components/bookings/status-filter";
import { requirePageUser } from "@/lib/auth/guards";
import { actorOf } from "@/lib/auth/policy";

export const metadata: Metadata = { title: "Bookings" };

export default async function MinerBookingsPage({ searchParams }: PageProps<"/miner/bookings">) {
  const user = await requirePageUser("/miner/bookings", "miner");
  const status = parseStatus((await searchParams).status);

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-3xl font-semibold tracking-tight">Bookings</h1>
        <p className="mt-1 max-w-2xl text-slate-600">
          Reservations on your listings. A paid request waits for your answer: accepting captures the deposit, declining releases it. Unanswered requests lapse at their deadline.
        </p>
      </div>
      <BookingList actor={actorOf(user)} side="miner" status={status} basePath="/miner/bookings" />
    </div>
  );
}
