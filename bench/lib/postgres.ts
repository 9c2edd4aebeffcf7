import pg from "pg";

/** The local PostgreSQL the benches use (trust auth on loopback, as in CI). */
export const PG_ADMIN_URL = process.env.BENCH_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export function databaseUrl(name: string): string {
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

function checkName(name: string): string {
  // Names are interpolated into DDL: only what the benches generate is allowed.
  if (!/^accord_bench[a-z0-9_]*$/.test(name)) throw new Error(`Refusing database name ${name}`);
  return name;
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function databaseExists(name: string): Promise<boolean> {
  return admin(
    async (c) => (await c.query("select 1 from pg_database where datname = $1", [name])).rowCount === 1,
  );
}

export async function createDatabase(name: string): Promise<string> {
  await admin((c) => c.query(`create database ${checkName(name)}`));
  return databaseUrl(name);
}

export async function dropDatabase(name: string): Promise<void> {
  await admin((c) => c.query(`drop database if exists ${checkName(name)} with (force)`));
}
