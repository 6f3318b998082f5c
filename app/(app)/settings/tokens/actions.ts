"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import { createApiToken, revokeApiToken } from "@/db/queries/api-tokens";
import { createAction } from "@/lib/action";
import { actorOf } from "@/lib/auth/policy";
import { apiTokenSchema, revokeApiTokenSchema } from "@/lib/validations/api-token";

export type CreatedToken = { id: string; name: string; prefix: string; token: string };

// createAction has already refused anyone signed out or not a miner or buyer, so `user` is set.

export const createTokenAction = createAction({
  schema: apiTokenSchema,
  access: ["miner", "buyer"],
  handler: async ({ name }, { user }) => {
    const created = await createApiToken(await getDb(), actorOf(user!), name);
    revalidatePath("/settings/tokens");
    return { ok: true, data: { id: created.id, name: created.name, prefix: created.prefix, token: created.token } satisfies CreatedToken };
  },
});

export const revokeTokenAction = createAction({
  schema: revokeApiTokenSchema,
  access: ["miner", "buyer"],
  handler: async ({ id }, { user }) => {
    await revokeApiToken(await getDb(), actorOf(user!), id);
    revalidatePath("/settings/tokens");
    return { ok: true, data: undefined, message: "Token revoked. Requests using it are refused from now on." };
  },
});
