// Read-only access to the database the e2e server runs on, to check what pages show.
import fs from "node:fs";
import postgres from "postgres";

export function e2eSql() {
  const url = fs.readFileSync(".next/e2e-database-url", "utf8").trim();
  return postgres(url, { max: 1, onnotice: () => {} });
}
