// Test access to the run's database (DATABASE_URL, set by global-setup).
import { randomUUID } from "node:crypto";
import { getHandle } from "@/db/connection";

export async function testDb() {
  return (await getHandle()).db;
}

/** An email nobody else in the run uses. */
export function uniqueEmail(label = "user"): string {
  return `${label}-${randomUUID().slice(0, 8)}@example.test`;
}
