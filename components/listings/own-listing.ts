// The miner pages' wrapper around getOwnListing: a listing that is not the actor's own
// renders the 404 page (its public page is /listings/{id}).
import "server-only";
import { notFound } from "next/navigation";
import type { Executor } from "@/db";
import { getOwnListing } from "@/db/queries/listings";
import type { Actor } from "@/lib/auth/policy";
import { AppError } from "@/lib/errors";

export async function ownListingOr404(db: Executor, actor: Actor, id: string) {
  try {
    return await getOwnListing(db, actor, id);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}
