// The mail about a message still unread some minutes after it was written: who wrote,
// about which listing, its first lines, and the link to answer in the app.
import type { Mail } from "./index";

const PREVIEW_LINES = 6;
const PREVIEW_CHARS = 600;

/** The first lines of a message, cut at a word near PREVIEW_CHARS. */
export function messagePreview(body: string): string {
  const lines = body.trim().split(/\r?\n/);
  let text = lines.slice(0, PREVIEW_LINES).join("\n");
  let cut = lines.length > PREVIEW_LINES;
  if (text.length > PREVIEW_CHARS) {
    const space = text.lastIndexOf(" ", PREVIEW_CHARS);
    text = text.slice(0, space > PREVIEW_CHARS / 2 ? space : PREVIEW_CHARS);
    cut = true;
  }
  return cut ? `${text.trimEnd()} …` : text;
}

export function unreadMessageMail(input: {
  to: string;
  recipientName: string;
  authorName: string | null;
  authorOrganizationName: string | null;
  listingTitle: string;
  /** Already masked when the two organizations have no confirmed booking yet. */
  body: string;
  url: string;
  settingsUrl: string;
}): Mail {
  const from = [input.authorName, input.authorOrganizationName].filter(Boolean).join(" at ") || "Substation";
  const quoted = messagePreview(input.body)
    .split("\n")
    .map((line) => `> ${line}`)
    .join("\n");
  return {
    to: input.to,
    template: "unread-message",
    subject: `New message from ${input.authorOrganizationName ?? input.authorName ?? "Substation"} about ${input.listingTitle}`,
    text: [
      `Hi ${input.recipientName},`,
      "",
      `${from} wrote about "${input.listingTitle}":`,
      "",
      quoted,
      "",
      "Read and reply on Substation:",
      input.url,
      "",
      "We mail at most once an hour per conversation, and only about messages you have not read in the app.",
      `Turn these mails off in your settings: ${input.settingsUrl}`,
      "",
      "— The Substation team",
    ].join("\n"),
  };
}
