// Applies the committed migrations to DATABASE_URL or to the embedded database.
// On PostgreSQL an advisory lock makes instances that start together migrate one at a time.
import { sql } from "drizzle-orm";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { env } from "@/lib/env";
import { MIGRATIONS_FOLDER, openDatabase } from "./connection";

const MIGRATION_LOCK = 7_734_261; // arbitrary, fixed: the advisory lock id for migrations

export async function migrateDatabase(url = env.databaseUrl, dataDir = env.dataDir): Promise<void> {
  if (url) {
    // One connection, so the advisory lock and the migration share a session.
    const client = postgres(url, { max: 1, onnotice: () => {} });
    const db = drizzle(client);
    try {
      await db.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK})`);
      await migratePostgres(db, { migrationsFolder: MIGRATIONS_FOLDER });
      await db.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK})`);
    } finally {
      await client.end({ timeout: 5 });
    }
    return;
  }
  const { migrate: migratePglite } = await import("drizzle-orm/pglite/migrator");
  const handle = await openDatabase(undefined, dataDir);
  try {
    await migratePglite(handle.db as never, { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    await handle.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const started = Date.now();
  migrateDatabase()
    .then(() => console.log(`migrations applied to ${env.databaseUrl ? "DATABASE_URL" : env.dataDir} in ${Date.now() - started} ms`))
    .catch((error: unknown) => {
      console.error("migration failed:", error);
      process.exit(1);
    });
}
