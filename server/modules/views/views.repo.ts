import { and, asc, eq } from "drizzle-orm";
import { savedViews } from "../../db/schema/index";
import type { Db } from "../../platform/db/client";

export type SavedViewRow = typeof savedViews.$inferSelect;

/** A user has a handful of views per list; the index is (workspace, user, entity). */
export async function listViews(
  db: Db,
  workspaceId: string,
  userId: string,
  entity: string | undefined,
): Promise<SavedViewRow[]> {
  return db
    .select()
    .from(savedViews)
    .where(
      and(
        eq(savedViews.workspaceId, workspaceId),
        eq(savedViews.userId, userId),
        entity ? eq(savedViews.entity, entity) : undefined,
      ),
    )
    .orderBy(asc(savedViews.entity), asc(savedViews.name), asc(savedViews.id))
    .limit(500);
}

export async function insertView(db: Db, values: typeof savedViews.$inferInsert): Promise<SavedViewRow> {
  const [row] = await db.insert(savedViews).values(values).returning();
  return row!;
}

export async function findView(db: Db, workspaceId: string, id: string): Promise<SavedViewRow | undefined> {
  const [row] = await db
    .select()
    .from(savedViews)
    .where(and(eq(savedViews.workspaceId, workspaceId), eq(savedViews.id, id)))
    .limit(1);
  return row;
}

export async function deleteView(db: Db, id: string): Promise<void> {
  await db.delete(savedViews).where(eq(savedViews.id, id));
}
