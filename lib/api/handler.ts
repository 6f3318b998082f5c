// The wrapper every /api/v1 route handler goes through: who is calling (bearer token or
// session), the same-origin rule for cookie-authenticated writes, and the error shape.
import "server-only";
import { getDb } from "@/db";
import { findUserByToken } from "@/db/queries/api-tokens";
import { assertAdminSecondFactor } from "@/lib/auth/admin-mfa";
import { currentUser, isActive, type SessionUser } from "@/lib/auth/guards";
import { actorOf, type Actor } from "@/lib/auth/policy";
import { AppError, toResponse } from "@/lib/errors";

export type Caller = { user: SessionUser; actor: Actor; via: "token" | "session" };

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export async function callerOf(request: Request): Promise<Caller | null> {
  const authorization = request.headers.get("authorization");
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match) throw AppError.unauthenticated("The Authorization header must be `Bearer <token>`.");
    const user = await findUserByToken(await getDb(), match[1]!);
    if (!user || !isActive(user)) throw AppError.unauthenticated("That API token is not valid, or it was revoked.");
    return { user, actor: actorOf(user), via: "token" };
  }
  // No session cookie, no session: skip Auth.js entirely (anonymous API calls are common).
  if (!request.headers.get("cookie")?.includes("authjs.session-token")) return null;
  const user = await currentUser();
  if (!user) return null;
  if (!SAFE_METHODS.has(request.method)) assertSameOrigin(request);
  return { user, actor: actorOf(user), via: "session" };
}

/** Cookie-authenticated writes must come from our own pages (a CSRF defence beside SameSite). */
export function assertSameOrigin(request: Request): void {
  const origin = request.headers.get("origin");
  const fetchSite = request.headers.get("sec-fetch-site");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  const sameOrigin = origin ? host !== null && new URL(origin).host === host : fetchSite === "same-origin";
  if (!sameOrigin) {
    throw new AppError("bad_origin", 403, "Requests signed in with a browser session must come from Substation's own pages.");
  }
}

type Handler<P> = (request: Request, context: { params: P; caller: Caller | null }) => Promise<Response>;

/** Route handler with caller resolution and the JSON error shape. */
export function apiRoute<P = Record<string, never>>(handler: Handler<P>) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    try {
      const caller = await callerOf(request);
      return await handler(request, { params: await context.params, caller });
    } catch (error) {
      return toResponse(error);
    }
  };
}

export function requireCaller(caller: Caller | null, ...roles: Actor["role"][]): Caller {
  if (!caller) throw AppError.unauthenticated();
  if (roles.length && !roles.includes(caller.actor.role)) throw AppError.forbidden();
  return caller;
}

/** An admin caller with the second factor that ADMIN_MFA=required asks of admins. */
export function requireAdminCaller(caller: Caller | null): Caller {
  const admin = requireCaller(caller, "admin");
  assertAdminSecondFactor(admin.user);
  return admin;
}

/** Parses a JSON body, answering 400 for anything that is not a JSON object. */
export async function jsonBody(request: Request): Promise<unknown> {
  try {
    const body: unknown = await request.json();
    if (body === null || typeof body !== "object" || Array.isArray(body)) throw new Error("not an object");
    return body;
  } catch {
    throw new AppError("validation_failed", 400, "The request body must be a JSON object.");
  }
}

/** Like jsonBody, but an empty body is an empty object (actions with optional fields). */
export async function optionalJsonBody(request: Request): Promise<unknown> {
  const text = await request.text();
  if (!text.trim()) return {};
  try {
    const body: unknown = JSON.parse(text);
    if (body === null || typeof body !== "object" || Array.isArray(body)) throw new Error("not an object");
    return body;
  } catch {
    throw new AppError("validation_failed", 400, "The request body must be a JSON object.");
  }
}
