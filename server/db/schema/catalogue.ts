import { sql } from "drizzle-orm";
import {
  boolean,
  date,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { businessColumns, ts } from "./columns";

export const vatRates = ["22", "10", "5", "7", "0", "none"] as const;

/** Groups of goods and services (a tree); discount rules may target a group. */
export const productGroups = pgTable(
  "product_groups",
  {
    ...businessColumns(),
    name: text("name").notNull(),
    parentId: uuid("parent_id"),
    deletedAt: ts("deleted_at"),
  },
  (t) => [index("product_groups_ws_idx").on(t.workspaceId, t.parentId)],
);

/** Goods and services. `unit_code` is the ОКЕИ code as a string ("796" шт, "166" кг, "876" усл. ед). */
export const products = pgTable(
  "products",
  {
    ...businessColumns(),
    sku: text("sku").notNull(),
    name: text("name").notNull(),
    description: text("description"),
    unitCode: text("unit_code").notNull().default("796"),
    vatRate: text("vat_rate", { enum: vatRates }).notNull().default("22"),
    groupId: uuid("group_id"),
    basePrice: numeric("base_price", { precision: 18, scale: 2 }).notNull().default("0"),
    currency: text("currency").notNull().default("RUB"),
    active: boolean("active").notNull().default(true),
    deletedAt: ts("deleted_at"),
  },
  (t) => [
    uniqueIndex("products_sku_idx").on(t.workspaceId, t.sku).where(sql`${t.deletedAt} is null`),
    index("products_name_idx")
      .on(t.workspaceId, sql`${t.name} collate ru_icu`, t.id)
      .where(sql`${t.deletedAt} is null`),
    index("products_group_idx").on(t.workspaceId, t.groupId).where(sql`${t.deletedAt} is null`),
    index("products_name_trgm_idx").using("gin", sql`lower(${t.name}) gin_trgm_ops`),
  ],
);

/** A price list (retail, wholesale, dealer …): prices either include VAT or do not. */
export const priceLists = pgTable(
  "price_lists",
  {
    ...businessColumns(),
    name: text("name").notNull(),
    vatIncluded: boolean("vat_included").notNull().default(true),
    validFrom: date("valid_from"),
    validTo: date("valid_to"),
    currency: text("currency").notNull().default("RUB"),
    isDefault: boolean("is_default").notNull().default(false),
    active: boolean("active").notNull().default(true),
    deletedAt: ts("deleted_at"),
  },
  (t) => [index("price_lists_ws_idx").on(t.workspaceId)],
);

export const priceListItems = pgTable(
  "price_list_items",
  {
    id: uuid("id").primaryKey(),
    workspaceId: uuid("workspace_id").notNull(),
    priceListId: uuid("price_list_id").notNull(),
    productId: uuid("product_id").notNull(),
    price: numeric("price", { precision: 18, scale: 2 }).notNull(),
    updatedAt: ts("updated_at").notNull().default(sql`now()`),
  },
  (t) => [
    uniqueIndex("price_list_items_uq").on(t.priceListId, t.productId),
    index("price_list_items_product_idx").on(t.productId),
  ],
);

/** Which price list a segment gets by default; a client's own choice is in client_terms. */
export const segmentPriceLists = pgTable(
  "segment_price_lists",
  {
    workspaceId: uuid("workspace_id").notNull(),
    segment: text("segment").notNull(),
    priceListId: uuid("price_list_id").notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.segment] })],
);

/**
 * Discount rule sets say how their rules combine: the best single discount or the sum (capped).
 * Discounts from different sets add up; the proposal line shows every rule that contributed.
 */
export const discountRuleSets = pgTable("discount_rule_sets", {
  ...businessColumns(),
  name: text("name").notNull(),
  combine: text("combine", { enum: ["best", "sum"] })
    .notNull()
    .default("best"),
  maxPercent: numeric("max_percent", { precision: 5, scale: 2 }),
  active: boolean("active").notNull().default(true),
  deletedAt: ts("deleted_at"),
});

