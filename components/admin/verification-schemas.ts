// The verification form's schema, shared by the browser (checked before sending) and the
// server action.
import { z } from "zod";
import { optional, textField } from "@/lib/validations/fields";

export const verificationFormSchema = z.strictObject({
  siteId: z.uuid({ error: "That site was not found." }),
  decision: z.enum(["grant", "revoke"], { error: "Grant or revoke." }),
  note: optional(textField("the note", 2000)),
});
