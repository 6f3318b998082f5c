import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth";

export const GET = handlers.GET;

/**
 * Auth.js answers a refused credentials sign-in with a redirect carrying `code`; a script
 * signing in through the API gets a plain 429 when it is rate limited instead.
 */
export async function POST(request: NextRequest): Promise<Response> {
  const response = await handlers.POST(request);
  const location = response.headers.get("location");
  if (location && new URL(location, request.url).searchParams.get("code") === "rate_limited") {
    return Response.json(
      { error: { code: "rate_limited", message: "Too many failed sign-in attempts. Wait a minute and try again." } },
      { status: 429, headers: { "Retry-After": "60" } },
    );
  }
  return response;
}
