// An admin's handling of a reported message: resolve or dismiss, always with a note.
import { z } from "zod";
import { requiredReason } from "./admin";

export const resolveMessageReportSchema = z.strictObject({
  outcome: z.enum(["resolved", "dismissed"], { error: "Resolve or dismiss." }),
  note: requiredReason("a note on what was done"),
});
