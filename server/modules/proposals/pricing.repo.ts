import { and, asc, eq, ilike, inArray, isNull, or, sql } from "drizzle-orm";
import {
  clientTerms,
  discountRuleSets,
  discountRules,
  priceListItems,
  priceLists,
  products,
  segmentPriceLists,
  termsTemplates,
} from "../../db/schema/index";
import type { Db } from "../../platform/db/client";

export type PriceListRow = {
  id: string;
  vatIncluded: boolean;
  validFrom: string | null;
  validTo: string | null;
  isDefault: boolean;
};

export type ClientTermsRow = typeof clientTerms.$inferSelect;

export async function clientTermsOf(db: Db, workspaceId: string, companyId: string) {
  const [row] = await db
    .select()
    .from(clientTerms)
    .where(and(eq(clientTerms.workspaceId, workspaceId), eq(clientTerms.companyId, companyId)))
    .limit(1);
  return row ?? null;
}

/**
 * The candidate price lists of a client in one query: its own, its segment's and the default
 * ones, live and active (validity is checked by the caller against the proposal's date).
 */
export async function candidatePriceLists(
  db: Db,
  workspaceId: string,
  clientListId: string | null,
  segment: string | null,
): Promise<{ own: PriceListRow[]; segment: PriceListRow[]; defaults: PriceListRow[] }> {
  const segmentList = segment
    ? sql`${priceLists.id} in (select price_list_id from ${segmentPriceLists} where workspace_id = ${workspaceId} and segment = ${segment})`
    : sql`false`;
  const rows = await db
    .select({
      id: priceLists.id,
      vatIncluded: priceLists.vatIncluded,
      validFrom: priceLists.validFrom,
      validTo: priceLists.validTo,
      isDefault: priceLists.isDefault,
      isSegment: sql<boolean>`${segmentList}`,
    })
    .from(priceLists)
    .where(
      and(
        eq(priceLists.workspaceId, workspaceId),
        eq(priceLists.active, true),
        isNull(priceLists.deletedAt),
        or(
          clientListId ? eq(priceLists.id, clientListId) : sql`false`,
          segmentList,
          eq(priceLists.isDefault, true),
        ),
      ),
    )
    .orderBy(asc(priceLists.createdAt));
  const plain = ({ isSegment: _s, ...r }: (typeof rows)[number]): PriceListRow => r;
  return {
    own: rows.filter((r) => r.id === clientListId).map(plain),
    segment: rows.filter((r) => r.isSegment).map(plain),
    defaults: rows.filter((r) => r.isDefault).map(plain),
  };
}

export type ProductRow = {
  id: string;
  sku: string;
  name: string;
  unitCode: string;
  vatRate: (typeof products.$inferSelect)["vatRate"];
  groupId: string | null;
  basePrice: string;
  active: boolean;
  deletedAt: string | null;
};

const productColumns = {
  id: products.id,
  sku: products.sku,
  name: products.name,
  unitCode: products.unitCode,
  vatRate: products.vatRate,
  groupId: products.groupId,
  basePrice: products.basePrice,
  active: products.active,
  deletedAt: products.deletedAt,
};

export async function productsByIds(
  db: Db,
  workspaceId: string,
  ids: readonly string[],
): Promise<ProductRow[]> {
  if (!ids.length) return [];
  return db
    .select(productColumns)
    .from(products)
    .where(and(eq(products.workspaceId, workspaceId), inArray(products.id, [...new Set(ids)])));
}

/** Live active products whose name or SKU contains `q` (the editor's product picker). */
export async function searchProducts(db: Db, workspaceId: string, q: string, limit: number) {
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return db
    .select(productColumns)
    .from(products)
    .where(
      and(
        eq(products.workspaceId, workspaceId),
        isNull(products.deletedAt),
        eq(products.active, true),
        q ? or(ilike(products.name, pattern), ilike(products.sku, pattern)) : undefined,
      ),
    )
    .orderBy(sql`${products.name} collate ru_icu`, products.id)
    .limit(limit);
}

export async function listPrices(
  db: Db,
  priceListId: string,
  productIds: readonly string[],
): Promise<Map<string, string>> {
  if (!productIds.length) return new Map();
  const rows = await db
    .select({ productId: priceListItems.productId, price: priceListItems.price })
    .from(priceListItems)
    .where(
      and(eq(priceListItems.priceListId, priceListId), inArray(priceListItems.productId, [...productIds])),
    );
  return new Map(rows.map((r) => [r.productId, r.price]));
}

/** Active rule sets and their live active rules; a workspace has dozens, not thousands. */
export async function activeDiscountRules(db: Db, workspaceId: string) {
  const sets = await db
    .select({
      id: discountRuleSets.id,
      name: discountRuleSets.name,
      combine: discountRuleSets.combine,
      maxPercent: discountRuleSets.maxPercent,
      active: discountRuleSets.active,
    })
    .from(discountRuleSets)
    .where(and(eq(discountRuleSets.workspaceId, workspaceId), eq(discountRuleSets.active, true)))
    .orderBy(asc(discountRuleSets.createdAt), asc(discountRuleSets.id));
  const rules = await db
    .select()
    .from(discountRules)
    .where(
      and(
        eq(discountRules.workspaceId, workspaceId),
        eq(discountRules.active, true),
        isNull(discountRules.deletedAt),
      ),
    )
    .orderBy(asc(discountRules.createdAt), asc(discountRules.id));
  return { sets, rules };
}

/** Terms templates by id, or the first active template of a kind when `ids` is empty. */
export async function termsTemplateTexts(
  db: Db,
  workspaceId: string,
  kind: "payment" | "delivery",
  id: string | null,
): Promise<string | null> {
  const [row] = await db
    .select({ name: termsTemplates.name, text: termsTemplates.text })
    .from(termsTemplates)
    .where(
      and(
        eq(termsTemplates.workspaceId, workspaceId),
        eq(termsTemplates.kind, kind),
        isNull(termsTemplates.deletedAt),
        id ? eq(termsTemplates.id, id) : eq(termsTemplates.active, true),
      ),
    )
    .orderBy(asc(termsTemplates.createdAt), asc(termsTemplates.id))
    .limit(1);
  return row ? (row.text?.trim() ? row.text : row.name) : null;
}
