import { Skeleton } from "@/components/ui/skeleton";

/** The search page's shape while its first results load, so nothing jumps when they arrive. */
export default function SearchLoading() {
  return (
    <div className="mx-auto w-full max-w-[88rem] px-4 py-8 sm:px-6" aria-busy="true">
      <p className="sr-only" role="status">
        Loading search results…
      </p>
      <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">Search capacity</h1>
      <Skeleton className="mt-2 h-4 w-full max-w-xl" />
      <div className="mt-6 grid gap-6 lg:grid-cols-[17rem_minmax(0,1fr)] lg:gap-8">
        <div>
          <Skeleton className="h-10 w-full lg:hidden" />
          <div className="hidden space-y-5 rounded-xl border border-slate-200 bg-white p-4 lg:block">
            {Array.from({ length: 8 }, (_, i) => (
              <div key={i} className="space-y-2">
                <Skeleton className="h-4 w-28" />
                <Skeleton className="h-10 w-full" />
              </div>
            ))}
          </div>
        </div>
        <div className="min-w-0">
          <div className="flex items-end justify-between gap-3">
            <div className="space-y-2">
              <Skeleton className="h-6 w-44" />
              <Skeleton className="h-4 w-32" />
            </div>
            <Skeleton className="h-9 w-48" />
          </div>
          <div className="mt-4 grid gap-6 xl:grid-cols-[minmax(0,1fr)_minmax(0,26rem)]">
            <div className="space-y-3">
              {Array.from({ length: 4 }, (_, i) => (
                <div key={i} className="rounded-xl border border-slate-200 bg-white p-5">
                  <Skeleton className="h-5 w-3/4" />
                  <Skeleton className="mt-2 h-4 w-1/2" />
                  <div className="mt-3 flex gap-1.5">
                    <Skeleton className="h-5 w-20 rounded-full" />
                    <Skeleton className="h-5 w-24 rounded-full" />
                    <Skeleton className="h-5 w-20 rounded-full" />
                  </div>
                  <Skeleton className="mt-4 h-10 w-full" />
                </div>
              ))}
            </div>
            <div className="order-first xl:order-none">
              <div className="rounded-xl border border-slate-200 bg-slate-200 p-2">
                <Skeleton className="aspect-[960/500] w-full bg-slate-300" />
                <Skeleton className="mx-2 mt-2 mb-1 h-8 bg-slate-300" />
              </div>
            </div>
          </div>
        </div>
      </div>
    </div>
  );
}
