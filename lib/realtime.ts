// Live updates from PostgreSQL: one LISTEN on `thread_messages` per process, fanned out to
// the open streams here. The NOTIFY comes from the messages_after_insert trigger (migration
// 0011) on commit, from whichever instance wrote the message, so every instance hears every
// message; the payload names ids only, and each stream re-reads through the authorized
// queries (db/queries/messages.ts).
import "server-only";
import { getHandle } from "@/db/connection";

export type ThreadMessageEvent = { threadId: string; messageId: string };
type Listener = (event: ThreadMessageEvent) => void;

export const THREAD_MESSAGES_CHANNEL = "thread_messages";

type State = { listeners: Set<Listener>; started: Promise<() => Promise<void>> | null };
// On globalThis so that dev's module reloads share the one connection.
const globalForRealtime = globalThis as unknown as { substationRealtime?: State };
const state: State = (globalForRealtime.substationRealtime ??= { listeners: new Set(), started: null });

function dispatch(payload: string | undefined): void {
  let event: ThreadMessageEvent;
  try {
    const parsed = JSON.parse(payload ?? "") as Partial<ThreadMessageEvent>;
    if (typeof parsed.threadId !== "string" || typeof parsed.messageId !== "string") return;
    event = { threadId: parsed.threadId, messageId: parsed.messageId };
  } catch {
    return;
  }
  for (const listener of [...state.listeners]) {
    try {
      listener(event);
    } catch (error) {
      console.error("[realtime] a listener failed", error);
    }
  }
}

type PostgresClient = {
  listen: (channel: string, onNotify: (payload: string) => void, onListen?: () => void) => Promise<{ unlisten: () => Promise<void> }>;
};
type PgliteClient = { listen: (channel: string, callback: (payload: string) => void) => Promise<() => Promise<void>> };

/**
 * The process's one LISTEN. postgres.js keeps it on a dedicated connection beside its pool
 * and, when that connection drops, reconnects and listens again by itself (onListen runs
 * each time; tests/integration/messages.test.ts drops it to prove it). Notifications sent
 * while it was down are lost, which is why the streams also catch up on every heartbeat.
 */
async function start(): Promise<() => Promise<void>> {
  const handle = await getHandle();
  const client = (handle.db as unknown as { $client: unknown }).$client;
  if (handle.driver === "postgres") {
    const { unlisten } = await (client as PostgresClient).listen(THREAD_MESSAGES_CHANNEL, dispatch);
    return unlisten;
  }
  return (client as PgliteClient).listen(THREAD_MESSAGES_CHANNEL, dispatch);
}

/** Calls `listener` for every new message in any thread, until the returned function is called. */
export async function subscribeThreadMessages(listener: Listener): Promise<() => void> {
  state.listeners.add(listener);
  try {
    state.started ??= start().catch((error: unknown) => {
      state.started = null;
      throw error;
    });
    await state.started;
  } catch (error) {
    state.listeners.delete(listener);
    throw error;
  }
  let subscribed = true;
  return () => {
    if (!subscribed) return;
    subscribed = false;
    state.listeners.delete(listener);
    if (state.listeners.size === 0 && state.started) {
      // The last stream closed: give the connection back (the next subscriber listens again).
      const started = state.started;
      state.started = null;
      void started.then((unlisten) => unlisten()).catch((error: unknown) => console.error("[realtime] unlisten failed", error));
    }
  };
}

/** Subscribers in this process (for tests and diagnostics). */
export function subscriberCount(): number {
  return state.listeners.size;
}