export const discountRules = pgTable(
  "discount_rules",
  {
    ...businessColumns(),
    ruleSetId: uuid("rule_set_id").notNull(),
    name: text("name").notNull(),
    kind: text("kind", {
      enum: ["volume_quantity", "volume_amount", "client", "segment", "promo", "group"],
    }).notNull(),
    percent: numeric("percent", { precision: 5, scale: 2 }).notNull(),
    minQuantity: numeric("min_quantity", { precision: 18, scale: 3 }),
    minAmount: numeric("min_amount", { precision: 18, scale: 2 }),
    companyId: uuid("company_id"),
    segment: text("segment"),
    productGroupId: uuid("product_group_id"),
    productId: uuid("product_id"),
    validFrom: date("valid_from"),
    validTo: date("valid_to"),
    active: boolean("active").notNull().default(true),
    deletedAt: ts("deleted_at"),
  },
  (t) => [index("discount_rules_ws_idx").on(t.workspaceId, t.ruleSetId)],
);

/** Reusable payment and delivery terms with free text (clause 2.3). */
export const termsTemplates = pgTable(
  "terms_templates",
  {
    ...businessColumns(),
    kind: text("kind", { enum: ["payment", "delivery"] }).notNull(),
    name: text("name").notNull(),
    prepaymentPercent: integer("prepayment_percent"),
    deferDays: integer("defer_days"),
    deferDayKind: text("defer_day_kind", { enum: ["calendar", "working"] }),
    deliveryMethod: text("delivery_method", { enum: ["pickup", "our_delivery", "carrier"] }),
    /** Payment stages in words ("50 % on order, 50 % on shipment"). */
    stages: text("stages"),
    loadingNotes: text("loading_notes"),
    issueNotes: text("issue_notes"),
    text: text("text"),
    active: boolean("active").notNull().default(true),
    deletedAt: ts("deleted_at"),
  },
  (t) => [index("terms_templates_ws_idx").on(t.workspaceId, t.kind)],
);

/** A client's individual terms (clause 2.11): proposals take these by default. */
export const clientTerms = pgTable("client_terms", {
  companyId: uuid("company_id").primaryKey(),
  workspaceId: uuid("workspace_id").notNull(),
  priceListId: uuid("price_list_id"),
  paymentTermsId: uuid("payment_terms_id"),
  deliveryTermsId: uuid("delivery_terms_id"),
  paymentText: text("payment_text"),
  deliveryText: text("delivery_text"),
  creditLimit: numeric("credit_limit", { precision: 18, scale: 2 }),
  version: integer("version").notNull().default(1),
  updatedAt: ts("updated_at").notNull().default(sql`now()`),
});

/** The seller's own legal entities, one of them the default. */
export const organisations = pgTable(
  "organisations",
  {
    ...businessColumns(),
    name: text("name").notNull(),
    fullName: text("full_name"),
    inn: text("inn").notNull(),
    kpp: text("kpp"),
    ogrn: text("ogrn"),
    address: text("address"),
    phone: text("phone"),
    email: text("email"),
    bankName: text("bank_name"),
    bik: text("bik"),
    account: text("account"),
    corrAccount: text("corr_account"),
    director: text("director"),
    directorTitle: text("director_title"),
    accountant: text("accountant"),
    /** A small PNG or JPEG as a data URL; it goes into documents as is. */
    logo: text("logo"),
    vatPayer: boolean("vat_payer").notNull().default(true),
    taxSystem: text("tax_system", { enum: ["osn", "usn"] })
      .notNull()
      .default("osn"),
    isDefault: boolean("is_default").notNull().default(false),
    deletedAt: ts("deleted_at"),
  },
  (t) => [
    index("organisations_ws_idx").on(t.workspaceId),
    // One default organisation per workspace, guarded by the database as well as the service.
    uniqueIndex("organisations_default_uq")
      .on(t.workspaceId)
      .where(sql`${t.isDefault} and ${t.deletedAt} is null`),
  ],
);

/** Authority (clause 3.4): a user's limits; absent → the defaults of the role. */
export const userLimits = pgTable("user_limits", {
  userId: uuid("user_id").primaryKey(),
  workspaceId: uuid("workspace_id").notNull(),
  maxDiscountPercent: numeric("max_discount_percent", { precision: 5, scale: 2 }),
  maxProposalAmount: numeric("max_proposal_amount", { precision: 18, scale: 2 }),
  updatedAt: ts("updated_at").notNull().default(sql`now()`),
});
