import { Skeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <div className="mx-auto w-full max-w-3xl px-4 py-8 sm:px-6" aria-busy="true" aria-label="Loading the conversation">
      <Skeleton className="h-4 w-36" />
      <Skeleton className="mt-5 h-5 w-40" />
      <Skeleton className="mt-3 h-8 w-96 max-w-full" />
      <div className="mt-8 space-y-5">
        <Skeleton className="h-16 w-3/4" />
        <Skeleton className="ml-auto h-12 w-2/3" />
        <Skeleton className="h-20 w-3/4" />
      </div>
      <Skeleton className="mt-8 h-32 w-full" />
    </div>
  );
}
