import { requirePageUser } from "@/lib/auth/guards";

/** Everything under /miner is for miners; each page and action still checks for itself. */
export default async function MinerLayout({ children }: { children: React.ReactNode }) {
  await requirePageUser("/miner/sites", "miner");
  return <div className="mx-auto w-full max-w-6xl px-4 py-10 sm:px-6">{children}</div>;
}
