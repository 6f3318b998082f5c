// In the (inbox) group so that it wraps the inbox only: under a loading boundary a thread page
// would stream before its access check, and notFound() would answer 200 instead of 404.
import { Skeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <div className="mx-auto w-full max-w-4xl px-4 py-8 sm:px-6" aria-busy="true" aria-label="Loading your messages">
      <Skeleton className="h-9 w-48" />
      <Skeleton className="mt-2 h-5 w-80 max-w-full" />
      <div className="mt-6 divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white">
        {Array.from({ length: 5 }, (_, i) => (
          <div key={i} className="space-y-2 px-4 py-4 sm:px-5">
            <div className="flex justify-between gap-3">
              <Skeleton className="h-4 w-48" />
              <Skeleton className="h-4 w-12" />
            </div>
            <Skeleton className="h-4 w-64 max-w-full" />
            <Skeleton className="h-4 w-full" />
          </div>
        ))}
      </div>
    </div>
  );
}
