// Creates a marketplace admin (sign-up never does). Usage:
//   ADMIN_PASSWORD='a long passphrase' npx tsx scripts/create-admin.ts --email ops@example.com --name "Ops Person"
// The password comes from the environment so it stays out of shell history and process lists.
import { sql } from "drizzle-orm";
import { openDatabase } from "@/db/connection";
import { migrateDatabase } from "@/db/migrate";
import { users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { emailSchema, newPasswordSchema } from "@/lib/validations/auth";

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<number> {
  const email = emailSchema.safeParse(arg("email") ?? "");
  const name = (arg("name") ?? "").trim();
  const password = newPasswordSchema.safeParse(process.env.ADMIN_PASSWORD ?? "");
  if (!email.success || name.length < 2 || !password.success) {
    console.error("Usage: ADMIN_PASSWORD='…' npx tsx scripts/create-admin.ts --email you@example.com --name \"Your Name\"");
    if (!email.success) console.error(`  email: ${email.error.issues[0]?.message}`);
    if (name.length < 2) console.error("  name: give a name of at least 2 characters");
    if (!password.success) console.error(`  ADMIN_PASSWORD: ${password.error.issues[0]?.message}`);
    return 1;
  }
  await migrateDatabase();
  const handle = await openDatabase();
  try {
    const [existing] = await handle.db.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${email.data}`);
    if (existing) {
      console.error(`An account with ${email.data} already exists.`);
      return 1;
    }
    await handle.db.insert(users).values({ email: email.data, name, passwordHash: await hashPassword(password.data), role: "admin", organizationId: null });
    console.log(`Admin ${email.data} created.`);
    return 0;
  } finally {
    await handle.close();
  }
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
