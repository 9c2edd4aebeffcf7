import { sql } from "drizzle-orm";
import type {
  Product,
  ProductCreate,
  ProductGroup,
  ProductGroupCreate,
  ProductGroupUpdate,
  ProductListQuery,
  ProductUpdate,
} from "../../../contracts/catalogue";
import { uuidv7 } from "../../../core/uuid";
import type { Actor } from "../../platform/actor";
import { recordChange } from "../../platform/audit";
import { type Db, withTx } from "../../platform/db/client";
import { AppError } from "../../platform/errors";
import { authorize } from "../../platform/policy";
import { assertVersion, isUniqueViolation, ruleError, stampOf } from "./catalogue.common";
import { presentGroup, presentProduct } from "./catalogue.presenter";
import {
  ancestorIds,
  findBySku,
  findGroup,
  findProduct,
  groupIsUsed,
  insertGroup,
  insertProduct,
  listGroups,
  listProducts,
  productWhere,
  updateGroup,
  updateProduct,
} from "./products.repo";

const skuTaken = (sku: string) =>
  new AppError("sku_taken", 409, { sku }, [{ path: "sku", message: "sku_taken" }]);

/** A unique violation on the SKU index means a concurrent writer took the SKU first. */
async function guardSku<T>(sku: string | undefined, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (sku && isUniqueViolation(error)) throw skuTaken(sku);
    throw error;
  }
}

async function assertGroup(tx: Db, workspaceId: string, groupId: string | null | undefined) {
  if (groupId && !(await findGroup(tx, workspaceId, groupId))) throw ruleError("groupId", "not_found_ref");
}

export async function listCatalogue(db: Db, actor: Actor, query: ProductListQuery) {
  authorize(actor, "catalogue", "read");
  if (query.deleted) authorize(actor, "catalogue", "restore");
  const result = await listProducts(db, productWhere(actor.workspaceId, query), query);
  return { items: result.items.map(presentProduct), nextCursor: result.nextCursor };
}

export async function getProduct(db: Db, actor: Actor, id: string): Promise<Product> {
  authorize(actor, "catalogue", "read");
  const row = await findProduct(db, actor.workspaceId, id);
  if (!row || row.deletedAt) throw AppError.notFound();
  return presentProduct(row);
}

export async function createProduct(db: Db, actor: Actor, input: ProductCreate): Promise<Product> {
  authorize(actor, "catalogue", "create");
  return guardSku(input.sku, () =>
    withTx(db, async (tx) => {
      if (await findBySku(tx, actor.workspaceId, input.sku)) throw skuTaken(input.sku);
      await assertGroup(tx, actor.workspaceId, input.groupId);
      const row = await insertProduct(tx, {
        id: uuidv7(),
        workspaceId: actor.workspaceId,
        createdBy: stampOf(actor),
        sku: input.sku,
        name: input.name,
        description: input.description || null,
        unitCode: input.unit,
        vatRate: input.vatRate,
        groupId: input.groupId ?? null,
        basePrice: input.basePrice,
        active: input.active,
      });
      const product = presentProduct(row);
      await recordChange(tx, actor, {
        action: "create",
        entity: "product",
        entityId: row.id,
        after: product,
      });
      return product;
    }),
  );
}

export async function updateProductCard(
  db: Db,
  actor: Actor,
  id: string,
  input: ProductUpdate,
): Promise<Product> {
  authorize(actor, "catalogue", "update");
  return guardSku(input.sku, () =>
    withTx(db, async (tx) => {
      const before = await findProduct(tx, actor.workspaceId, id, true);
      if (!before || before.deletedAt) throw AppError.notFound();
      assertVersion(before, input.version);
      if (input.sku !== undefined && input.sku !== before.sku) {
        if (await findBySku(tx, actor.workspaceId, input.sku)) throw skuTaken(input.sku);
      }
      await assertGroup(tx, actor.workspaceId, input.groupId);
      const set: Record<string, unknown> = {};
      if (input.sku !== undefined) set.sku = input.sku;
      if (input.name !== undefined) set.name = input.name;
      if (input.description !== undefined) set.description = input.description || null;
      if (input.unit !== undefined) set.unitCode = input.unit;
      if (input.vatRate !== undefined) set.vatRate = input.vatRate;
      if (input.groupId !== undefined) set.groupId = input.groupId;
      if (input.basePrice !== undefined) set.basePrice = input.basePrice;
      if (input.active !== undefined) set.active = input.active;
      const row = await updateProduct(tx, id, set);
      const product = presentProduct(row);
      await recordChange(tx, actor, {
        action: "update",
        entity: "product",
        entityId: id,
        before: presentProduct(before),
        after: product,
      });
      return product;
    }),
  );
}

