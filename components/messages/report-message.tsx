"use client";

import { reportMessageAction } from "@/app/(app)/messages/actions";
import { ReportControl } from "@/components/moderation/report-control";
import { MESSAGE_REPORT_LABELS } from "./format";
import { reportMessageFormSchema } from "./schemas";

/** "Report" under another party's message. */
export function ReportMessage({ messageId, authorName }: { messageId: string; authorName: string }) {
  return (
    <ReportControl
      action={reportMessageAction}
      schema={reportMessageFormSchema}
      target={{ name: "messageId", id: messageId }}
      accessibleSuffix={` this message from ${authorName}`}
      labels={MESSAGE_REPORT_LABELS}
      className="group mt-1 max-w-[min(36rem,88%)]"
      doneClassName="mt-1 px-1"
    />
  );
}
