import { redirect } from "next/navigation";

/** Mail sends miners here; both parties share one booking page, which checks who may see it. */
export default async function MinerBookingPage({ params }: PageProps<"/miner/bookings/[id]">) {
  redirect(`/bookings/${encodeURIComponent((await params).id)}`);
}
