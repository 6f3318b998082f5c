// The one wrapper for server actions: session → zod parse → handler → a result that
// `useActionState` renders. Every action is a public POST, so every action passes here.
import "server-only";
import { z } from "zod";
import { assertAdminSecondFactor } from "@/lib/auth/admin-mfa";
import { currentUser, type Role, type SessionUser } from "@/lib/auth/guards";
import { AppError, fieldErrorsOf, toAppError, type FieldErrors } from "@/lib/errors";

export type ActionResult<T = undefined> =
  | { ok: true; data: T; message?: string }
  | { ok: false; error: string; fields?: FieldErrors; values?: FormValues };

/** What the user typed, to put back into a form after a failed submission. */
export type FormValues = Record<string, string | string[]>;

export const idleResult = null;
export type ActionState<T = undefined> = ActionResult<T> | null;

type Access = "public" | Role[];

/** Form fields as strings, echoed back so a failed form keeps what the user typed (never passwords). */
function echo(formData: FormData): FormValues {
  const values: FormValues = {};
  for (const key of new Set(formData.keys())) {
    if (/password|token/i.test(key) || key.startsWith("$ACTION")) continue;
    const strings = formData.getAll(key).filter((v): v is string => typeof v === "string");
    if (strings.length) values[key] = strings.length > 1 ? strings : strings[0]!;
  }
  return values;
}

/** FormData as an object; a key sent more than once (checkboxes) becomes an array. */
export function formObject(formData: FormData): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const values = formData.getAll(key);
    object[key] = values.length > 1 ? values : values[0];
  }
  return object;
}

export function createAction<S extends z.ZodType, T>(options: {
  schema: S;
  access: Access;
  /** Reshapes form fields into the schema's input (dotted names, dollars to cents). */
  prepare?: (fields: Record<string, unknown>) => unknown;
  handler: (input: z.infer<S>, context: { user: SessionUser | null }) => Promise<ActionResult<T>>;
}) {
  return async (_previous: ActionState<T>, formData: FormData): Promise<ActionResult<T>> => {
    const values = echo(formData);
    try {
      const user = await currentUser();
      if (options.access !== "public") {
        if (!user) throw AppError.unauthenticated();
        if (!options.access.includes(user.role)) throw AppError.forbidden();
        // Admin-only actions act on the whole marketplace: with ADMIN_MFA=required they need the
        // second factor. Actions open to everyone (the security settings themselves) do not.
        if (options.access.length === 1 && options.access[0] === "admin") assertAdminSecondFactor(user);
      }
      const fields = formObject(formData);
      const parsed = options.schema.safeParse(options.prepare ? options.prepare(fields) : fields);
      if (!parsed.success) {
        return { ok: false, error: "Please correct the highlighted fields.", fields: fieldErrorsOf(parsed.error), values };
      }
      return await options.handler(parsed.data, { user });
    } catch (error) {
      if (isNavigation(error)) throw error;
      const e = toAppError(error);
      return { ok: false, error: e.message, fields: e.fields, values };
    }
  };
}

/** redirect() and notFound() work by throwing; they must pass through untouched. */
export function isNavigation(error: unknown): boolean {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" && (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK"));
}
