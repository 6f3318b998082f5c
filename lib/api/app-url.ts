// The public origin of this app, for links in mail and checkout redirects.
import "server-only";
import { env } from "@/lib/env";

export function appUrlOf(request: Request): string {
  if (env.appUrl) return env.appUrl.replace(/\/$/, "");
  const url = new URL(request.url);
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? url.host;
  const proto = request.headers.get("x-forwarded-proto") ?? url.protocol.replace(":", "");
  return `${proto}://${host}`;
}
