import { isUuid } from "@/lib/ids";
import type { Metadata } from "next";
import Link from "next/link";
import { Inbox } from "lucide-react";
import { getDb } from "@/db";
import { countPendingReview, moderationQueue } from "@/db/queries/moderation";
import { BulkApprove } from "@/components/admin/moderation-bulk-approve";
import { ModerationItem } from "@/components/admin/moderation-item";
import { ModerationSelection } from "@/components/admin/moderation-selection";
import { CountTabs } from "@/components/ui/count-tabs";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { requireAdminPageUser } from "@/lib/auth/admin-mfa";
import { actorOf } from "@/lib/auth/policy";

export const metadata: Metadata = { title: "Moderation queue" };

const STATUSES = ["pending_review", "rejected", "published"] as const;
type QueueStatus = (typeof STATUSES)[number];
const TAB_LABELS: Record<QueueStatus, string> = { pending_review: "In review", rejected: "Rejected", published: "Published" };
const EMPTY: Record<QueueStatus, string> = {
  pending_review: "Every submitted listing has been decided. New submissions and resubmissions appear here, oldest first.",
  rejected: "No listing is waiting on its miner after a rejection.",
  published: "No listing is published yet.",
};

export default async function ModerationQueuePage({ searchParams }: PageProps<"/admin/listings">) {
  const user = await requireAdminPageUser("/admin/listings");
  const actor = actorOf(user);
  const query = await searchParams;
  const status = STATUSES.find((s) => s === query.status) ?? "pending_review";
  const db = await getDb();
  const [items, pendingReview] = await Promise.all([moderationQueue(db, actor, status), countPendingReview(db, actor)]);
  const decided = typeof query.listing === "string" && isUuid(query.listing) ? query.listing : null;
  const now = new Date();

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-3xl font-semibold tracking-tight">Moderation queue</h1>
        <p className="mt-1 max-w-2xl text-slate-600">
          Nothing reaches AI teams unreviewed. Oldest submissions come first; resubmissions show what changed since the last review.
        </p>
      </div>

      {query.done === "approved" && (
        <Alert tone="success" title="Approved and published">
          The listing is in search now and its miner has been emailed.{" "}
          {decided && (
            <Link href={`/listings/${decided}`} className="font-medium underline underline-offset-2">
              View the listing
            </Link>
          )}
        </Alert>
      )}
      {query.done === "rejected" && (
        <Alert tone="success" title="Rejected">
          The miner sees your reason on the listing and has been emailed it. It comes back here when they resubmit.
        </Alert>
      )}

      <CountTabs
        label="Filter the queue by status"
        tabs={STATUSES.map((s) => ({
          key: s,
          href: s === "pending_review" ? "/admin/listings" : `/admin/listings?status=${s}`,
          label: TAB_LABELS[s],
          active: s === status,
          count: s === "pending_review" ? pendingReview : undefined,
        }))}
      />

      {items.length === 0 ? (
        <EmptyState icon={<Inbox className="h-8 w-8" />} title={status === "pending_review" ? "Nothing to review" : `No ${TAB_LABELS[status].toLowerCase()} listings`}>
          {EMPTY[status]}
        </EmptyState>
      ) : status === "pending_review" ? (
        <ModerationSelection items={items.map(({ id, title }) => ({ id, title }))}>
          <BulkApprove />
          <QueueList items={items} now={now} />
        </ModerationSelection>
      ) : (
        <QueueList items={items} now={now} />
      )}
    </div>
  );
}

/** moderationQueue returns at most this many: say so rather than hide the rest silently. */
const QUEUE_LIMIT = 200;

function QueueList({ items, now }: { items: Awaited<ReturnType<typeof moderationQueue>>; now: Date }) {
  return (
    <>
      <ol className="space-y-4" aria-label="Listings, oldest submission first">
        {items.map((item) => (
          <li key={item.id}>
            <ModerationItem item={item} now={now} />
          </li>
        ))}
      </ol>
      {items.length >= QUEUE_LIMIT && <p className="text-sm text-slate-600">Showing the oldest {QUEUE_LIMIT}. Decide these and the next ones appear.</p>}
    </>
  );
}
