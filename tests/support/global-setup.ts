// One fresh database per test run, migrated once; every test file shares it and keeps
// to its own rows (unique emails, its own organizations).
import { createTestDatabase, dropTestDatabase } from "../../scripts/test-database";

export default async function setup() {
  const url = await createTestDatabase("substation_test");
  process.env.DATABASE_URL = url;
  const { migrateDatabase } = await import("../../db/migrate");
  await migrateDatabase(url);
  return async () => {
    if (!process.env.KEEP_TEST_DATABASE) await dropTestDatabase(url);
  };
}
