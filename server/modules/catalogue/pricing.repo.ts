import { and, eq, gt, inArray, isNull, ne, type SQL, sql } from "drizzle-orm";
import { priceListItems, priceLists, products, segmentPriceLists } from "../../db/schema/index";
import type { Db } from "../../platform/db/client";
import { afterCursor, encodeCursor, orderBy, page } from "../../platform/pagination";
import { likePattern } from "./catalogue.common";

export type PriceListRow = typeof priceLists.$inferSelect;

export async function findPriceList(db: Db, workspaceId: string, id: string, lock = false) {
  const q = db
    .select()
    .from(priceLists)
    .where(and(eq(priceLists.workspaceId, workspaceId), eq(priceLists.id, id), isNull(priceLists.deletedAt)))
    .limit(1);
  const [row] = lock ? await q.for("update") : await q;
  return row;
}

export async function insertPriceList(db: Db, values: typeof priceLists.$inferInsert) {
  const [row] = await db.insert(priceLists).values(values).returning();
  return row!;
}

export async function updatePriceList(db: Db, id: string, set: Record<string, unknown>) {
  const [row] = await db
    .update(priceLists)
    .set({ ...set, updatedAt: sql`now()`, version: sql`${priceLists.version} + 1` })
    .where(eq(priceLists.id, id))
    .returning();
  return row!;
}

/** Only one default price list: the others lose the flag in the same transaction. */
export async function clearDefaultPriceList(db: Db, workspaceId: string, exceptId: string) {
  await db
    .update(priceLists)
    .set({ isDefault: false, updatedAt: sql`now()`, version: sql`${priceLists.version} + 1` })
    .where(
      and(
        eq(priceLists.workspaceId, workspaceId),
        eq(priceLists.isDefault, true),
        ne(priceLists.id, exceptId),
      ),
    );
}

export async function listPriceLists(
  db: Db,
  workspaceId: string,
  query: { limit: number; cursor?: string; q?: string; active?: string },
) {
  const expr = sql`${priceLists.name} collate ru_icu`;
  const parts: (SQL | undefined)[] = [eq(priceLists.workspaceId, workspaceId), isNull(priceLists.deletedAt)];
  if (query.q?.trim()) parts.push(sql`lower(${priceLists.name}) like ${likePattern(query.q.trim())}`);
  if (query.active) parts.push(eq(priceLists.active, query.active === "true"));
  const rows = await db
    .select()
    .from(priceLists)
    .where(and(...parts, afterCursor(expr, priceLists.id, false, query.cursor, false)))
    .orderBy(...orderBy(expr, priceLists.id, false))
    .limit(query.limit + 1);
  return page(rows, query.limit, (row) => encodeCursor(row.name, row.id));
}

/** One page of a list's prices with the products' names (one join, no N+1), by product id. */
export async function listPrices(
  db: Db,
  workspaceId: string,
  priceListId: string,
  query: { limit: number; cursor?: string; q?: string },
) {
  const parts: (SQL | undefined)[] = [
    eq(priceListItems.workspaceId, workspaceId),
    eq(priceListItems.priceListId, priceListId),
    isNull(products.deletedAt),
  ];
  if (query.q?.trim())
    parts.push(
      sql`(lower(${products.name}) like ${likePattern(query.q.trim())} or lower(${products.sku}) like ${likePattern(query.q.trim(), true)})`,
    );
  if (query.cursor) parts.push(gt(priceListItems.productId, query.cursor));
  const rows = await db
    .select({
      productId: priceListItems.productId,
      sku: products.sku,
      name: products.name,
      unit: products.unitCode,
      basePrice: products.basePrice,
      price: priceListItems.price,
      updatedAt: priceListItems.updatedAt,
    })
    .from(priceListItems)
    .innerJoin(products, eq(products.id, priceListItems.productId))
    .where(and(...parts))
    .orderBy(priceListItems.productId)
    .limit(query.limit + 1);
  return page(rows, query.limit, (row) => row.productId);
}

export async function upsertPrices(
  db: Db,
  workspaceId: string,
  priceListId: string,
  items: { id: string; productId: string; price: string }[],
) {
  if (!items.length) return;
  await db
    .insert(priceListItems)
    .values(items.map((i) => ({ ...i, workspaceId, priceListId })))
    .onConflictDoUpdate({
      target: [priceListItems.priceListId, priceListItems.productId],
      set: { price: sql`excluded.price`, updatedAt: sql`now()` },
    });
}

export async function removePrices(db: Db, priceListId: string, productIds: string[]): Promise<number> {
  if (!productIds.length) return 0;
  const rows = await db
    .delete(priceListItems)
    .where(and(eq(priceListItems.priceListId, priceListId), inArray(priceListItems.productId, productIds)))
    .returning({ id: priceListItems.id });
  return rows.length;
}

export async function currentPrices(db: Db, priceListId: string, productIds: string[]) {
  if (!productIds.length) return new Map<string, string>();
  const rows = await db
    .select({ productId: priceListItems.productId, price: priceListItems.price })
    .from(priceListItems)
    .where(and(eq(priceListItems.priceListId, priceListId), inArray(priceListItems.productId, productIds)));
  return new Map(rows.map((r) => [r.productId, r.price]));
}

export async function listSegmentPriceLists(db: Db, workspaceId: string) {
  return db
    .select({
      segment: segmentPriceLists.segment,
      priceListId: segmentPriceLists.priceListId,
      priceListName: priceLists.name,
    })
    .from(segmentPriceLists)
    .innerJoin(priceLists, eq(priceLists.id, segmentPriceLists.priceListId))
    .where(and(eq(segmentPriceLists.workspaceId, workspaceId), isNull(priceLists.deletedAt)))
    .orderBy(segmentPriceLists.segment);
}

export async function setSegmentPriceList(
  db: Db,
  workspaceId: string,
  segment: string,
  priceListId: string | null,
) {
  if (priceListId === null) {
    await db
      .delete(segmentPriceLists)
      .where(and(eq(segmentPriceLists.workspaceId, workspaceId), eq(segmentPriceLists.segment, segment)));
    return;
  }
  await db
    .insert(segmentPriceLists)
    .values({ workspaceId, segment, priceListId })
    .onConflictDoUpdate({
      target: [segmentPriceLists.workspaceId, segmentPriceLists.segment],
      set: { priceListId },
    });
}
