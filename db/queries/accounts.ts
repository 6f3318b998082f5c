import "server-only";
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db";
import { organizations, users } from "@/db/schema";
import { AppError, sqlStateOf } from "@/lib/errors";
import { assertUncommonPassword } from "@/lib/auth/common-passwords";
import { hashPassword } from "@/lib/auth/password";
import { enqueueMail } from "@/lib/mail";
import { accountExistsMail } from "@/lib/mail/account-templates";
import { welcomeMail } from "@/lib/mail/templates";
import type { SignUpInput } from "@/lib/validations/auth";
import { issueLinkToken, linkUrl } from "./account-links";
import { emailTaken } from "./users";

export function slugify(name: string): string {
  return (
    name
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 48) || "org"
  );
}

/**
 * The sign-up form's write. Its answer is the same whether or not the address has an
 * account: a new address gets an account and a welcome mail with its verification link, a
 * taken one gets a mail saying so (and the password is hashed either way, so the time taken
 * does not tell them apart either).
 */
export async function signUp(db: Executor, input: SignUpInput, appUrl: string): Promise<void> {
  assertUncommonPassword(input.password);
  if (await emailTaken(db, input.email)) {
    await hashPassword(input.password);
    await enqueueMail(db, accountExistsMail({ to: input.email, appUrl }));
    return;
  }
  try {
    await createAccount(db, input, appUrl);
  } catch (error) {
    if (error instanceof AppError && error.fields?.email) {
      await enqueueMail(db, accountExistsMail({ to: input.email, appUrl }));
      return;
    }
    throw error;
  }
}

/**
 * Creates the organization, its first user (its owner, email not yet verified) and the
 * welcome mail in one transaction:
 * a sign-up that fails leaves nothing behind.
 */
export async function createAccount(db: Executor, input: SignUpInput, appUrl: string) {
  if (await emailTaken(db, input.email)) {
    throw AppError.validation({ email: "An account with this email already exists. Sign in instead." });
  }
  const passwordHash = await hashPassword(input.password);
  // Two sign-ups for organizations of the same name can race for one slug: the loser
  // retries with a suffixed slug rather than failing.
  for (let attempt = 0; ; attempt++) {
    try {
      return await insertAccount(db, input, passwordHash, appUrl, attempt > 0);
    } catch (error) {
      const constraint = constraintOf(error);
      if (sqlStateOf(error) === "23505" && constraint === "organizations_slug_key" && attempt < 3) continue;
      // Two sign-ups racing for one email: the unique index decides, the loser gets the same message.
      if (sqlStateOf(error) === "23505" && constraint === "users_email_key") {
        throw AppError.validation({ email: "An account with this email already exists. Sign in instead." });
      }
      throw error;
    }
  }
}

async function insertAccount(db: Executor, input: SignUpInput, passwordHash: string, appUrl: string, forceSuffix: boolean) {
  return db.transaction(async (tx) => {
    const base = slugify(input.organizationName);
    const taken = forceSuffix || (await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, base)).limit(1)).length > 0;
    const slug = taken ? `${base}-${randomBytes(3).toString("hex")}` : base;
    const [org] = await tx
      .insert(organizations)
      .values({ name: input.organizationName, slug, kind: input.kind })
      .returning({ id: organizations.id, name: organizations.name, kind: organizations.kind });
    const [user] = await tx
      .insert(users)
      .values({ email: input.email, name: input.name, passwordHash, role: input.kind, organizationId: org!.id, memberRole: "owner" })
      .returning({ id: users.id, email: users.email, name: users.name, role: users.role });
    const token = await issueLinkToken(tx, user!.id, "email_verification");
    await enqueueMail(
      tx,
      welcomeMail({ to: user!.email, name: user!.name, organizationName: org!.name, kind: org!.kind, appUrl, verifyUrl: linkUrl(appUrl, "email_verification", token) }),
    );
    return { user: user!, organization: org! };
  });
}

/** The constraint a database error names, whichever driver raised it. */
function constraintOf(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth++) {
    const name = (current as { constraint_name?: unknown; constraint?: unknown }).constraint_name ?? (current as { constraint?: unknown }).constraint;
    if (typeof name === "string") return name;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
