import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { MessagesSquare } from "lucide-react";
import { getDb } from "@/db";
import { listOrganizationThreads } from "@/db/queries/messages";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { requireAdminPageUser } from "@/lib/auth/admin-mfa";
import { actorOf } from "@/lib/auth/policy";
import { AppError } from "@/lib/errors";
import { formatUtcDate } from "@/lib/format";

export const metadata: Metadata = { title: "Organization conversations", robots: { index: false } };

/** Every conversation an organization takes part in, for admins; each opens with the originals. */
export default async function OrganizationMessagesPage({ params }: PageProps<"/admin/organizations/[id]/messages">) {
  const { id } = await params;
  const user = await requireAdminPageUser(`/admin/organizations/${id}/messages`);
  const result = await listOrganizationThreads(await getDb(), actorOf(user), id).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") return null;
    throw error;
  });
  if (!result) notFound();
  const { organization, threads } = result;

  return (
    <div>
      <p className="text-sm text-slate-600">
        <Link href="/admin/organizations" className="underline underline-offset-2">
          Organizations
        </Link>{" "}
        / {organization.name}
      </p>
      <h1 className="mt-1 text-2xl font-semibold tracking-tight">Conversations of {organization.name}</h1>
      <p className="mt-1 text-sm text-slate-600">Admins read the original text, with no contact details masked. Reading does not mark anything read for the parties.</p>
      {threads.length === 0 ? (
        <div className="mt-6">
          <EmptyState icon={<MessagesSquare className="h-8 w-8" />} title="No conversations">
            This organization has not asked or been asked anything yet.
          </EmptyState>
        </div>
      ) : (
        <ul className="mt-6 space-y-3">
          {threads.map((thread) => (
            <li key={thread.id}>
              <Card className="flex flex-col gap-2 p-4 sm:flex-row sm:items-center sm:justify-between">
                <div className="min-w-0">
                  <Link href={`/messages/${thread.id}`} className="font-medium text-slate-900 underline-offset-2 hover:underline">
                    {thread.listingTitle}
                  </Link>
                  <p className="mt-0.5 text-sm text-slate-600">
                    With {thread.counterparty.name} · {thread.messageCount} message{thread.messageCount === 1 ? "" : "s"} · last {formatUtcDate(thread.lastMessageAt)}
                  </p>
                </div>
                <Badge tone={thread.kind === "booking" ? "blue" : "neutral"}>{thread.kind === "booking" ? "Booking" : "Inquiry"}</Badge>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
