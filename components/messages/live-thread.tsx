"use client";

// An open thread that follows itself: new messages arrive over the thread's event stream
// (PostgreSQL NOTIFY behind it), and while the stream is down the thread polls every 3 s.
// Messages are keyed by id, so the stream, the poll and the sender's own post never double up.
import { useCallback, useEffect, useRef, useState, useTransition } from "react";
import { Loader2 } from "lucide-react";
import { earlierMessagesAction, markThreadReadAction, messagesSinceAction } from "@/app/(app)/messages/actions";
import type { ThreadMessage } from "@/db/queries/messages";
import { Button } from "@/components/ui/button";
import { Composer } from "./composer";
import { MessageItem, type LiveMessage } from "./message-item";
import { announceUnreadChange } from "./unread-badge";

const POLL_MS = 3000;

type Incoming = Omit<ThreadMessage, "createdAt"> & { createdAt: string | Date };

const toLive = (m: Incoming): LiveMessage => ({ ...m, createdAt: new Date(m.createdAt).toISOString() });

/** Merges by id and keeps the thread oldest first. */
function merge(current: LiveMessage[], incoming: LiveMessage[]): LiveMessage[] {
  if (!incoming.length) return current;
  const byId = new Map(current.map((m) => [m.id, m]));
  let changed = false;
  for (const m of incoming) {
    if (!byId.has(m.id)) changed = true;
    byId.set(m.id, m);
  }
  if (!changed) return current;
  return [...byId.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

export function LiveThread({
  threadId,
  initialMessages,
  hasEarlier: initialHasEarlier,
  canReport,
  composerHint,
}: {
  threadId: string;
  initialMessages: LiveMessage[];
  hasEarlier: boolean;
  canReport: boolean;
  composerHint?: string;
}) {
  const [messages, setMessages] = useState(initialMessages);
  const [hasEarlier, setHasEarlier] = useState(initialHasEarlier);
  const [loadingEarlier, startEarlier] = useTransition();
  const [connection, setConnection] = useState<"live" | "reconnecting">("live");
  const newestId = useRef<string | null>(initialMessages.at(-1)?.id ?? null);
  const end = useRef<HTMLDivElement>(null);
  const unseen = useRef(false);

  useEffect(() => {
    newestId.current = messages.at(-1)?.id ?? null;
  }, [messages]);

  /** Someone else's message arrived while the thread is open: it is read if the tab is in view. */
  const markRead = useCallback(() => {
    if (document.visibilityState !== "visible") {
      unseen.current = true;
      return;
    }
    unseen.current = false;
    markThreadReadAction(threadId)
      .catch(() => {})
      .finally(announceUnreadChange);
  }, [threadId]);

  const receive = useCallback(
    (incoming: Incoming[]) => {
      if (!incoming.length) return;
      const live = incoming.map(toLive);
      const nearBottom = window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 200;
      setMessages((current) => merge(current, live));
      if (live.some((m) => !m.mine)) markRead();
      if (nearBottom) requestAnimationFrame(() => end.current?.scrollIntoView({ block: "end" }));
    },
    [markRead],
  );

  // The stream, with polling while it is down. EventSource retries by itself after a network
  // error; a refused stream (CLOSED) is opened again after a pause.
  useEffect(() => {
    let source: EventSource | null = null;
    let poll: ReturnType<typeof setInterval> | null = null;
    let reopen: ReturnType<typeof setTimeout> | null = null;
    let stopped = false;

    const catchUp = () => {
      messagesSinceAction(threadId, newestId.current)
        .then(receive)
        .catch(() => {});
    };
    const startPolling = () => {
      setConnection("reconnecting");
      if (!poll) poll = setInterval(catchUp, POLL_MS);
    };
    const stopPolling = () => {
      if (poll) clearInterval(poll);
      poll = null;
      setConnection("live");
    };
    const open = () => {
      if (stopped) return;
      source = new EventSource(`/api/v1/threads/${threadId}/events`);
      source.addEventListener("open", () => {
        stopPolling();
        catchUp(); // anything sent while the stream was down
      });
      source.addEventListener("message", (event) => {
        try {
          receive([JSON.parse((event as MessageEvent<string>).data) as Incoming]);
        } catch {
          catchUp();
        }
      });
      source.addEventListener("error", () => {
        startPolling();
        if (source?.readyState === EventSource.CLOSED) {
          source.close();
          reopen = setTimeout(open, 10_000);
        }
      });
    };
    open();

    const onVisible = () => {
      if (document.visibilityState === "visible" && unseen.current) markRead();
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      stopped = true;
      source?.close();
      if (poll) clearInterval(poll);
      if (reopen) clearTimeout(reopen);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [threadId, receive, markRead]);

  const onPosted = useCallback((message: LiveMessage) => {
    setMessages((current) => merge(current, [message]));
    requestAnimationFrame(() => end.current?.scrollIntoView({ block: "end" }));
  }, []);

  function showEarlier() {
    const oldest = messages[0];
    if (!oldest) return;
    startEarlier(async () => {
      const page = await earlierMessagesAction(threadId, oldest.id);
      setMessages((current) => merge(current, page.messages.map(toLive)));
      setHasEarlier(page.hasEarlier);
    });
  }

  return (
    <div>
      {hasEarlier && (
        <div className="mb-4 flex justify-center">
          <Button variant="secondary" size="sm" onClick={showEarlier} disabled={loadingEarlier} aria-disabled={loadingEarlier}>
            {loadingEarlier && <Loader2 className="h-4 w-4 animate-spin" aria-hidden="true" />}
            Show earlier messages
          </Button>
        </div>
      )}

      {messages.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white px-4 py-8 text-center text-sm text-slate-600">
          No messages yet. Write the first one below.
        </p>
      ) : (
        <ol aria-label="Messages, oldest first" aria-live="polite" aria-relevant="additions" className="space-y-5">
          {messages.map((message) => (
            <li key={message.id}>
              <MessageItem message={message} canReport={canReport} />
            </li>
          ))}
        </ol>
      )}
      <div ref={end} />

      {/* A fixed-height line, so the indicator never moves the composer. */}
      <p role="status" className="mt-4 h-5 text-xs text-amber-800">
        {connection === "reconnecting" && (
          <span className="inline-flex items-center gap-1.5">
            <Loader2 className="h-3.5 w-3.5 animate-spin" aria-hidden="true" /> Reconnecting… new messages still arrive every few seconds.
          </span>
        )}
      </p>

      <div className="sticky bottom-0 -mx-4 mt-1 border-t border-slate-200 bg-slate-50/95 px-4 pt-3 pb-4 backdrop-blur sm:mx-0 sm:rounded-xl sm:border sm:bg-white sm:px-4 sm:shadow-sm">
        <Composer threadId={threadId} onPosted={onPosted} hint={composerHint} />
      </div>
    </div>
  );
}
