import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArrowLeft, EyeOff } from "lucide-react";
import { getDb } from "@/db";
import { getThread } from "@/db/queries/messages";
import { KIND_LABELS, MASKED_NOTICE } from "@/components/messages/format";
import { LiveThread } from "@/components/messages/live-thread";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { requirePageUser } from "@/lib/auth/guards";
import { actorOf } from "@/lib/auth/policy";
import { AppError } from "@/lib/errors";

export const metadata: Metadata = { title: "Conversation", robots: { index: false } };

export default async function ThreadPage({ params, searchParams }: PageProps<"/messages/[id]">) {
  const { id } = await params;
  const user = await requirePageUser(`/messages/${id}`);
  const actor = actorOf(user);
  // Opening the thread reads it: its messages stop counting as unread for this person.
  const { thread, messages, hasEarlier } = await getThread(await getDb(), actor, id, { markRead: true }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  const { sent } = await searchParams;
  const admin = user.role === "admin";
  const side = thread.buyerOrganization.id === actor.organizationId ? "buyer" : "miner";
  const other = side === "buyer" ? thread.minerOrganization : thread.buyerOrganization;
  const bookingHref = thread.bookingId ? `/bookings/${thread.bookingId}` : null;

  return (
    <div className="mx-auto w-full max-w-3xl px-4 py-8 sm:px-6">
      <Link href="/messages" className="inline-flex items-center gap-1 text-sm text-slate-600 hover:text-slate-900">
        <ArrowLeft className="h-4 w-4" aria-hidden="true" /> {admin ? "Messages" : "All conversations"}
      </Link>

      <header className="mt-4">
        <div className="flex flex-wrap items-center gap-2">
          <Badge tone={thread.kind === "booking" ? "blue" : "violet"}>{KIND_LABELS[thread.kind]}</Badge>
          <p className="text-sm text-slate-600">
            {admin ? (
              <>
                {thread.buyerOrganization.name} with {thread.minerOrganization.name}
              </>
            ) : (
              <>With {other.name}</>
            )}
          </p>
        </div>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight break-words sm:text-3xl">
          <Link href={`/listings/${thread.listingId}`} className="underline-offset-4 hover:underline">
            {thread.listingTitle}
          </Link>
        </h1>
        <p className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm">
          <Link href={`/listings/${thread.listingId}`} className="font-medium text-slate-900 underline underline-offset-2">
            View the listing
          </Link>
          {bookingHref && (
            <Link href={bookingHref} className="font-medium text-slate-900 underline underline-offset-2">
              Open the booking
            </Link>
          )}
        </p>
      </header>

      <div className="mt-6 space-y-3">
        {sent === "1" && <Alert tone="success">Your question was sent to {thread.minerOrganization.name}. Their reply appears here, and we mail you if you are away.</Alert>}
        {admin && <Alert tone="info">You are reading as a marketplace admin: original texts are shown, contact details included.</Alert>}
        {!thread.contactsShared && !admin && (
          <div role="note" className="flex items-start gap-2 rounded-md border border-slate-200 bg-slate-50 px-4 py-3 text-sm text-slate-700">
            <EyeOff className="mt-0.5 h-4 w-4 shrink-0 text-slate-500" aria-hidden="true" />
            <p>{MASKED_NOTICE}</p>
          </div>
        )}
      </div>

      <section aria-label="Conversation" className="mt-6">
        <LiveThread
          threadId={thread.id}
          initialMessages={messages.map((m) => ({ ...m, createdAt: m.createdAt.toISOString() }))}
          hasEarlier={hasEarlier}
          canReport={!admin}
          composerHint={admin ? "You write as Substation staff; both parties see it." : undefined}
        />
      </section>
    </div>
  );
}
