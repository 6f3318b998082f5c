"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db";
import { addSitePhoto, MAX_CAPTION_LENGTH, removeSitePhoto, type SitePhoto } from "@/db/queries/site-photos";
import { createAction } from "@/lib/action";
import { actorOf } from "@/lib/auth/policy";

// The file is passed through as a File; its type and size are judged by addSitePhoto from
// the bytes, whatever the browser claimed. Next's server-action body limit must allow 5 MB.
const uploadSchema = z.strictObject({
  siteId: z.uuid({ error: "That site was not found." }),
  photo: z.file({ error: "Choose a photo to upload." }),
  caption: z.string().trim().max(MAX_CAPTION_LENGTH, `Use at most ${MAX_CAPTION_LENGTH} characters.`).optional(),
});

const removeSchema = z.strictObject({ photoId: z.uuid({ error: "That photo was not found." }) });

function revalidateSite(siteId: string) {
  revalidatePath(`/miner/sites/${siteId}`);
  revalidatePath(`/sites/${siteId}`);
}

// createAction has already refused anyone signed out or not a miner, so `user` is set.

export const uploadSitePhotoAction = createAction({
  schema: uploadSchema,
  access: ["miner"],
  handler: async ({ siteId, photo, caption }, { user }) => {
    const bytes = new Uint8Array(await photo.arrayBuffer());
    const added = await addSitePhoto(await getDb(), actorOf(user!), siteId, { bytes, declaredName: photo.name, caption });
    revalidateSite(siteId);
    return { ok: true, data: added satisfies SitePhoto, message: "Photo added." };
  },
});

export const removeSitePhotoAction = createAction({
  schema: removeSchema,
  access: ["miner"],
  handler: async ({ photoId }, { user }) => {
    const { siteId } = await removeSitePhoto(await getDb(), actorOf(user!), photoId);
    revalidateSite(siteId);
    return { ok: true, data: undefined, message: "Photo removed." };
  },
});
