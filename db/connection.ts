// Opens the database: postgres.js against DATABASE_URL, or the embedded PostgreSQL
// (PGlite) in DATA_DIR when it is unset. Both speak the same schema and migrations.
// Scripts (migrate, seed) import this file; app code imports "@/db", which adds
// the server-only guard.
import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { drizzle as drizzlePostgres, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { env } from "@/lib/env";
import * as schema from "./schema";

export type Database = PostgresJsDatabase<typeof schema>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** What query helpers take: the database, or the transaction they must join. */
export type Executor = Database | Transaction;

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "db/migrations");

/**
 * Set on every connection. JIT compilation pays off for long analytical queries; ours are
 * short, and the search's estimates can cross `jit_above_cost` on a large marketplace, where
 * compiling took 40 ms of a 45 ms search (bench/README.md).
 */
export const SESSION_SETTINGS = { jit: "off" } as const;

type Handle = { db: Database; driver: "postgres" | "pglite"; close: () => Promise<void> };

export async function openDatabase(url = env.databaseUrl, dataDir = env.dataDir): Promise<Handle> {
  if (url) {
    const client = postgres(url, {
      max: env.dbPoolSize,
      onnotice: () => {},
      // Prepared statements are fine on a direct connection; poolers in transaction mode
      // (PgBouncer) need them off, which DATABASE_URL can ask for with ?prepare=false.
      prepare: new URL(url).searchParams.get("prepare") !== "false",
      connection: SESSION_SETTINGS,
    });
    return {
      db: drizzlePostgres(client, { schema }),
      driver: "postgres",
      close: () => client.end({ timeout: 5 }),
    };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle: drizzlePglite } = await import("drizzle-orm/pglite");
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  const client = new PGlite(dataDir);
  await client.waitReady;
  // The two drivers' database objects differ only in their result types; the app reads
  // results through drizzle's query builders, which agree on both.
  const db = drizzlePglite(client, { schema }) as unknown as Database;
  return { db, driver: "pglite", close: () => client.close() };
}

const globalForDb = globalThis as unknown as { substationDb?: Promise<Handle> };

/** The process-wide connection, opened on first use (never at import or build time). */
export function getHandle(): Promise<Handle> {
  globalForDb.substationDb ??= openDatabase().catch((error: unknown) => {
    globalForDb.substationDb = undefined;
    throw error;
  });
  return globalForDb.substationDb;
}

export async function getDb(): Promise<Database> {
  return (await getHandle()).db;
}

/** Rows of a raw statement, whichever driver ran it (postgres.js: array, PGlite: { rows }). */
export async function rawRows<T>(db: Executor, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await db.execute(query)) as unknown;
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
