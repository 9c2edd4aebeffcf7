import { z } from "zod";
import { Amount, DateString, PercentString } from "./catalogue";
import { Id, ListQuery, Timestamp, Version } from "./common";

const text = (max: number) => z.string().trim().max(max);

export const PriceListCreate = z.object({
  name: text(200).min(1),
  vatIncluded: z.boolean().default(true),
  validFrom: DateString.nullable().optional(),
  validTo: DateString.nullable().optional(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .default("RUB"),
  isDefault: z.boolean().default(false),
  active: z.boolean().default(true),
});
export type PriceListCreate = z.infer<typeof PriceListCreate>;

export const PriceListUpdate = z.object({
  version: Version,
  name: text(200).min(1).optional(),
  vatIncluded: z.boolean().optional(),
  validFrom: DateString.nullable().optional(),
  validTo: DateString.nullable().optional(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .optional(),
  isDefault: z.boolean().optional(),
  active: z.boolean().optional(),
});
export type PriceListUpdate = z.infer<typeof PriceListUpdate>;

export const PriceList = z.object({
  id: Id,
  name: z.string(),
  vatIncluded: z.boolean(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  currency: z.string(),
  isDefault: z.boolean(),
  active: z.boolean(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  deletedAt: Timestamp.nullable(),
  version: Version,
});
export type PriceList = z.infer<typeof PriceList>;

export const PriceListQuery = ListQuery.extend({ active: z.enum(["true", "false"]).optional() });
export type PriceListQuery = z.infer<typeof PriceListQuery>;

export const PriceItem = z.object({
  productId: Id,
  sku: z.string(),
  name: z.string(),
  unit: z.string(),
  basePrice: z.string(),
  price: z.string(),
  updatedAt: Timestamp,
});
export type PriceItem = z.infer<typeof PriceItem>;

/** Bulk upsert: a price sets it, `null` removes the product from the list. */
export const PricesPut = z.object({
  items: z
    .array(z.object({ productId: Id, price: Amount.nullable() }))
    .min(1)
    .max(1000),
});
export type PricesPut = z.infer<typeof PricesPut>;

export const PricesResult = z.object({ upserted: z.number().int(), removed: z.number().int() });

export const SegmentPriceList = z.object({ segment: z.string(), priceListId: Id, priceListName: z.string() });
export type SegmentPriceList = z.infer<typeof SegmentPriceList>;

/** Assigns a price list to a client segment; `null` removes the assignment. */
export const SegmentPriceListPut = z.object({
  segment: text(100).min(1),
  priceListId: Id.nullable(),
});
export type SegmentPriceListPut = z.infer<typeof SegmentPriceListPut>;

export const DiscountCombine = z.enum(["best", "sum"]);
export const DiscountKind = z.enum([
  "volume_quantity",
  "volume_amount",
  "client",
  "segment",
  "promo",
  "group",
]);
export type DiscountKind = z.infer<typeof DiscountKind>;

export const DiscountRuleSetCreate = z.object({
  name: text(200).min(1),
  combine: DiscountCombine.default("best"),
  maxPercent: PercentString.nullable().optional(),
  active: z.boolean().default(true),
});
export type DiscountRuleSetCreate = z.infer<typeof DiscountRuleSetCreate>;

export const DiscountRuleSetUpdate = z.object({
  version: Version,
  name: text(200).min(1).optional(),
  combine: DiscountCombine.optional(),
  maxPercent: PercentString.nullable().optional(),
  active: z.boolean().optional(),
});
export type DiscountRuleSetUpdate = z.infer<typeof DiscountRuleSetUpdate>;

export const DiscountRuleSet = z.object({
  id: Id,
  name: z.string(),
  combine: DiscountCombine,
  maxPercent: z.string().nullable(),
  active: z.boolean(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  version: Version,
});
export type DiscountRuleSet = z.infer<typeof DiscountRuleSet>;

const ruleFields = {
  ruleSetId: Id,
  name: text(200).min(1),
  kind: DiscountKind,
  percent: PercentString,
  minQuantity: z
    .string()
    .trim()
    .regex(/^\d{1,15}(\.\d{1,3})?$/, "quantity_format")
    .nullable()
    .optional(),
  minAmount: Amount.nullable().optional(),
  companyId: Id.nullable().optional(),
  segment: text(100).nullable().optional(),
  productGroupId: Id.nullable().optional(),
  productId: Id.nullable().optional(),
  validFrom: DateString.nullable().optional(),
  validTo: DateString.nullable().optional(),
  active: z.boolean().optional(),
};

export const DiscountRuleCreate = z.object(ruleFields);
export type DiscountRuleCreate = z.infer<typeof DiscountRuleCreate>;

export const DiscountRuleUpdate = z
  .object(
    Object.fromEntries(Object.entries(ruleFields).map(([k, v]) => [k, v.optional()])) as {
      [K in keyof typeof ruleFields]: z.ZodOptional<(typeof ruleFields)[K]>;
    },
  )
  .extend({ version: Version });
export type DiscountRuleUpdate = z.infer<typeof DiscountRuleUpdate>;

export const DiscountRule = z.object({
  id: Id,
  ruleSetId: Id,
  name: z.string(),
  kind: DiscountKind,
  percent: z.string(),
  minQuantity: z.string().nullable(),
  minAmount: z.string().nullable(),
  companyId: Id.nullable(),
  companyName: z.string().nullable(),
  segment: z.string().nullable(),
  productGroupId: Id.nullable(),
  productId: Id.nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  active: z.boolean(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  version: Version,
});
export type DiscountRule = z.infer<typeof DiscountRule>;

export const DiscountRuleQuery = ListQuery.extend({
  ruleSetId: Id.optional(),
  kind: DiscountKind.optional(),
});
export type DiscountRuleQuery = z.infer<typeof DiscountRuleQuery>;
