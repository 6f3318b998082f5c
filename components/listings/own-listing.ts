// The signed-in miner's own listing for the /miner pages, or a 404: another organization's
// listing is not found here even when it is published (its public page is /listings/{id}).
import "server-only";
import { notFound } from "next/navigation";
import type { Executor } from "@/db";
import { getListingForViewer } from "@/db/queries/listings";
import type { Actor } from "@/lib/auth/policy";
import { AppError } from "@/lib/errors";

export async function ownListingOr404(db: Executor, actor: Actor, id: string) {
  try {
    const view = await getListingForViewer(db, actor, id);
    if (view.listing.organizationId !== actor.organizationId) notFound();
    return view;
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}
