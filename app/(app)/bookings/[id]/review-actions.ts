"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import { replyToReview, reportReview, resolveReviewReport, setReviewHidden, submitReview } from "@/db/queries/reviews";
import { hideReviewFormSchema, replyFormSchema, reportReviewFormSchema, resolveReviewReportFormSchema, reviewFormSchema } from "@/components/reviews/schemas";
import { createAction } from "@/lib/action";
import { appUrl } from "@/lib/api/app-url";
import { actorOf } from "@/lib/auth/policy";
import { deliverSoon } from "@/lib/mail";

// createAction has refused anyone signed out or of another role, so `user` is set; the
// reviews queries then check that the user's organization is a party (or the subject).

/** Where a review shows: the booking, the reviewed organization's page, listings and search. */
function refresh(bookingId?: string) {
  if (bookingId) revalidatePath(`/bookings/${bookingId}`);
  revalidatePath("/miners/[id]", "page");
  revalidatePath("/listings/[id]", "page");
  revalidatePath("/admin/reviews");
}

export const submitReviewAction = createAction({
  schema: reviewFormSchema,
  access: ["buyer", "miner"],
  handler: async ({ bookingId, ...review }, { user }) => {
    const db = await getDb();
    const saved = await submitReview(db, actorOf(user!), bookingId, review, { appUrl: await appUrl() });
    deliverSoon(db);
    refresh(bookingId);
    return { ok: true, data: undefined, message: saved.publishedAt ? "Thank you. Both reviews are now published." : "Thank you. Your review stays hidden until the other side reviews or the window closes." };
  },
});

export const replyToReviewAction = createAction({
  schema: replyFormSchema,
  access: ["buyer", "miner"],
  handler: async ({ reviewId, ...reply }, { user }) => {
    const saved = await replyToReview(await getDb(), actorOf(user!), reviewId, reply);
    refresh(saved.bookingId);
    return { ok: true, data: undefined, message: "Your reply is published under the review." };
  },
});

export const reportReviewAction = createAction({
  schema: reportReviewFormSchema,
  access: ["buyer", "miner", "admin"],
  handler: async ({ reviewId, ...report }, { user }) => {
    await reportReview(await getDb(), actorOf(user!), reviewId, report);
    revalidatePath("/admin/reviews");
    return { ok: true, data: undefined, message: "Reported. Our admins will look at it; the author is not told who reported it." };
  },
});

/** Admins: hide a review (it stops counting) or restore it, with a reason kept in the audit log. */
export const setReviewHiddenAction = createAction({
  schema: hideReviewFormSchema,
  access: ["admin"],
  handler: async ({ reviewId, ...change }, { user }) => {
    const saved = await setReviewHidden(await getDb(), actorOf(user!), reviewId, change);
    refresh(saved.bookingId);
    return { ok: true, data: undefined, message: saved.hidden ? "Hidden. It no longer shows or counts in the rating." : "Restored. It shows and counts again." };
  },
});

export const resolveReviewReportAction = createAction({
  schema: resolveReviewReportFormSchema,
  access: ["admin"],
  handler: async ({ reportId, ...resolution }, { user }) => {
    await resolveReviewReport(await getDb(), actorOf(user!), reportId, resolution);
    revalidatePath("/admin/reviews");
    return { ok: true, data: undefined, message: resolution.outcome === "resolved" ? "Report resolved." : "Report dismissed." };
  },
});
