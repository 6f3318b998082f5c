// Creates a fresh, uniquely named database on a LOCAL PostgreSQL for one test run and
// prints its URL; `drop` removes it. Refuses any server that is not on this machine.
import postgres from "postgres";

const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);

export function adminUrl(): string {
  const base = process.env.TEST_DATABASE_ADMIN_URL ?? process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const url = new URL(base);
  if (!LOCAL_HOSTS.has(url.hostname)) {
    throw new Error(`Tests only run against a local PostgreSQL; refusing ${url.hostname}.`);
  }
  url.pathname = "/postgres";
  return url.toString();
}

export async function createTestDatabase(prefix: string): Promise<string> {
  const admin = adminUrl();
  const sql = postgres(admin, { max: 1, onnotice: () => {} });
  try {
    // Leftovers of runs that died more than six hours ago.
    const stale = await sql<{ datname: string }[]>`
      select datname from pg_database where datname like ${`${prefix}_%`}
        and to_timestamp(split_part(datname, '_', 3)::bigint / 1000) < now() - interval '6 hours'`;
    for (const { datname } of stale) await sql.unsafe(`drop database if exists "${datname}" with (force)`);
    const name = `${prefix}_${Date.now()}_${process.pid}`;
    await sql.unsafe(`create database "${name}"`);
    const url = new URL(admin);
    url.pathname = `/${name}`;
    return url.toString();
  } finally {
    await sql.end();
  }
}

export async function dropTestDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  if (!/^substation_[a-z0-9]+_\d+_\d+$/.test(name)) throw new Error(`refusing to drop ${name}`);
  const sql = postgres(adminUrl(), { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(`drop database if exists "${name}" with (force)`);
  } finally {
    await sql.end();
  }
}
