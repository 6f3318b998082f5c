// The listing lifecycle of PRODUCT.md: draft → pending_review → published | rejected;
// published ⇄ paused; any → archived. Owners submit, pause, resume, withdraw and archive;
// admins approve and reject (moderation).
export type ListingStatus = "draft" | "pending_review" | "published" | "rejected" | "paused" | "archived";
export type OwnerAction = "submit" | "withdraw" | "pause" | "resume" | "archive";
export type AdminAction = "approve" | "reject";

const OWNER_TRANSITIONS: Record<OwnerAction, { from: readonly ListingStatus[]; to: ListingStatus }> = {
  // A rejected listing is edited and submitted again.
  submit: { from: ["draft", "rejected"], to: "pending_review" },
  withdraw: { from: ["pending_review"], to: "draft" },
  pause: { from: ["published"], to: "paused" },
  resume: { from: ["paused"], to: "published" },
  archive: { from: ["draft", "pending_review", "published", "rejected", "paused"], to: "archived" },
};

const ADMIN_TRANSITIONS: Record<AdminAction, { from: readonly ListingStatus[]; to: ListingStatus }> = {
  approve: { from: ["pending_review"], to: "published" },
  reject: { from: ["pending_review"], to: "rejected" },
};

export const OWNER_ACTIONS = Object.keys(OWNER_TRANSITIONS) as OwnerAction[];

export function nextStatus(action: OwnerAction | AdminAction, from: ListingStatus): ListingStatus | null {
  const rule = action in OWNER_TRANSITIONS ? OWNER_TRANSITIONS[action as OwnerAction] : ADMIN_TRANSITIONS[action as AdminAction];
  return rule.from.includes(from) ? rule.to : null;
}

/** The owner actions open to a listing in this status, for buttons and API hints. */
export function ownerActionsFor(status: ListingStatus): OwnerAction[] {
  return OWNER_ACTIONS.filter((action) => OWNER_TRANSITIONS[action].from.includes(status));
}

export function isEditable(status: ListingStatus): boolean {
  return status !== "archived";
}

/** Whether an owner's edit in this status sends the listing (back) to review. */
export function editNeedsReview(status: ListingStatus, materialChanged: boolean): boolean {
  return materialChanged && (status === "published" || status === "paused");
}

export const STATUS_LABELS: Record<ListingStatus, string> = {
  draft: "Draft",
  pending_review: "In review",
  published: "Published",
  rejected: "Rejected",
  paused: "Paused",
  archived: "Archived",
};

export const ACTION_LABELS: Record<OwnerAction, string> = {
  submit: "Submit for review",
  withdraw: "Withdraw from review",
  pause: "Pause",
  resume: "Resume",
  archive: "Archive",
};
