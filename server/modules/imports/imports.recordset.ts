import { sql } from "drizzle-orm";
import type { Db } from "../../platform/db/client";

/**
 * Multi-row writes for imports. A batch travels as ONE jsonb parameter unpacked by
 * jsonb_to_recordset: a thousand rows of thirty columns would otherwise be 30,000 bind
 * parameters (PostgreSQL allows 65,535) and cost more to plan than to run.
 */

/** A written column: its SQL name and type (JSON keys are the SQL names). */
export type ColumnSpec = readonly (readonly [name: string, type: string])[];

const IDENT = /^[a-z_][a-z0-9_]*$/;
const TYPE = /^[a-z ]+(\[\])?$/;

function recordType(columns: ColumnSpec): string {
  for (const [name, type] of columns)
    if (!IDENT.test(name) || !TYPE.test(type)) throw new Error(`bad column spec ${name} ${type}`);
  return columns.map(([name, type]) => `${name} ${type}`).join(", ");
}

/**
 * A row an importer serialised while it read the file (`body`, a JSON object in UTF-8), with the
 * keys known only at write time (id, owner) to put in front of it. The body is kept as bytes
 * outside the JS heap: a batch's rows live until its commit, and as strings they were most of
 * what every young-generation collection copied.
 */
export class SerialisedRow {
  constructor(
    readonly keys: Record<string, unknown>,
    readonly body: Buffer,
  ) {}
}

/** A row given as an object, or serialised already. */
export type RecordsetRow = Record<string, unknown> | SerialisedRow;

/** jsonb's binary format version 1, then the array's opening bracket. */
const JSONB_START = Buffer.from([1, 0x5b]);
const COMMA = Buffer.from(",");
const JSONB_END = Buffer.from("]");

/**
 * The rows as one jsonb value in PostgreSQL's binary format: a version byte (1) and the JSON
 * text, put together as bytes. pg sends a Buffer parameter as binary, so the batch (about a
 * megabyte of mostly Cyrillic text) is never decoded into a JS string and encoded back to UTF-8
 * by the driver, which cost ~12 ms of CPU per 1 000 rows.
 */
function jsonbBatch(rows: readonly RecordsetRow[]): Buffer {
  const parts: Buffer[] = [JSONB_START];
  rows.forEach((row, i) => {
    if (i > 0) parts.push(COMMA);
    if (!(row instanceof SerialisedRow)) {
      parts.push(Buffer.from(JSON.stringify(row)));
      return;
    }
    const head = JSON.stringify(row.keys);
    if (row.body.length <= 2) parts.push(Buffer.from(head));
    else parts.push(Buffer.from(`${head.slice(0, -1)},`), row.body.subarray(1));
  });
  parts.push(JSONB_END);
  return Buffer.concat(parts);
}

/** INSERT … SELECT FROM jsonb_to_recordset: every row of `rows` becomes one table row. */
export async function insertRecordset(
  tx: Db,
  table: string,
  columns: ColumnSpec,
  rows: readonly RecordsetRow[],
): Promise<void> {
  if (!rows.length) return;
  const names = columns.map(([name]) => name).join(", ");
  await tx.execute(
    sql`insert into ${sql.identifier(table)} (${sql.raw(names)}) select ${sql.raw(names)} from jsonb_to_recordset(${jsonbBatch(rows)}::jsonb) as v(${sql.raw(recordType(columns))})`,
  );
}

/**
 * UPDATE … FROM jsonb_to_recordset, guarded by `version` (optimistic locking) and the
 * workspace; bumps `version` and `updated_at`. Returns the number of rows updated, so the
 * caller can refuse the batch if a row changed under it.
 */
export async function updateRecordset(
  tx: Db,
  table: string,
  workspaceId: string,
  columns: ColumnSpec,
  rows: readonly Record<string, unknown>[],
): Promise<number> {
  if (!rows.length) return 0;
  const all: ColumnSpec = [["id", "uuid"], ["version", "integer"], ...columns];
  const set = columns.map(([name]) => `${name} = v.${name}`).join(", ");
  const result = await tx.execute(
    sql`update ${sql.identifier(table)} as t set ${sql.raw(set)}, updated_at = now(), version = t.version + 1 from jsonb_to_recordset(${jsonbBatch(rows)}::jsonb) as v(${sql.raw(recordType(all))}) where t.id = v.id and t.version = v.version and t.workspace_id = ${workspaceId}`,
  );
  return result.rowCount ?? 0;
}

/**
 * Merges the "pending list" of a GIN index into the index proper. With fastupdate (the
 * default) new entries wait in a list that every search scans linearly: after a few thousand
 * imported rows each e-mail probe would cost milliseconds. Flushing before a batch's lookups
 * keeps them index-speed; the flush costs what the inserts deferred. It needs the table's
 * owner: for anyone else the lookups are slower, not wrong, so the statement then does nothing
 * (checked in the same statement: no savepoint, one round trip).
 */
export async function flushGinPending(tx: Db, index: string): Promise<void> {
  if (!IDENT.test(index)) throw new Error(`bad index name ${index}`);
  await tx.execute(sql`select gin_clean_pending_list(c.oid) from pg_class c
    where c.oid = ${index}::regclass and pg_has_role(c.relowner, 'USAGE')`);
}
