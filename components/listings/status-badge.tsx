import { Badge, type BadgeTone } from "@/components/ui/badge";
import { STATUS_LABELS, type ListingStatus } from "@/lib/domain/listing-lifecycle";

const TONES: Record<ListingStatus, BadgeTone> = {
  draft: "neutral",
  pending_review: "amber",
  published: "green",
  rejected: "red",
  paused: "blue",
  archived: "neutral",
};

export function ListingStatusBadge({ status, className }: { status: ListingStatus; className?: string }) {
  return (
    <Badge tone={TONES[status]} className={className}>
      {STATUS_LABELS[status]}
    </Badge>
  );
}
