// The caller's organization's active members, for any member of it.
import { getDb } from "@/db";
import { listMembers } from "@/db/queries/organization-members";
import { apiRoute, requireCaller } from "@/lib/api/handler";

const NO_STORE = { "Cache-Control": "no-store" };

/** Admins belong to no organization: 403 (listMembers refuses them without one). */
export const GET = apiRoute(async (_request, { caller }) => {
  const { actor } = requireCaller(caller);
  const members = await listMembers(await getDb(), actor);
  const items = members.map((m) => ({ id: m.id, name: m.name, email: m.email, role: m.role, joinedAt: m.joinedAt, lastSignInAt: m.lastSignInAt }));
  return Response.json({ items }, { headers: NO_STORE });
});
