// Looks at the search SQL from the bench process: a postgres.js + drizzle connection like the
// app's, the exact statements one call sends (counted with postgres.js's debug hook), and
// their plans, both as planned for the given values and as a prepared statement's generic plan.
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { SESSION_SETTINGS, type Database } from "@/db/connection";
import * as schema from "@/db/schema";

export type Statement = { text: string; parameters: unknown[] };

export type Direct = { db: Database; close: () => Promise<void> };

/** Opened as db/connection.ts opens the app's (prepared statements on, same pool size). */
export function openDirect(url: string, poolSize: number, onStatement?: (s: Statement) => void): Direct {
  const client = postgres(url, {
    max: poolSize,
    onnotice: () => {},
    prepare: true,
    connection: SESSION_SETTINGS,
    debug: onStatement ? (_connection, text, parameters) => onStatement({ text, parameters }) : undefined,
  });
  return { db: drizzle(client, { schema }), close: () => client.end({ timeout: 5 }) };
}

/** The statements `run` sends through a fresh connection, in order. */
export async function captureStatements(url: string, run: (db: Database) => Promise<unknown>): Promise<Statement[]> {
  let statements: Statement[] = [];
  const direct = openDirect(url, 1, (s) => statements.push(s));
  try {
    // Connecting sends postgres.js's own array-type lookup: connection set-up, not the search's.
    await direct.db.execute(sql`select 1`);
    statements = [];
    await run(direct.db);
    return statements;
  } finally {
    await direct.close();
  }
}

export type Plans = { custom: string; generic: string };

/**
 * EXPLAIN (ANALYZE, BUFFERS) of one statement twice: with its values, as the first runs
 * of a prepared statement are planned, and forced generic, as PostgreSQL may plan it from
 * the sixth run on when it judges the generic plan no dearer.
 */
export async function explain(url: string, s: Statement): Promise<Plans> {
  const client = postgres(url, { max: 1, onnotice: () => {}, connection: SESSION_SETTINGS });
  try {
    const custom = await client.unsafe<{ "QUERY PLAN": string }[]>(`explain (analyze, buffers) ${s.text}`, s.parameters as never[]);
    let generic: string;
    try {
      await client.unsafe(`prepare bench_search as ${s.text}`);
      await client`set plan_cache_mode = force_generic_plan`;
      const args = s.parameters.length ? `(${s.parameters.map(literal).join(", ")})` : "";
      const rows = await client.unsafe<{ "QUERY PLAN": string }[]>(`explain (analyze, buffers) execute bench_search${args}`);
      generic = planText(rows);
    } catch (error) {
      generic = `(no generic plan: ${error instanceof Error ? error.message : String(error)})`;
    }
    return { custom: planText(custom), generic };
  } finally {
    await client.end({ timeout: 5 });
  }
}

const planText = (rows: { "QUERY PLAN": string }[]) => rows.map((r) => r["QUERY PLAN"]).join("\n");

/** An untyped SQL literal: PostgreSQL gives it the parameter's type, as it does to a bound value. */
function literal(value: unknown): string {
  const text = value instanceof Date ? value.toISOString() : String(value);
  return `'${text.replace(/'/g, "''")}'`;
}
