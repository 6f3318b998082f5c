import { apiRoute, requireCaller } from "@/lib/api/handler";
import { threadEventStream } from "@/lib/api/thread-events";

export const dynamic = "force-dynamic";

/** Server-Sent Events: `message` for each new message in the thread, `ping` every 15 s, `end` when access ends. */
export const GET = apiRoute<{ id: string }>(async (request, { caller, params }) => {
  return threadEventStream(request, requireCaller(caller), params.id);
});
