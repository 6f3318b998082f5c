// The live stream of one conversation (GET /api/v1/threads/{id}/events): Server-Sent Events
// fed by the process's one LISTEN (lib/realtime.ts). A notification only says "something
// new in thread X"; the stream re-reads through messagesSince, the same authorized and
// masked query as the page, from the last message it sent. Every heartbeat re-checks that
// the caller may still be here (session or token still valid, user and organization not
// suspended or removed) and catches up on anything a dropped LISTEN connection missed.
import "server-only";
import { getDb, type Database } from "@/db";
import { findUserByToken } from "@/db/queries/api-tokens";
import { latestMessageId, messagesSince } from "@/db/queries/messages";
import { findSessionUser } from "@/db/queries/users";
import { isActive, type SignedInUser } from "@/lib/auth/guards";
import { isUuid } from "@/lib/ids";
import { subscribeThreadMessages } from "@/lib/realtime";
import type { Caller } from "./handler";
import { presentThreadMessage } from "./present";

export const HEARTBEAT_MS = 15_000;

/** Whether the credential the stream was opened with still stands. */
async function stillAllowed(db: Database, request: Request, caller: Caller): Promise<boolean> {
  if (caller.via === "token") {
    const token = /^Bearer\s+(\S+)$/i.exec(request.headers.get("authorization") ?? "")?.[1];
    const user = token ? await findUserByToken(db, token) : null;
    return user !== null && user.id === caller.user.id && isActive(user);
  }
  const sessionId = (caller.user as Partial<SignedInUser>).sessionId;
  if (!sessionId) return false;
  const user = await findSessionUser(db, caller.user.id, sessionId);
  return user !== null && isActive(user);
}

/**
 * Opens the stream after checking that the caller may see the thread (404 otherwise, as a
 * JSON error). `Last-Event-ID` (sent by EventSource when it reconnects) resumes after that
 * message; without it the stream starts after the newest message.
 */
export async function threadEventStream(request: Request, caller: Caller, threadId: string, options: { heartbeatMs?: number } = {}): Promise<Response> {
  const db = await getDb();
  const latest = await latestMessageId(db, caller.actor, threadId);
  const resume = request.headers.get("last-event-id")?.trim();
  let cursor: string | null = resume && isUuid(resume) ? resume : latest;
  const encoder = new TextEncoder();
  let closed = false;
  let unsubscribe: (() => void) | null = null;
  let timer: ReturnType<typeof setInterval> | null = null;
  let queue: Promise<void> = Promise.resolve();
  let controllerRef: ReadableStreamDefaultController<Uint8Array> | null = null;

  const send = (chunk: string) => {
    if (!closed) controllerRef?.enqueue(encoder.encode(chunk));
  };
  const close = (reason?: string) => {
    if (closed) return;
    if (reason) send(`event: end\ndata: ${JSON.stringify({ reason })}\n\n`);
    closed = true;
    if (timer) clearInterval(timer);
    unsubscribe?.();
    try {
      controllerRef?.close();
    } catch {
      // Already closed by the client.
    }
  };
  // One read at a time, in order, so that every message goes out once and the cursor only moves forward.
  const enqueue = (work: () => Promise<void>) => {
    queue = queue.then(async () => {
      if (closed) return;
      try {
        await work();
      } catch (error) {
        if ((error as { status?: number }).status === 404) return close("access_ended");
        console.error("[events] thread stream failed", error);
      }
    });
  };
  const flush = () =>
    enqueue(async () => {
      for (const message of await messagesSince(db, caller.actor, threadId, cursor)) {
        send(`id: ${message.id}\nevent: message\ndata: ${JSON.stringify(presentThreadMessage(message))}\n\n`);
        cursor = message.id;
      }
    });

  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      controllerRef = controller;
      request.signal.addEventListener("abort", () => close());
      send(`retry: 3000\n\n`);
      unsubscribe = await subscribeThreadMessages((event) => {
        if (event.threadId === threadId) flush();
      });
      if (closed) return unsubscribe();
      flush(); // anything written between the cursor and the LISTEN
      timer = setInterval(() => {
        enqueue(async () => {
          if (!(await stillAllowed(db, request, caller))) return close("access_ended");
          send(`event: ping\ndata: {}\n\n`);
        });
        flush();
      }, options.heartbeatMs ?? HEARTBEAT_MS);
    },
    cancel() {
      close();
    },
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-store, no-transform",
      Connection: "keep-alive",
      // Proxies (nginx) must not buffer the stream.
      "X-Accel-Buffering": "no",
    },
  });
}
