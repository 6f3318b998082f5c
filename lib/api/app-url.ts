// The public origin of this app, for links in mail, checkout redirects and examples:
// APP_URL when set, otherwise what the request says it was addressed to.
import "server-only";
import { headers } from "next/headers";
import { env } from "@/lib/env";

function originFrom(get: (name: string) => string | null, fallbackHost: string, fallbackProto: string): string {
  if (env.appUrl) return env.appUrl.replace(/\/+$/, "");
  const host = get("x-forwarded-host") ?? get("host") ?? fallbackHost;
  const proto = get("x-forwarded-proto") ?? fallbackProto;
  return `${proto}://${host}`;
}

/** In route handlers. */
export function appUrlOf(request: Request): string {
  const url = new URL(request.url);
  return originFrom((name) => request.headers.get(name), url.host, url.protocol.replace(":", ""));
}

/** In server actions and pages. */
export async function appUrl(): Promise<string> {
  const h = await headers();
  return originFrom((name) => h.get(name), "localhost:3000", "http");
}
