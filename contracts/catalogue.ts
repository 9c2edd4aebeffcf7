import { z } from "zod";
import { isOkeiCode } from "../core/okei";
import { Id, ListQuery, Timestamp, Version } from "./common";

/** VAT rates a product may carry (НК РФ ст. 164; 22 % from 2026) or «без НДС». */
export const VatRate = z.enum(["22", "10", "5", "7", "0", "none"]);
export type VatRate = z.infer<typeof VatRate>;

/** A price or an amount that cannot be negative: a decimal string, two decimals at most. */
export const Amount = z
  .string()
  .trim()
  .regex(/^\d{1,16}(\.\d{1,2})?$/, "money");

/** A percentage as a decimal string ("12.5"); the 0–100 range is a business rule (422). */
export const PercentString = z
  .string()
  .trim()
  .regex(/^\d{1,3}(\.\d{1,2})?$/, "percent_format");

/** A calendar date, "2026-01-31". */
export const DateString = z.iso.date();

/** ОКЕИ code of a unit, checked against core/okei.ts. */
export const UnitCode = z.string().trim().refine(isOkeiCode, "okei_unknown");

const text = (max: number) => z.string().trim().max(max);

const productFields = {
  sku: text(64).min(1),
  name: text(500).min(1),
  description: text(5000).nullable().optional(),
  unit: UnitCode.default("796"),
  vatRate: VatRate.default("22"),
  groupId: Id.nullable().optional(),
  basePrice: Amount.default("0"),
  active: z.boolean().default(true),
};

export const ProductCreate = z.object(productFields);
export type ProductCreate = z.infer<typeof ProductCreate>;

export const ProductUpdate = z.object({
  version: Version,
  sku: productFields.sku.optional(),
  name: productFields.name.optional(),
  description: productFields.description,
  unit: UnitCode.optional(),
  vatRate: VatRate.optional(),
  groupId: Id.nullable().optional(),
  basePrice: Amount.optional(),
  active: z.boolean().optional(),
});
export type ProductUpdate = z.infer<typeof ProductUpdate>;

export const Product = z.object({
  id: Id,
  sku: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  /** ОКЕИ code. */
  unit: z.string(),
  /** The unit's short designation ("шт"). */
  unitName: z.string(),
  vatRate: VatRate,
  groupId: Id.nullable(),
  basePrice: z.string(),
  /** The same as basePrice (the name the public contract lists). */
  price: z.string(),
  currency: z.string(),
  active: z.boolean(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  deletedAt: Timestamp.nullable(),
  version: Version,
});
export type Product = z.infer<typeof Product>;

export const ProductSortKeys = ["name", "sku", "createdAt"] as const;

export const ProductListQuery = ListQuery.extend({
  groupId: Id.optional(),
  active: z.enum(["true", "false"]).optional(),
  deleted: z.enum(["true"]).optional(),
});
export type ProductListQuery = z.infer<typeof ProductListQuery>;

export const ProductGroupCreate = z.object({
  name: text(200).min(1),
  parentId: Id.nullable().optional(),
});
export type ProductGroupCreate = z.infer<typeof ProductGroupCreate>;

export const ProductGroupUpdate = z.object({
  version: Version,
  name: text(200).min(1).optional(),
  parentId: Id.nullable().optional(),
});
export type ProductGroupUpdate = z.infer<typeof ProductGroupUpdate>;

export const ProductGroup = z.object({
  id: Id,
  name: z.string(),
  parentId: Id.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  version: Version,
});
export type ProductGroup = z.infer<typeof ProductGroup>;

/** The outcome of a catalogue import: all rows are written, or none (errors name row and field). */
export const ProductImportResult = z.object({
  total: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  errors: z.array(z.object({ row: z.number().int(), path: z.string(), message: z.string() })),
});
export type ProductImportResult = z.infer<typeof ProductImportResult>;

export const OkeiUnitInfo = z.object({ code: z.string(), short: z.string(), name: z.string() });
