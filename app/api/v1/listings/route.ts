import type { z } from "zod";
import { getDb } from "@/db";
import { createListing } from "@/db/queries/listings";
import { cachedSearch } from "@/lib/search-cache";
import { apiRoute, jsonBody, requireCaller } from "@/lib/api/handler";
import { presentListing } from "@/lib/api/present";
import { AppError, type FieldErrors } from "@/lib/errors";
import { searchInput, searchSchema } from "@/lib/validations/search";

// Results are the same for every caller, so anonymous answers may sit briefly in shared
// caches; a signed-in caller's answers stay out of them all the same.
const ANONYMOUS_CACHE = "public, max-age=15, stale-while-revalidate=60";

/**
 * Published listings matching the query string (see searchSchema); anyone may search.
 * Unknown parameters are ignored and the first of a repeated one wins.
 */
export const GET = apiRoute(async (request, { caller }) => {
  const parsed = searchSchema.safeParse(searchInput(new URL(request.url).searchParams));
  if (!parsed.success) throw AppError.validation(parameterErrors(parsed.error), "Some search parameters need attention.");
  const result = await cachedSearch(parsed.data);
  return Response.json(result, { headers: { "Cache-Control": caller ? "no-store" : ANONYMOUS_CACHE } });
});

/** Errors keyed by the query parameter a client sent ("cooling", not "cooling.1"), first message each. */
function parameterErrors(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) fields[String(issue.path[0] ?? "_")] ??= issue.message;
  return fields;
}

/** Creates a draft listing on one of the caller's sites. */
export const POST = apiRoute(async (request, { caller }) => {
  const { actor } = requireCaller(caller, "miner");
  const listing = await createListing(await getDb(), actor, await jsonBody(request));
  return Response.json(presentListing(listing), { status: 201, headers: { Location: `/api/v1/listings/${listing.id}` } });
});
