// Command line for scripts/test-database.ts (kept apart so the library has no entry-point
// code and loads under any module system, e.g. Playwright's teardown):
//   tsx scripts/test-database-cli.ts create <prefix>   → prints the new database's URL
//   tsx scripts/test-database-cli.ts drop <url>
import { createTestDatabase, dropTestDatabase } from "./test-database";

const [command, arg] = process.argv.slice(2);
const run = command === "drop" ? dropTestDatabase(arg!).then(() => "") : createTestDatabase(arg ?? "substation_e2e");
run
  .then((out) => out && console.log(out))
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
