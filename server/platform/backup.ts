import { createReadStream, createWriteStream } from "node:fs";
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import { finished } from "node:stream/promises";
import { createGunzip, createGzip } from "node:zlib";
import type pg from "pg";
import { appVersion } from "./version";

/**
 * Logical backups: gzip'd JSON lines, one header, then for each table a table line and its
 * rows as `to_jsonb`. The same file restores into PGlite or PostgreSQL (so it also moves an
 * embedded installation to a server). Taken in one REPEATABLE READ READ ONLY transaction: a
 * consistent snapshot while the application keeps running (on PGlite, writers wait for it).
 */
export const BACKUP_FORMAT = "accord-backup/1";
const BATCH = 1000;

type Header = { format: string; appVersion: string; createdAt: string; migrations: number; tables: string[] };

async function userTables(client: pg.PoolClient | pg.Pool): Promise<string[]> {
  const r = await client.query<{ t: string }>(
    "select table_name as t from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1",
  );
  return r.rows.map((x) => x.t);
}

/** Tables with triggers of their own (not the ones PostgreSQL makes for constraints). */
/**
 * The AFTER triggers of the tables: they derive rows elsewhere (the search vocabulary), rows the
 * backup holds already. BEFORE triggers only complete the row being inserted (its digit windows,
 * which a backup from before migration 0022 lacks) and stay on.
 */
async function afterTriggers(client: pg.PoolClient): Promise<{ table: string; name: string }[]> {
  const { rows } = await client.query<{ table: string; name: string }>(
    `select c.relname as table, g.tgname as name from pg_trigger g
     join pg_class c on c.oid = g.tgrelid join pg_namespace n on n.oid = c.relnamespace
     where not g.tgisinternal and n.nspname = 'public' and (g.tgtype & 2) = 0 order by 1, 2`,
  );
  return rows;
}

/** Columns a restore may insert: generated columns are computed again by the database. */
async function insertableColumns(client: pg.PoolClient, table: string): Promise<string[]> {
  const r = await client.query<{ c: string }>(
    "select column_name as c from information_schema.columns where table_schema = 'public' and table_name = $1 and is_generated = 'NEVER' order by ordinal_position",
    [table],
  );
  return r.rows.map((x) => x.c);
}

async function migrationCount(client: pg.PoolClient): Promise<number> {
  const r = await client.query<{ n: number }>("select count(*)::int as n from drizzle.__drizzle_migrations");
  return r.rows[0]?.n ?? 0;
}

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

export async function writeBackup(pool: pg.Pool, out: Writable): Promise<{ tables: number; rows: number }> {
  const client = await pool.connect();
  const gzip = createGzip();
  gzip.pipe(out);
  const write = (line: unknown) =>
    new Promise<void>((resolve) =>
      gzip.write(`${JSON.stringify(line)}\n`) ? resolve() : gzip.once("drain", resolve),
    );
  let rows = 0;
  try {
    await client.query("begin isolation level repeatable read read only");
    const tables = await userTables(client);
    const header: Header = {
      format: BACKUP_FORMAT,
      appVersion,
      createdAt: new Date().toISOString(),
      migrations: await migrationCount(client),
      tables,
    };
    await write(header);
    for (const table of tables) {
      await write({ table });
      await client.query(
        `declare backup_cursor no scroll cursor for select to_jsonb(t)::text as j from ${ident(table)} t`,
      );
      for (;;) {
        const batch = await client.query<{ j: string }>(`fetch ${BATCH} from backup_cursor`);
        for (const row of batch.rows) await write(JSON.parse(row.j));
        rows += batch.rows.length;
        if (batch.rows.length < BATCH) break;
      }
      await client.query("close backup_cursor");
    }
    await client.query("commit");
    gzip.end();
    await finished(out);
    return { tables: tables.length, rows };
  } catch (error) {
    await client.query("rollback").catch(() => {});
    gzip.destroy();
    throw error;
  } finally {
    client.release();
  }
}

