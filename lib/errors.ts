// One application error: a machine code, an HTTP status and a message fit for users;
// toResponse() renders the JSON API's error shape.
import { z } from "zod";

export type ErrorCode =
  | "validation_failed"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "idempotency_key_reused"
  | "payment_failed"
  | "capacity_exceeded"
  | "invalid_transition"
  | "unprocessable"
  | "rate_limited"
  | "bad_origin"
  | "email_unverified"
  | "mfa_required"
  | "invalid_link"
  | "internal_error"
  | "service_unavailable";

export type FieldErrors = Record<string, string>;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    message: string,
    readonly fields?: FieldErrors,
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "AppError";
  }

  static validation(fields: FieldErrors, message = "Some fields need attention.") {
    return new AppError("validation_failed", 400, message, fields);
  }
  static unauthenticated(message = "Sign in to continue.") {
    return new AppError("unauthenticated", 401, message);
  }
  static forbidden(message = "You are not allowed to do that.") {
    return new AppError("forbidden", 403, message);
  }
  static notFound(what = "That") {
    return new AppError("not_found", 404, `${what} was not found.`);
  }
  static conflict(message: string, code: ErrorCode = "conflict", extra?: Record<string, unknown>) {
    return new AppError(code, 409, message, undefined, extra);
  }
  /** `resend` tells an API client where to ask for a new verification mail. */
  static emailUnverified() {
    return new AppError(
      "email_unverified",
      403,
      "Confirm your email address first: follow the link we mailed you, or send a new one from Settings.",
      undefined,
      { resend: "/settings#verify-email" },
    );
  }
  static rateLimited(message = "Too many attempts. Wait a minute and try again.", retryAfterSeconds = 60) {
    return new AppError("rate_limited", 429, message, undefined, { retryAfterSeconds });
  }
}

/** Field errors keyed by dotted path, first message per field: the shape forms and the API use. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_";
    fields[key] ??= issue.message;
  }
  return fields;
}

export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof z.ZodError) return AppError.validation(fieldErrorsOf(error));
  console.error("unexpected error", error);
  return new AppError("internal_error", 500, "Something went wrong on our side. Please try again.");
}

export function toResponse(error: unknown): Response {
  const e = toAppError(error);
  const body = {
    error: { code: e.code, message: e.message, ...(e.fields ? { fields: e.fields } : {}), ...(e.extra ?? {}) },
  };
  const headers: HeadersInit =
    e.status === 429 ? { "Retry-After": String(e.extra?.retryAfterSeconds ?? 60) } : {};
  return Response.json(body, { status: e.status, headers });
}

/** The SQLSTATE of a database error, whichever driver raised it (drizzle wraps it in `cause`). */
export function sqlStateOf(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
