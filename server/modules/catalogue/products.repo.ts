import { and, eq, inArray, isNotNull, isNull, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { type ProductListQuery, ProductSortKeys } from "../../../contracts/catalogue";
import { productGroups, products } from "../../db/schema/index";
import type { Db } from "../../platform/db/client";
import { afterCursor, encodeCursor, orderBy, page, parseSort } from "../../platform/pagination";
import { likePattern } from "./catalogue.common";

export type ProductRow = typeof products.$inferSelect;
export type ProductInsert = typeof products.$inferInsert;
export type GroupRow = typeof productGroups.$inferSelect;

export async function findProduct(db: Db, workspaceId: string, id: string, lock = false) {
  const q = db
    .select()
    .from(products)
    .where(and(eq(products.workspaceId, workspaceId), eq(products.id, id)))
    .limit(1);
  const [row] = lock ? await q.for("update") : await q;
  return row;
}

/** The live product holding a SKU (the unique index covers live rows only). */
export async function findBySku(db: Db, workspaceId: string, sku: string) {
  const [row] = await db
    .select()
    .from(products)
    .where(and(eq(products.workspaceId, workspaceId), eq(products.sku, sku), isNull(products.deletedAt)))
    .limit(1);
  return row;
}

export async function findBySkus(db: Db, workspaceId: string, skus: readonly string[]) {
  if (!skus.length) return [];
  return db
    .select()
    .from(products)
    .where(
      and(
        eq(products.workspaceId, workspaceId),
        inArray(products.sku, [...skus]),
        isNull(products.deletedAt),
      ),
    );
}

export async function liveProductIds(db: Db, workspaceId: string, ids: readonly string[]) {
  if (!ids.length) return [];
  const rows = await db
    .select({ id: products.id })
    .from(products)
    .where(
      and(eq(products.workspaceId, workspaceId), inArray(products.id, [...ids]), isNull(products.deletedAt)),
    );
  return rows.map((r) => r.id);
}

export async function insertProduct(db: Db, values: ProductInsert): Promise<ProductRow> {
  const [row] = await db.insert(products).values(values).returning();
  return row!;
}

export async function updateProduct(
  db: Db,
  id: string,
  set: Partial<ProductInsert> | Record<string, unknown>,
) {
  const [row] = await db
    .update(products)
    .set({ ...set, updatedAt: sql`now()`, version: sql`${products.version} + 1` })
    .where(eq(products.id, id))
    .returning();
  return row!;
}

const sortable: Record<(typeof ProductSortKeys)[number], SQL | AnyPgColumn> = {
  name: sql`${products.name} collate ru_icu`,
  sku: products.sku,
  createdAt: products.createdAt,
};

/** A group and every group below it (the tree is small; depth is capped against bad data). */
function groupAndBelow(workspaceId: string, groupId: string): SQL {
  return sql`${products.groupId} in (
    with recursive tree(id, depth) as (
      select id, 1 from product_groups where workspace_id = ${workspaceId} and id = ${groupId}
      union all
      select g.id, t.depth + 1 from product_groups g join tree t on g.parent_id = t.id
      where g.workspace_id = ${workspaceId} and t.depth < 20
    ) select id from tree)`;
}

export function productWhere(workspaceId: string, query: ProductListQuery): SQL {
  const parts: (SQL | undefined)[] = [
    eq(products.workspaceId, workspaceId),
    query.deleted ? isNotNull(products.deletedAt) : isNull(products.deletedAt),
  ];
  const q = query.q?.trim();
  if (q) {
    // Name: substring through the trigram index; SKU: a prefix through the SKU index.
    parts.push(
      sql`(lower(${products.name}) like ${likePattern(q)} or lower(${products.sku}) like ${likePattern(q, true)})`,
    );
  }
  if (query.groupId) parts.push(groupAndBelow(workspaceId, query.groupId));
  if (query.active) parts.push(eq(products.active, query.active === "true"));
  return and(...parts)!;
}

export async function listProducts(
  db: Db,
  where: SQL,
  paging: { limit: number; cursor?: string; sort?: string },
): Promise<{ items: ProductRow[]; nextCursor: string | null }> {
  const sort = parseSort(paging.sort, ProductSortKeys, "name");
  const key = sort.key as (typeof ProductSortKeys)[number];
  const expr = sortable[key];
  const rows = await db
    .select()
    .from(products)
    .where(and(where, afterCursor(expr, products.id, sort.desc, paging.cursor)))
    .orderBy(...orderBy(expr, products.id, sort.desc))
    .limit(paging.limit + 1);
  return page(rows, paging.limit, (row) => encodeCursor(row[key], row.id));
}

// Groups

export async function findGroup(db: Db, workspaceId: string, id: string, lock = false) {
  const q = db
    .select()
    .from(productGroups)
    .where(
      and(
        eq(productGroups.workspaceId, workspaceId),
        eq(productGroups.id, id),
        isNull(productGroups.deletedAt),
      ),
    )
    .limit(1);
  const [row] = lock ? await q.for("update") : await q;
  return row;
}

export async function groupsByName(db: Db, workspaceId: string) {
  return db
    .select({ id: productGroups.id, name: productGroups.name })
    .from(productGroups)
    .where(and(eq(productGroups.workspaceId, workspaceId), isNull(productGroups.deletedAt)));
}

export async function groupNames(db: Db, workspaceId: string, ids: readonly string[]) {
  if (!ids.length) return new Map<string, string>();
  const rows = await db
    .select({ id: productGroups.id, name: productGroups.name })
    .from(productGroups)
    .where(and(eq(productGroups.workspaceId, workspaceId), inArray(productGroups.id, [...new Set(ids)])));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function listGroups(db: Db, workspaceId: string, paging: { limit: number; cursor?: string }) {
  const expr = sql`${productGroups.name} collate ru_icu`;
  const rows = await db
    .select()
    .from(productGroups)
    .where(
      and(
        eq(productGroups.workspaceId, workspaceId),
        isNull(productGroups.deletedAt),
        afterCursor(expr, productGroups.id, false, paging.cursor, false),
      ),
    )
    .orderBy(...orderBy(expr, productGroups.id, false))
    .limit(paging.limit + 1);
  return page(rows, paging.limit, (row) => encodeCursor(row.name, row.id));
}

/** The chain of parents above a group, to refuse a move that would put a group inside itself. */
export async function ancestorIds(db: Db, workspaceId: string, id: string): Promise<string[]> {
  const result = await db.execute<{ id: string }>(sql`
    with recursive up(id, parent_id, depth) as (
      select id, parent_id, 1 from product_groups where workspace_id = ${workspaceId} and id = ${id}
      union all
      select g.id, g.parent_id, u.depth + 1 from product_groups g join up u on g.id = u.parent_id
      where g.workspace_id = ${workspaceId} and u.depth < 50
    ) select id from up`);
  return result.rows.map((r) => r.id);
}

export async function groupIsUsed(db: Db, workspaceId: string, id: string): Promise<boolean> {
  const result = await db.execute<{ used: boolean }>(sql`
    select exists (select 1 from products where workspace_id = ${workspaceId} and group_id = ${id} and deleted_at is null)
        or exists (select 1 from product_groups where workspace_id = ${workspaceId} and parent_id = ${id} and deleted_at is null)
      as used`);
  return Boolean(result.rows[0]?.used);
}

export async function insertGroup(db: Db, values: typeof productGroups.$inferInsert): Promise<GroupRow> {
  const [row] = await db.insert(productGroups).values(values).returning();
  return row!;
}

export async function updateGroup(db: Db, id: string, set: Record<string, unknown>): Promise<GroupRow> {
  const [row] = await db
    .update(productGroups)
    .set({ ...set, updatedAt: sql`now()`, version: sql`${productGroups.version} + 1` })
    .where(eq(productGroups.id, id))
    .returning();
  return row!;
}