export async function backupToFile(pool: pg.Pool, file: string) {
  return writeBackup(pool, createWriteStream(file));
}

export class RestoreError extends Error {}

/**
 * Restores into a migrated, empty database in one transaction: all or nothing. Refuses a
 * database that already holds users, and a backup newer than this version's migrations.
 */
export async function restoreBackup(
  pool: pg.Pool,
  input: Readable,
): Promise<{ tables: number; rows: number }> {
  const client = await pool.connect();
  let header: Header | undefined;
  let table: string | undefined;
  let columns: string[] = [];
  let batch: unknown[] = [];
  let rows = 0;
  let tables = 0;
  const flush = async () => {
    if (!table || batch.length === 0) return;
    const cols = columns.map(ident).join(", ");
    await client.query(
      `insert into ${ident(table)} (${cols}) select ${cols} from jsonb_populate_recordset(null::${ident(table)}, $1::jsonb)`,
      [JSON.stringify(batch)],
    );
    rows += batch.length;
    batch = [];
  };
  try {
    await client.query("begin");
    const existing = new Set(await userTables(client));
    // Rows come back exactly as they were, derived ones included (the search vocabulary): the
    // triggers that derive such rows on insert stay off until the commit (the ALTERs roll back
    // with everything else on failure).
    const triggered = await afterTriggers(client);
    const toggle = async (on: boolean) => {
      for (const t of triggered)
        await client.query(
          `alter table ${ident(t.table)} ${on ? "enable" : "disable"} trigger ${ident(t.name)}`,
        );
    };
    await toggle(false);
    // readline starts reading at creation and drops lines emitted before iteration begins,
    // so it is created only now, after every await of the set-up.
    const lines = createInterface({ input: input.pipe(createGunzip()), crlfDelay: Number.POSITIVE_INFINITY });
    for await (const line of lines) {
      if (!line) continue;
      const value = JSON.parse(line) as Record<string, unknown>;
      if (!header) {
        header = value as Header;
        if (header.format !== BACKUP_FORMAT)
          throw new RestoreError(`Not an Accord backup (format ${String(header.format)})`);
        if (header.migrations > (await migrationCount(client))) {
          throw new RestoreError(
            `The backup comes from a newer Accord (${header.appVersion}); upgrade first.`,
          );
        }
        const users = await client.query<{ n: number }>("select count(*)::int as n from users");
        if ((users.rows[0]?.n ?? 0) > 0)
          throw new RestoreError(
            "The target database is not empty: restore needs an empty data directory or database.",
          );
        // The default workspace created at start is replaced by the backup's.
        await client.query("delete from workspaces");
        continue;
      }
      if (typeof value.table === "string" && Object.keys(value).length === 1) {
        await flush();
        table = value.table;
        if (!existing.has(table)) throw new RestoreError(`Unknown table in the backup: ${table}`);
        columns = await insertableColumns(client, table);
        tables++;
        continue;
      }
      batch.push(value);
      if (batch.length >= BATCH) await flush();
    }
    await flush();
    if (!header) throw new RestoreError("The backup file is empty.");
    await toggle(true);
    await client.query("commit");
    return { tables, rows };
  } catch (error) {
    await client.query("rollback").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

export async function restoreFromFile(pool: pg.Pool, file: string) {
  return restoreBackup(pool, createReadStream(file));
}

/** A fingerprint per table (row count and an order-independent hash) to compare databases. */
export async function tableFingerprints(pool: pg.Pool): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of await userTables(pool)) {
    const r = await pool.query<{ n: number; h: string | null }>(
      `select count(*)::int as n, md5(string_agg(md5(to_jsonb(t)::text), '' order by md5(to_jsonb(t)::text))) as h from ${ident(table)} t`,
    );
    out[table] = `${r.rows[0]?.n}:${r.rows[0]?.h ?? ""}`;
  }
  return out;
}
