import { and, asc, desc, eq, gt, inArray, isNull, lt, ne, type SQL, sql } from "drizzle-orm";
import { uuidv7 } from "../../../core/uuid";
import { importErrors, importKeys, imports, users } from "../../db/schema/index";
import type { Db } from "../../platform/db/client";
import type { ImportNote } from "./imports.importer";

export type ImportRow = typeof imports.$inferSelect;
export type ImportErrorRow = typeof importErrors.$inferSelect;
export type PlannedKey = typeof importKeys.$inferSelect;

export async function insertImport(tx: Db, row: typeof imports.$inferInsert): Promise<ImportRow> {
  const [created] = await tx.insert(imports).values(row).returning();
  return created!;
}

export async function findImport(db: Db, workspaceId: string, id: string): Promise<ImportRow | undefined> {
  const [row] = await db
    .select()
    .from(imports)
    .where(and(eq(imports.workspaceId, workspaceId), eq(imports.id, id)))
    .limit(1);
  return row;
}

/** Locks the import row for the batch: a cancel or a second worker waits for the batch. */
export async function lockImport(tx: Db, id: string): Promise<ImportRow | undefined> {
  const [row] = await tx.select().from(imports).where(eq(imports.id, id)).for("update");
  return row;
}

export async function updateImport(db: Db, id: string, set: Partial<typeof imports.$inferInsert>) {
  await db
    .update(imports)
    .set({ ...set, updatedAt: sql`now()` })
    .where(eq(imports.id, id));
}

/** queued → running; false when the import is no longer queued (e.g. cancelled). */
export async function startImport(db: Db, id: string): Promise<boolean> {
  const started = await db
    .update(imports)
    .set({ status: "running", updatedAt: sql`now()` })
    .where(and(eq(imports.id, id), eq(imports.status, "queued")))
    .returning({ id: imports.id });
  return started.length > 0;
}

/** Adds a committed batch's counts and moves `position` in one statement. */
export async function advanceImport(
  tx: Db,
  id: string,
  position: number,
  counts: { created: number; updated: number; unchanged: number; failed: number },
) {
  await tx
    .update(imports)
    .set({
      position,
      created: sql`${imports.created} + ${counts.created}`,
      updated: sql`${imports.updated} + ${counts.updated}`,
      unchanged: sql`${imports.unchanged} + ${counts.unchanged}`,
      failed: sql`${imports.failed} + ${counts.failed}`,
      updatedAt: sql`now()`,
      version: sql`${imports.version} + 1`,
    })
    .where(eq(imports.id, id));
}

/** Imports of these authors (null: everyone's), newest first; keyset by id (UUIDv7 is time-ordered). */
export async function listImports(
  db: Db,
  workspaceId: string,
  userIds: readonly string[] | null,
  paging: { limit: number; cursor?: string },
): Promise<ImportRow[]> {
  const where: (SQL | undefined)[] = [
    eq(imports.workspaceId, workspaceId),
    userIds ? inArray(imports.userId, [...userIds]) : undefined,
    paging.cursor ? lt(imports.id, paging.cursor) : undefined,
  ];
  return db
    .select()
    .from(imports)
    .where(and(...where))
    .orderBy(desc(imports.id))
    .limit(paging.limit + 1);
}

export async function insertNotes(tx: Db, importId: string, notes: readonly ImportNote[]): Promise<void> {
  // 7 parameters a row: 5,000 rows stay far below PostgreSQL's 65,535 parameters.
  for (let i = 0; i < notes.length; i += 5000) {
    await tx.insert(importErrors).values(
      notes.slice(i, i + 5000).map((n) => ({
        id: uuidv7(),
        importId,
        row: n.row,
        path: n.path,
        message: n.message,
        outcome: n.outcome,
        data: n.data,
      })),
    );
  }
}

export async function firstErrors(db: Db, importId: string, limit: number) {
  return db
    .select({ row: importErrors.row, path: importErrors.path, message: importErrors.message })
    .from(importErrors)
    .where(and(eq(importErrors.importId, importId), eq(importErrors.outcome, "reject")))
    .orderBy(asc(importErrors.row), asc(importErrors.id))
    .limit(limit);
}

/** One page of the report, keyset by id (ids grow with rows, batch after batch). */
export async function notesPage(
  db: Db,
  importId: string,
  rejectsOnly: boolean,
  afterId: string | null,
  limit: number,
): Promise<ImportErrorRow[]> {
  return db
    .select()
    .from(importErrors)
    .where(
      and(
        eq(importErrors.importId, importId),
        rejectsOnly ? eq(importErrors.outcome, "reject") : undefined,
        afterId ? gt(importErrors.id, afterId) : undefined,
      ),
    )
    .orderBy(asc(importErrors.id))
    .limit(limit);
}

export async function plannedKeys(tx: Db, importId: string, keys: readonly string[]): Promise<PlannedKey[]> {
  if (!keys.length) return [];
  return tx
    .select()
    .from(importKeys)
    .where(and(eq(importKeys.importId, importId), inArray(importKeys.key, [...keys])));
}

export async function savePlannedKeys(tx: Db, rows: readonly PlannedKey[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 5000) {
    await tx
      .insert(importKeys)
      .values(rows.slice(i, i + 5000))
      .onConflictDoUpdate({
        target: [importKeys.importId, importKeys.key],
        set: {
          targetId: sql`excluded.target_id`,
          ownerId: sql`excluded.owner_id`,
          inn: sql`excluded.inn`,
          row: sql`excluded.row`,
        },
      });
  }
}

export async function deletePlannedKeys(tx: Db, importId: string): Promise<void> {
  await tx.delete(importKeys).where(eq(importKeys.importId, importId));
}

/** Everyone who can own records in the workspace, for the «Ответственный» column. */
export async function workspaceUsers(db: Db, workspaceId: string) {
  return db
    .select({ id: users.id, email: users.email, fullName: users.fullName })
    .from(users)
    .where(and(eq(users.workspaceId, workspaceId), eq(users.active, true), isNull(users.deletedAt)));
}

export async function findUser(db: Db, workspaceId: string, id: string) {
  const [row] = await db
    .select()
    .from(users)
    .where(and(eq(users.workspaceId, workspaceId), eq(users.id, id), ne(users.active, false)))
    .limit(1);
  return row;
}

export async function findImportById(db: Db, id: string): Promise<ImportRow | undefined> {
  const [row] = await db.select().from(imports).where(eq(imports.id, id)).limit(1);
  return row;
}
