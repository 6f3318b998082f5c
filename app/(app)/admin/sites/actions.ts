"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import { setSiteVerified } from "@/db/queries/verification";
import { verificationFormSchema } from "@/components/admin/verification-schemas";
import { createAction } from "@/lib/action";
import { actorOf } from "@/lib/auth/policy";
import { listingsChanged } from "@/lib/search-cache";

// createAction has already refused anyone who is not an admin, so `user` is set; the query
// checks the role again and audits the decision.

export const verificationAction = createAction({
  schema: verificationFormSchema,
  access: ["admin"],
  handler: async ({ siteId, decision, note }, { user }) => {
    const granted = decision === "grant";
    await setSiteVerified(await getDb(), actorOf(user!), siteId, granted, note || null);
    // The badge shows on the review page, the miner's site page, listing pages and search.
    listingsChanged();
    revalidatePath("/admin/sites");
    revalidatePath(`/miner/sites/${siteId}`);
    revalidatePath("/listings/[id]", "page");
    revalidatePath("/dashboard");
    return {
      ok: true,
      data: { verified: granted },
      message: granted ? "Verified. The badge now shows on this site's listings and in search." : "Verification revoked. The badge is gone from its listings and search.",
    };
  },
});
