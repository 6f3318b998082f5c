// Runs before the server opens the database (never beside it: PGlite has no lock across
// processes). Migrates; on the embedded database, seeds the demo marketplace on first start.
import { env } from "@/lib/env";
import { openDatabase } from "@/db/connection";
import { migrateDatabase } from "@/db/migrate";
import { isDatabaseEmpty, seedDatabase } from "@/db/seed";

async function main() {
  const started = Date.now();
  await migrateDatabase();
  const target = env.databaseUrl ? "DATABASE_URL" : `embedded database at ${env.dataDir}`;
  if (env.databaseUrl || env.isProduction) {
    console.log(`[substation] ${target}: migrated in ${Date.now() - started} ms`);
    return;
  }
  const handle = await openDatabase();
  try {
    if (await isDatabaseEmpty(handle.db)) {
      await seedDatabase(handle.db);
      console.log(`[substation] ${target}: migrated and seeded with demo data in ${Date.now() - started} ms`);
    } else {
      console.log(`[substation] ${target}: migrated in ${Date.now() - started} ms`);
    }
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error("[substation] could not prepare the database:", error);
  process.exit(1);
});
