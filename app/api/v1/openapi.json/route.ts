import { openApiDocument } from "@/lib/api/openapi";

/** The OpenAPI 3.1 description of this API; it changes only with a deploy. */
export function GET(): Response {
  return Response.json(openApiDocument, { headers: { "Cache-Control": "public, max-age=300" } });
}
