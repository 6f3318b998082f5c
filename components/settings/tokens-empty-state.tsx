import { KeyRound } from "lucide-react";
import { EmptyState } from "@/components/ui/empty-state";

export function TokensEmptyState({ origin }: { origin: string }) {
  return (
    <EmptyState icon={<KeyRound className="h-8 w-8" />} title="No API tokens yet">
      <p>
        A token lets a script, a CI job or your own dashboard call Substation&apos;s JSON API as you: search listings, read
        and manage your organization&apos;s bookings. Create one above, then send it in the Authorization header:
      </p>
      <pre className="mt-3 overflow-x-auto rounded-md bg-ink-900 px-3 py-2 text-left font-mono text-xs text-slate-100">
        <code>{`curl -H "Authorization: Bearer sub_…" ${origin}/api/v1/bookings`}</code>
      </pre>
    </EmptyState>
  );
}
