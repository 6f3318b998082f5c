import "server-only";
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db";
import { organizations, users } from "@/db/schema";
import { AppError, sqlStateOf } from "@/lib/errors";
import { hashPassword } from "@/lib/auth/password";
import { enqueueMail } from "@/lib/mail";
import { welcomeMail } from "@/lib/mail/templates";
import type { SignUpInput } from "@/lib/validations/auth";
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
 * Creates the organization, its first user and the welcome mail in one transaction:
 * a sign-up that fails leaves nothing behind.
 */
export async function createAccount(db: Executor, input: SignUpInput, appUrl: string) {
  if (await emailTaken(db, input.email)) {
    throw AppError.validation({ email: "An account with this email already exists. Sign in instead." });
  }
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction(async (tx) => {
      const base = slugify(input.organizationName);
      const taken = await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, base)).limit(1);
      const slug = taken.length ? `${base}-${randomBytes(3).toString("hex")}` : base;
      const [org] = await tx
        .insert(organizations)
        .values({ name: input.organizationName, slug, kind: input.kind })
        .returning({ id: organizations.id, name: organizations.name, kind: organizations.kind });
      const [user] = await tx
        .insert(users)
        .values({ email: input.email, name: input.name, passwordHash, role: input.kind, organizationId: org!.id })
        .returning({ id: users.id, email: users.email, name: users.name, role: users.role });
      await enqueueMail(
        tx,
        welcomeMail({ to: user!.email, name: user!.name, organizationName: org!.name, kind: org!.kind, appUrl }),
      );
      return { user: user!, organization: org! };
    });
  } catch (error) {
    // Two sign-ups racing for one email: the unique index decides, the loser gets the same message.
    if (sqlStateOf(error) === "23505") {
      throw AppError.validation({ email: "An account with this email already exists. Sign in instead." });
    }
    throw error;
  }
}
