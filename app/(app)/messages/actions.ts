"use server";

// The conversation pages' writes and the live thread's small reads. Each is a public POST:
// the data layer decides who may see and write which thread (404 for the rest).
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db";
import { createInquiry, getThread, messagesSince, postMessage, reportMessage, setMessageMail, type ThreadMessage } from "@/db/queries/messages";
import { resolveMessageReport } from "@/db/queries/message-reports";
import { askSchema, composerSchema, messageMailFormSchema, reportMessageFormSchema, resolveMessageReportFormSchema } from "@/components/messages/schemas";
import { createAction } from "@/lib/action";
import { requireUser } from "@/lib/auth/guards";
import { actorOf } from "@/lib/auth/policy";

const PARTIES = ["miner", "buyer", "admin"] as const;
const uuid = z.uuid({ error: "That conversation was not found." });

/** "Ask the miner" on a listing page: the buyer organization's inquiry thread, new or existing. */
export const askMinerAction = createAction({
  schema: askSchema,
  access: ["buyer"],
  handler: async ({ listingId, body }, { user }) => {
    const { threadId } = await createInquiry(await getDb(), actorOf(user!), listingId, { body });
    revalidatePath("/messages");
    redirect(`/messages/${threadId}?sent=1`);
  },
});

export type PostedMessage = ThreadMessage;

/** A reply in a thread; returns the message as the thread shows it, so the sender sees it at once. */
export const postMessageAction = createAction({
  schema: composerSchema,
  access: [...PARTIES],
  handler: async ({ threadId, body }, { user }) => {
    const posted = await postMessage(await getDb(), actorOf(user!), threadId, { body });
    const message: PostedMessage = {
      id: posted.id,
      author: { id: user!.id, name: user!.name, organizationName: user!.organization?.name ?? "Substation" },
      body: posted.body,
      masked: false,
      mine: true,
      createdAt: posted.createdAt,
    };
    return { ok: true, data: message };
  },
});

/** "Report" on another party's message. */
export const reportMessageAction = createAction({
  schema: reportMessageFormSchema,
  access: [...PARTIES],
  handler: async ({ messageId, ...report }, { user }) => {
    await reportMessage(await getDb(), actorOf(user!), messageId, report);
    revalidatePath("/admin/messages");
    return { ok: true, data: undefined, message: "Reported. Our admins will review it; the sender is not told who reported it." };
  },
});

/** Settings: mail about unread messages, on or off. */
export const messageMailAction = createAction({
  schema: messageMailFormSchema,
  access: [...PARTIES],
  handler: async ({ enabled }, { user }) => {
    await setMessageMail(await getDb(), actorOf(user!), enabled);
    revalidatePath("/settings");
    return { ok: true, data: undefined, message: enabled ? "We will mail you about messages you have not read." : "No more mail about unread messages." };
  },
});

/** Admins: resolve or dismiss a reported message, with a note kept in the audit log. */
export const resolveMessageReportAction = createAction({
  schema: resolveMessageReportFormSchema,
  access: ["admin"],
  handler: async ({ reportId, ...resolution }, { user }) => {
    const result = await resolveMessageReport(await getDb(), actorOf(user!), reportId, resolution);
    revalidatePath("/admin/messages");
    redirect(`/admin/messages?done=${result.status}`);
  },
});

/** The live thread's fallback while its stream is down: messages after the newest one shown. */
export async function messagesSinceAction(threadId: string, afterMessageId: string | null): Promise<ThreadMessage[]> {
  const user = await requireUser();
  const db = await getDb();
  const id = uuid.parse(threadId);
  // A thread with nothing in it yet has no newest message to count from: read its first page.
  if (!afterMessageId) return (await getThread(db, actorOf(user), id, { markRead: false })).messages;
  return messagesSince(db, actorOf(user), id, uuid.parse(afterMessageId));
}

/** "Show earlier messages": the page before the oldest one shown. */
export async function earlierMessagesAction(threadId: string, beforeMessageId: string): Promise<{ messages: ThreadMessage[]; hasEarlier: boolean }> {
  const user = await requireUser();
  const ids = z.object({ threadId: uuid, beforeMessageId: uuid }).parse({ threadId, beforeMessageId });
  const { messages, hasEarlier } = await getThread(await getDb(), actorOf(user), ids.threadId, { before: ids.beforeMessageId, markRead: false });
  return { messages, hasEarlier };
}

/** The reader has seen what arrived live: mark the thread read so the badge and mail agree. */
export async function markThreadReadAction(threadId: string): Promise<void> {
  const user = await requireUser();
  await getThread(await getDb(), actorOf(user), uuid.parse(threadId), { limit: 1, markRead: true });
}
