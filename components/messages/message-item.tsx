import { EyeOff } from "lucide-react";
import { cn } from "@/components/ui/cn";
import { formatMessageTime } from "./format";
import { ReportMessage } from "./report-message";

/** A message as the thread's client state holds it: the time as an ISO string (it comes from JSON too). */
export type LiveMessage = {
  id: string;
  author: { id: string; name: string; organizationName: string } | null;
  body: string;
  masked: boolean;
  mine: boolean;
  createdAt: string;
};

/**
 * One message. The body is plain text and stays inert: a React text node, never HTML or
 * Markdown, and a URL in it is not made into a link.
 */
export function MessageItem({ message, canReport }: { message: LiveMessage; canReport: boolean }) {
  const at = new Date(message.createdAt);
  const author = message.author ? message.author.name : "Former member";
  return (
    <article
      aria-label={`${message.mine ? "You" : author}, ${formatMessageTime(at)}`}
      className={cn("flex flex-col", message.mine ? "items-end" : "items-start")}
    >
      <p className={cn("flex max-w-full flex-wrap items-baseline gap-x-2 px-1 text-xs text-slate-600", message.mine && "justify-end")}>
        <span className="font-medium text-slate-900">{message.mine ? "You" : author}</span>
        {message.author && <span>{message.author.organizationName}</span>}
        <time dateTime={message.createdAt}>{formatMessageTime(at)}</time>
      </p>
      <div
        className={cn(
          "mt-1 max-w-[min(36rem,88%)] rounded-2xl px-4 py-2.5 text-sm shadow-sm",
          message.mine ? "rounded-br-md bg-ink-900 text-white" : "rounded-bl-md border border-slate-200 bg-white text-slate-900",
        )}
      >
        <p className="break-words whitespace-pre-wrap">{message.body}</p>
        {message.masked && (
          <p className={cn("mt-1.5 inline-flex items-center gap-1 text-xs", message.mine ? "text-slate-300" : "text-slate-600")}>
            <EyeOff className="h-3.5 w-3.5" aria-hidden="true" /> Contact details hidden until a booking is confirmed
          </p>
        )}
      </div>
      {canReport && !message.mine && <ReportMessage messageId={message.id} authorName={author} />}
    </article>
  );
}
