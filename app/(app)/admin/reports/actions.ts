"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { resolveReport } from "@/db/queries/reports";
import { resolveReportFormSchema } from "@/components/admin/moderation-schemas";
import { createAction } from "@/lib/action";
import { actorOf } from "@/lib/auth/policy";

/** Resolves or dismisses a report with a note; optionally takes the listing out of search. */
export const resolveReportAction = createAction({
  schema: resolveReportFormSchema,
  access: ["admin"],
  handler: async ({ reportId, ...resolution }, { user }) => {
    const result = await resolveReport(await getDb(), actorOf(user!), reportId, resolution);
    revalidatePath("/admin/reports");
    revalidatePath("/dashboard");
    if (result.unpublished) {
      revalidatePath("/search");
      revalidatePath("/listings/[id]", "page");
      revalidatePath("/miner/listings");
    }
    redirect(`/admin/reports?done=${result.status}${result.unpublished ? "&unpublished=1" : ""}`);
  },
});
