import Link from "next/link";
import { MessageSquare } from "lucide-react";
import { getDb } from "@/db";
import { findInquiryThreadId } from "@/db/queries/messages";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { SessionUser } from "@/lib/auth/guards";
import { actorOf } from "@/lib/auth/policy";
import { AskForm } from "./ask-form";

/**
 * "Ask the miner" on a listing page: buyers write (and find their team's earlier thread),
 * visitors are asked to sign in, the listing's miner is pointed to their inbox, others see nothing.
 */
export async function AskTheMiner({ listingId, minerName, user, isOwner, className }: { listingId: string; minerName: string; user: SessionUser | null; isOwner: boolean; className?: string }) {
  if (user && user.role !== "buyer" && !isOwner) return null;
  const threadId = user?.role === "buyer" ? await findInquiryThreadId(await getDb(), actorOf(user), listingId) : null;

  return (
    <Card className={className}>
      <section aria-labelledby="ask-title" className="p-5">
        <h2 id="ask-title" className="flex items-center gap-2 font-semibold">
          <MessageSquare className="h-4 w-4 text-slate-500" aria-hidden="true" /> Ask the miner
        </h2>
        {!user ? (
          <>
            <p className="mt-1 text-sm text-slate-600">{minerName} answers questions about the power, the SLA or a site visit here.</p>
            <ButtonLink href={`/sign-in?callbackUrl=${encodeURIComponent(`/listings/${listingId}#ask-title`)}`} variant="secondary" className="mt-4 w-full">
              Sign in to ask the miner
            </ButtonLink>
          </>
        ) : isOwner ? (
          <p className="mt-1 text-sm text-slate-600">
            Buyers&apos; questions about this listing arrive in{" "}
            <Link href="/messages" className="font-medium text-slate-900 underline underline-offset-2">
              your messages
            </Link>
            .
          </p>
        ) : (
          <>
            <p className="mt-1 text-sm text-slate-600">
              {threadId ? `Your team already talks with ${minerName} about this listing; a new question goes to the same conversation.` : `${minerName} answers questions about the power, the SLA or a site visit here. Your colleagues see the conversation too.`}
            </p>
            {threadId && (
              <Link href={`/messages/${threadId}`} className="mt-2 inline-block text-sm font-medium text-slate-900 underline underline-offset-2">
                Continue the conversation
              </Link>
            )}
            <AskForm listingId={listingId} />
          </>
        )}
      </section>
    </Card>
  );
}
