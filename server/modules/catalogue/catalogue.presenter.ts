import type { Product, ProductGroup } from "../../../contracts/catalogue";
import { okeiShort } from "../../../core/okei";
import type { GroupRow, ProductRow } from "./products.repo";

export function presentProduct(row: ProductRow): Product {
  return {
    id: row.id,
    sku: row.sku,
    name: row.name,
    description: row.description,
    unit: row.unitCode,
    unitName: okeiShort(row.unitCode),
    vatRate: row.vatRate,
    groupId: row.groupId,
    basePrice: row.basePrice,
    price: row.basePrice,
    currency: row.currency,
    active: row.active,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    deletedAt: row.deletedAt,
    version: row.version,
  };
}

export function presentGroup(row: GroupRow): ProductGroup {
  return {
    id: row.id,
    name: row.name,
    parentId: row.parentId,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
  };
}
