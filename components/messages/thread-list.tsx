import Link from "next/link";
import type { ThreadSummary } from "@/db/queries/messages";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { formatInboxTime, KIND_LABELS } from "./format";

/** The inbox: one row a thread, unread ones in bold with their count. */
export function ThreadList({ threads, now }: { threads: ThreadSummary[]; now: Date }) {
  return (
    <ul aria-label="Conversations, newest activity first" className="divide-y divide-slate-200 overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm">
      {threads.map((thread) => {
        const unread = thread.unreadCount > 0;
        const preview = thread.lastMessage
          ? `${thread.lastMessage.mine ? "You" : (thread.lastMessage.authorName ?? "Former member")}: ${thread.lastMessage.body.replace(/\s+/g, " ")}`
          : "No messages yet";
        return (
          <li key={thread.id}>
            <Link href={`/messages/${thread.id}`} className={cn("block px-4 py-4 hover:bg-slate-50 focus-visible:bg-slate-50 sm:px-5", unread && "bg-volt-50")}>
              <div className="flex items-start justify-between gap-3">
                <div className="min-w-0 flex-1">
                  <div className="flex min-w-0 flex-wrap items-center gap-x-2 gap-y-1">
                    <span className={cn("truncate text-sm", unread ? "font-semibold text-slate-900" : "font-medium text-slate-800")}>{thread.counterparty.name}</span>
                    <Badge tone={thread.kind === "booking" ? "blue" : "violet"}>{KIND_LABELS[thread.kind]}</Badge>
                  </div>
                  <p className="mt-0.5 truncate text-sm text-slate-600">{thread.listingTitle}</p>
                </div>
                <div className="flex shrink-0 flex-col items-end gap-1">
                  <time dateTime={thread.lastMessageAt.toISOString()} className={cn("text-xs", unread ? "font-medium text-slate-900" : "text-slate-600")}>
                    {formatInboxTime(thread.lastMessageAt, now)}
                  </time>
                  {unread && (
                    <span className="rounded-full bg-ink-900 px-2 text-xs leading-5 font-semibold text-white tabular-nums">
                      {thread.unreadCount}
                      <span className="sr-only"> unread</span>
                    </span>
                  )}
                </div>
              </div>
              <p className={cn("mt-1.5 truncate text-sm", unread ? "text-slate-900" : "text-slate-600")}>{preview}</p>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
