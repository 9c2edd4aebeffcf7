import { and, eq, gt, isNull, ne, sql } from "drizzle-orm";
import { organisations } from "../../db/schema/index";
import type { Db } from "../../platform/db/client";
import { page } from "../../platform/pagination";

export type OrganisationRow = typeof organisations.$inferSelect;

export async function findOrganisation(db: Db, workspaceId: string, id: string, lock = false) {
  const q = db
    .select()
    .from(organisations)
    .where(
      and(
        eq(organisations.workspaceId, workspaceId),
        eq(organisations.id, id),
        isNull(organisations.deletedAt),
      ),
    )
    .limit(1);
  const [row] = lock ? await q.for("update") : await q;
  return row;
}

export async function listOrganisations(
  db: Db,
  workspaceId: string,
  paging: { limit: number; cursor?: string },
) {
  const rows = await db
    .select()
    .from(organisations)
    .where(
      and(
        eq(organisations.workspaceId, workspaceId),
        isNull(organisations.deletedAt),
        paging.cursor ? gt(organisations.id, paging.cursor) : undefined,
      ),
    )
    .orderBy(organisations.id)
    .limit(paging.limit + 1);
  return page(rows, paging.limit, (r) => r.id);
}

export async function hasLiveOrganisation(db: Db, workspaceId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.workspaceId, workspaceId), isNull(organisations.deletedAt)))
    .limit(1);
  return Boolean(row);
}

/** Clears the default flag of every other organisation (one default per workspace). */
export async function clearDefaultOrganisation(db: Db, workspaceId: string, exceptId: string) {
  await db
    .update(organisations)
    .set({ isDefault: false, updatedAt: sql`now()`, version: sql`${organisations.version} + 1` })
    .where(
      and(
        eq(organisations.workspaceId, workspaceId),
        eq(organisations.isDefault, true),
        ne(organisations.id, exceptId),
      ),
    );
}

export async function insertOrganisation(db: Db, values: typeof organisations.$inferInsert) {
  const [row] = await db.insert(organisations).values(values).returning();
  return row!;
}

export async function updateOrganisation(db: Db, id: string, set: Record<string, unknown>) {
  const [row] = await db
    .update(organisations)
    .set({ ...set, updatedAt: sql`now()`, version: sql`${organisations.version} + 1` })
    .where(eq(organisations.id, id))
    .returning();
  return row!;
}
