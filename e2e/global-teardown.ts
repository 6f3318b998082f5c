// Drops the fresh database the e2e server ran on (scripts/e2e-server.sh wrote its URL).
import fs from "node:fs";
import { dropTestDatabase } from "../scripts/test-database";

export default async function teardown() {
  console.log("[teardown] dropping the e2e database");
  const file = ".next/e2e-database-url";
  if (!fs.existsSync(file) || process.env.KEEP_TEST_DATABASE) return;
  await dropTestDatabase(fs.readFileSync(file, "utf8").trim());
  fs.rmSync(file);
}
