"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db";
import { addSiteDocument, removeSiteDocument } from "@/db/queries/site-documents";
import { createAction } from "@/lib/action";
import { actorOf } from "@/lib/auth/policy";

// The file passes through as a File; addSiteDocument judges its type from the bytes and its
// size, whatever the browser claimed, and checks the kind. Next's server-action body limit
// must allow 10 MB.
const uploadSchema = z.strictObject({
  siteId: z.uuid({ error: "That site was not found." }),
  document: z.file({ error: "Choose a file to upload." }),
  kind: z.string({ error: "Choose what the document is." }),
});

const removeSchema = z.strictObject({ documentId: z.uuid({ error: "That document was not found." }) });

function revalidateSite(siteId: string) {
  revalidatePath(`/miner/sites/${siteId}`);
  revalidatePath("/admin/sites");
}

// createAction has already refused anyone signed out or not a miner, so `user` is set.

export const uploadSiteDocumentAction = createAction({
  schema: uploadSchema,
  access: ["miner"],
  handler: async ({ siteId, document, kind }, { user }) => {
    const bytes = new Uint8Array(await document.arrayBuffer());
    const added = await addSiteDocument(await getDb(), actorOf(user!), siteId, { bytes, declaredName: document.name, kind });
    revalidateSite(siteId);
    return { ok: true, data: { id: added.id }, message: `${added.kindLabel} “${added.filename}” added. Admins can now review it.` };
  },
});

export const removeSiteDocumentAction = createAction({
  schema: removeSchema,
  access: ["miner"],
  handler: async ({ documentId }, { user }) => {
    const { siteId } = await removeSiteDocument(await getDb(), actorOf(user!), documentId);
    revalidateSite(siteId);
    return { ok: true, data: undefined, message: "Document removed." };
  },
});
