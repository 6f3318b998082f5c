"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import { createReport } from "@/db/queries/reports";
import { recordHit } from "@/db/queries/rate-limits";
import { createAction } from "@/lib/action";
import { actorOf } from "@/lib/auth/policy";
import { AppError } from "@/lib/errors";
import { reportSchema } from "@/lib/validations/admin";

/** Enough for someone who finds several bad listings; not enough to flood the admins. */
const REPORTS_PER_HOUR = 10;

/** Any signed-in user reports a listing they can see; admins then resolve it. */
export const reportListingAction = createAction({
  schema: reportSchema,
  access: ["buyer", "miner", "admin"],
  handler: async (input, { user }) => {
    const db = await getDb();
    if ((await recordHit(db, `report:${user!.id}`, 3600)) > REPORTS_PER_HOUR) {
      throw AppError.rateLimited("You have sent many reports in the last hour. Please try again later.");
    }
    await createReport(db, actorOf(user!), input);
    revalidatePath("/admin/reports");
    return { ok: true, data: undefined, message: "Thanks — our team will review it." };
  },
});