export async function deleteProduct(db: Db, actor: Actor, id: string): Promise<Product> {
  authorize(actor, "catalogue", "delete");
  return withTx(db, async (tx) => {
    const before = await findProduct(tx, actor.workspaceId, id, true);
    if (!before || before.deletedAt) throw AppError.notFound();
    const row = await updateProduct(tx, id, { deletedAt: sql`now()` });
    await recordChange(tx, actor, {
      action: "delete",
      entity: "product",
      entityId: id,
      changes: { deletedAt: { from: null, to: row.deletedAt } },
    });
    return presentProduct(row);
  });
}

/** A restored product takes its SKU back unless a live product has taken it meanwhile (409). */
export async function restoreProduct(db: Db, actor: Actor, id: string): Promise<Product> {
  authorize(actor, "catalogue", "restore");
  return withTx(db, async (tx) => {
    const before = await findProduct(tx, actor.workspaceId, id, true);
    if (!before) throw AppError.notFound();
    if (!before.deletedAt) throw AppError.rule("not_deleted");
    if (await findBySku(tx, actor.workspaceId, before.sku)) throw skuTaken(before.sku);
    const row = await updateProduct(tx, id, { deletedAt: null });
    await recordChange(tx, actor, {
      action: "restore",
      entity: "product",
      entityId: id,
      changes: { deletedAt: { from: before.deletedAt, to: null } },
    });
    return presentProduct(row);
  });
}

// Groups (a tree)

export async function listProductGroups(db: Db, actor: Actor, paging: { limit: number; cursor?: string }) {
  authorize(actor, "catalogue", "read");
  const result = await listGroups(db, actor.workspaceId, paging);
  return { items: result.items.map(presentGroup), nextCursor: result.nextCursor };
}

export async function createProductGroup(
  db: Db,
  actor: Actor,
  input: ProductGroupCreate,
): Promise<ProductGroup> {
  authorize(actor, "catalogue", "create");
  return withTx(db, async (tx) => {
    if (input.parentId && !(await findGroup(tx, actor.workspaceId, input.parentId)))
      throw ruleError("parentId", "not_found_ref");
    const row = await insertGroup(tx, {
      id: uuidv7(),
      workspaceId: actor.workspaceId,
      createdBy: stampOf(actor),
      name: input.name,
      parentId: input.parentId ?? null,
    });
    const group = presentGroup(row);
    await recordChange(tx, actor, {
      action: "create",
      entity: "product_group",
      entityId: row.id,
      after: group,
    });
    return group;
  });
}

export async function updateProductGroup(
  db: Db,
  actor: Actor,
  id: string,
  input: ProductGroupUpdate,
): Promise<ProductGroup> {
  authorize(actor, "catalogue", "update");
  return withTx(db, async (tx) => {
    const before = await findGroup(tx, actor.workspaceId, id, true);
    if (!before) throw AppError.notFound();
    assertVersion(before, input.version);
    if (input.parentId) {
      if (!(await findGroup(tx, actor.workspaceId, input.parentId)))
        throw ruleError("parentId", "not_found_ref");
      if ((await ancestorIds(tx, actor.workspaceId, input.parentId)).includes(id))
        throw ruleError("parentId", "group_cycle");
    }
    const set: Record<string, unknown> = {};
    if (input.name !== undefined) set.name = input.name;
    if (input.parentId !== undefined) set.parentId = input.parentId;
    const row = await updateGroup(tx, id, set);
    const group = presentGroup(row);
    await recordChange(tx, actor, {
      action: "update",
      entity: "product_group",
      entityId: id,
      before: presentGroup(before),
      after: group,
    });
    return group;
  });
}

export async function deleteProductGroup(db: Db, actor: Actor, id: string): Promise<ProductGroup> {
  authorize(actor, "catalogue", "delete");
  return withTx(db, async (tx) => {
    const before = await findGroup(tx, actor.workspaceId, id, true);
    if (!before) throw AppError.notFound();
    if (await groupIsUsed(tx, actor.workspaceId, id)) throw AppError.rule("group_not_empty");
    const row = await updateGroup(tx, id, { deletedAt: sql`now()` });
    await recordChange(tx, actor, {
      action: "delete",
      entity: "product_group",
      entityId: id,
      changes: { deletedAt: { from: null, to: row.deletedAt } },
    });
    return presentGroup(row);
  });
}
