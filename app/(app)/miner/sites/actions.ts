"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db";
import { createSite, updateSite } from "@/db/queries/sites";
import { createAction } from "@/lib/action";
import { actorOf } from "@/lib/auth/policy";
import { unflatten } from "@/lib/validations/fields";
import { siteSchema } from "@/lib/validations/site";

/** The site form posts dotted names ("powerMix.hydro") and one checkbox per cooling type. */
function prepareSite(fields: Record<string, unknown>) {
  // The hidden siteId says which site; it is not one of the site's facts.
  const rest = { ...fields };
  delete rest.siteId;
  return unflatten(rest);
}

export const createSiteAction = createAction({
  schema: siteSchema,
  access: ["miner"],
  prepare: prepareSite,
  handler: async (input, { user }) => {
    const site = await createSite(await getDb(), actorOf(user!), input);
    revalidatePath("/miner/sites");
    revalidatePath("/dashboard");
    redirect(`/miner/sites/${site.id}?created=1`);
  },
});

export const updateSiteAction = createAction({
  schema: z.looseObject({ siteId: z.uuid({ error: "That site does not exist." }) }),
  access: ["miner"],
  handler: async ({ siteId, ...fields }, { user }) => {
    const site = await updateSite(await getDb(), actorOf(user!), siteId, prepareSite(fields));
    revalidatePath(`/miner/sites/${site.id}`);
    revalidatePath("/miner/sites");
    redirect(`/miner/sites/${site.id}?saved=1`);
  },
});
