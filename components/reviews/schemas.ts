// The review forms' schemas beyond the API's: the ids a form posts, shared by the browser
// check and the server actions.
import { z } from "zod";
import { hideReviewSchema, replySchema, reportReviewSchema, resolveReviewReportSchema, reviewSchema } from "@/lib/validations/reviews";

export const reviewFormSchema = reviewSchema.extend({ bookingId: z.uuid({ error: "That booking was not found." }) });
export const replyFormSchema = replySchema.extend({ reviewId: z.uuid({ error: "That review was not found." }) });
export const reportReviewFormSchema = reportReviewSchema.extend({ reviewId: z.uuid({ error: "That review was not found." }) });
export const hideReviewFormSchema = hideReviewSchema.extend({ reviewId: z.uuid({ error: "That review was not found." }) });
export const resolveReviewReportFormSchema = resolveReviewReportSchema.extend({ reportId: z.uuid({ error: "That report was not found." }) });
