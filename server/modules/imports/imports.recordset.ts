import { sql } from "drizzle-orm";
import { type Db, withTx } from "../../platform/db/client";

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

/** INSERT … SELECT FROM jsonb_to_recordset: every row of `rows` becomes one table row. */
export async function insertRecordset(
  tx: Db,
  table: string,
  columns: ColumnSpec,
  rows: readonly Record<string, unknown>[],
): Promise<void> {
  if (!rows.length) return;
  const names = columns.map(([name]) => name).join(", ");
  await tx.execute(
    sql`insert into ${sql.identifier(table)} (${sql.raw(names)}) select ${sql.raw(names)} from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v(${sql.raw(recordType(columns))})`,
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
    sql`update ${sql.identifier(table)} as t set ${sql.raw(set)}, updated_at = now(), version = t.version + 1 from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v(${sql.raw(recordType(all))}) where t.id = v.id and t.version = v.version and t.workspace_id = ${workspaceId}`,
  );
  return result.rowCount ?? 0;
}

/**
 * Merges the "pending list" of a GIN index into the index proper. With fastupdate (the
 * default) new entries wait in a list that every search scans linearly: after a few thousand
 * imported rows each e-mail probe would cost milliseconds. Flushing before a batch's lookups
 * keeps them index-speed; the flush costs what the inserts deferred. Needs table ownership —
 * without it the lookups are slower, not wrong, so a refusal is ignored (inside a savepoint).
 */
export async function flushGinPending(tx: Db, index: string): Promise<void> {
  if (!IDENT.test(index)) throw new Error(`bad index name ${index}`);
  try {
    await withTx(tx, (sp) => sp.execute(sql`select gin_clean_pending_list(${index}::regclass)`));
  } catch {
    // not the owner of the table: see above
  }
}
