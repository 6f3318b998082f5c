import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, rawRows, type Executor } from "@/db/connection";
import { migrateDatabase } from "@/db/migrate";
import { sqlStateOf } from "@/lib/errors";
import { testDb } from "../support/db";

type Shape = { tables: string[]; columns: string[]; constraints: string[]; indexes: string[]; triggers: string[] };

/** The schema as the catalog sees it, comparable across servers. */
async function shapeOf(db: Executor): Promise<Shape> {
  const pick = async (query: ReturnType<typeof sql>) => (await rawRows<{ v: string }>(db, query)).map((r) => r.v).sort();
  return {
    tables: await pick(sql`select table_name as v from information_schema.tables where table_schema = 'public'`),
    columns: await pick(
      sql`select table_name || '.' || column_name || ':' || data_type || ':' || is_nullable || ':' || coalesce(is_generated, '') as v
          from information_schema.columns where table_schema = 'public'`,
    ),
    constraints: await pick(sql`select conname::text as v from pg_constraint c join pg_namespace n on n.oid = c.connamespace where n.nspname = 'public'`),
    indexes: await pick(sql`select indexname::text as v from pg_indexes where schemaname = 'public'`),
    triggers: await pick(sql`select tgname::text as v from pg_trigger where not tgisinternal`),
  };
}

describe("migrations on PostgreSQL and on the embedded PGlite", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "substation-pglite-"));
  let pglite: Awaited<ReturnType<typeof openDatabase>>;

  beforeAll(async () => {
    await migrateDatabase(undefined, dir);
    // Running them again is a no-op on both.
    await migrateDatabase(undefined, dir);
    await migrateDatabase(process.env.DATABASE_URL);
    pglite = await openDatabase(undefined, dir);
  }, 120_000);

  afterAll(async () => {
    await pglite?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("produce the same tables, columns, constraints, indexes and triggers", async () => {
    const onServer = await shapeOf(await testDb());
    const embedded = await shapeOf(pglite.db);
    expect(onServer.tables).toContain("bookings");
    expect(onServer.tables.length).toBeGreaterThanOrEqual(18);
    expect(embedded).toEqual(onServer);
  });

  it("enforce the same checks on PGlite", async () => {
    const error = await pglite.db
      .execute(sql`insert into organizations (name, slug, kind, country) values ('Bad Country', 'bad-country', 'miner', 'usa')`)
      .catch((e: unknown) => e);
    expect(sqlStateOf(error)).toBe("23514");
  });
});
