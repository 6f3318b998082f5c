import type { Metadata } from "next";
import { MessagesSquare } from "lucide-react";
import { getDb } from "@/db";
import { listThreads } from "@/db/queries/messages";
import { ThreadList } from "@/components/messages/thread-list";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { requirePageUser } from "@/lib/auth/guards";
import { actorOf } from "@/lib/auth/policy";

export const metadata: Metadata = { title: "Messages" };

const PAGE_SIZE = 30;

export default async function InboxPage({ searchParams }: PageProps<"/messages">) {
  const user = await requirePageUser("/messages");
  if (user.role === "admin") return <AdminInbox />;
  const query = await searchParams;
  const before = typeof query.before === "string" && !Number.isNaN(Date.parse(query.before)) ? new Date(query.before) : undefined;
  const { items, unreadTotal } = await listThreads(await getDb(), actorOf(user), { limit: PAGE_SIZE, before });
  const older = items.length === PAGE_SIZE ? items.at(-1)!.lastMessageAt.toISOString() : null;

  return (
    <div className="mx-auto w-full max-w-4xl px-4 py-8 sm:px-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-3xl font-semibold tracking-tight">Messages</h1>
          <p className="mt-1 text-slate-600">
            {user.role === "buyer"
              ? "Your team's questions to miners and the conversations of your bookings."
              : "Questions from AI teams and the conversations of your bookings."}
          </p>
        </div>
        {!before && items.length > 0 && (
          <p className="text-sm text-slate-700" role="status">
            {unreadTotal === 0 ? "All read" : `${unreadTotal} unread`}
          </p>
        )}
      </div>

      <div className="mt-6">
        {items.length === 0 ? (
          before ? (
            <EmptyState title="No older conversations" action={<ButtonLink href="/messages" variant="secondary">Back to the newest</ButtonLink>} />
          ) : (
            <EmptyState
              icon={<MessagesSquare className="h-8 w-8" />}
              title="No conversations yet"
              action={user.role === "buyer" ? <ButtonLink href="/search">Find capacity</ButtonLink> : undefined}
            >
              {user.role === "buyer"
                ? "Ask a miner about a listing from its page — the power, the SLA, a site visit — and the conversation appears here."
                : "When an AI team asks about one of your listings or books it, the conversation appears here."}
            </EmptyState>
          )
        ) : (
          <ThreadList threads={items} now={new Date()} />
        )}
      </div>

      {(older || before) && (
        <nav aria-label="More conversations" className="mt-6 flex justify-between gap-3 text-sm">
          {before ? (
            <ButtonLink href="/messages" variant="ghost" size="sm">
              Newest
            </ButtonLink>
          ) : (
            <span />
          )}
          {older && (
            <ButtonLink href={`/messages?before=${encodeURIComponent(older)}`} variant="secondary" size="sm">
              Older conversations
            </ButtonLink>
          )}
        </nav>
      )}
    </div>
  );
}

/** Admins belong to no organization, so they have no inbox: they open threads from reports. */
function AdminInbox() {
  return (
    <div className="mx-auto w-full max-w-4xl px-4 py-8 sm:px-6">
      <h1 className="text-3xl font-semibold tracking-tight">Messages</h1>
      <div className="mt-6">
        <EmptyState icon={<MessagesSquare className="h-8 w-8" />} title="Admins read conversations from reports" action={<ButtonLink href="/admin/messages">Reported messages</ButtonLink>}>
          Open a reported message to read its whole thread, or open a booking to reach its conversation.
        </EmptyState>
      </div>
    </div>
  );
}
