// Mail about reviews: the other side has reviewed (blind until you do), and reviews are out.
import type { Mail } from "./index";

export function otherSideReviewedMail(input: { to: string; listingTitle: string; url: string; windowEnds: string }): Mail {
  return {
    to: input.to,
    template: "review_waiting",
    subject: `Your counterpart reviewed ${input.listingTitle}`,
    text: [
      `The other party of your booking "${input.listingTitle}" has written a review.`,
      "",
      `Reviews are double-blind: you will see theirs once you have written yours, or when the window closes on ${input.windowEnds} (UTC).`,
      "",
      `Write yours: ${input.url}`,
      "",
      "— The Substation team",
    ].join("\n"),
  };
}

export function reviewsPublishedMail(input: { to: string; listingTitle: string; url: string }): Mail {
  return {
    to: input.to,
    template: "reviews_published",
    subject: `Reviews of ${input.listingTitle} are published`,
    text: [`The reviews of your booking "${input.listingTitle}" are now visible to both parties and on the public pages.`, "", `Read them: ${input.url}`, "", "— The Substation team"].join("\n"),
  };
}
