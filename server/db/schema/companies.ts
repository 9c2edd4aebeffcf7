import { getTableColumns, type SQL, sql } from "drizzle-orm";
import { customType, index, integer, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { businessColumns, ts } from "./columns";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/**
 * Clients and prospects. Phones keep the text as typed (`phones`) and a normalised, digits-only
 * copy for search (`phone_search`, space separated; `digit_grams` indexes parts of numbers).
 * `search_vector` is generated from names and requisites for Russian full-text search.
 */
export const companies = pgTable(
  "companies",
  {
    ...businessColumns(),
    name: text("name").notNull(),
    fullName: text("full_name"),
    kind: text("kind", { enum: ["legal", "entrepreneur", "person"] })
      .notNull()
      .default("legal"),
    status: text("status", { enum: ["prospect", "client", "former"] })
      .notNull()
      .default("prospect"),
    inn: text("inn"),
    kpp: text("kpp"),
    ogrn: text("ogrn"),
    bik: text("bik"),
    account: text("account"),
    corrAccount: text("corr_account"),
    bankName: text("bank_name"),
    industry: text("industry"),
    region: text("region"),
    city: text("city"),
    segment: text("segment"),
    source: text("source"),
    ownerId: uuid("owner_id").notNull(),
    tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
    phones: text("phones").array().notNull().default(sql`'{}'::text[]`),
    emails: text("emails").array().notNull().default(sql`'{}'::text[]`),
    phoneSearch: text("phone_search").notNull().default(""),
    /** Four-digit windows of the INN and the phones, for a part of either (search.digits.ts). */
    digitGrams: integer("digit_grams").array(),
    website: text("website"),
    address: text("address"),
    notes: text("notes"),
    lastContactAt: ts("last_contact_at"),
    mergedIntoId: uuid("merged_into_id"),
    deletedAt: ts("deleted_at"),
    deletedBy: uuid("deleted_by"),
    searchVector: tsvector("search_vector").generatedAlwaysAs(
      (): SQL =>
        sql`to_tsvector('russian'::regconfig, coalesce(name, '') || ' ' || coalesce(full_name, '') || ' ' || coalesce(city, '') || ' ' || coalesce(industry, ''))`,
    ),
  },
  (t) => [
    index("companies_name_idx")
      .on(t.workspaceId, sql`${t.name} collate ru_icu`, t.id)
      .where(sql`${t.deletedAt} is null`),
    index("companies_owner_name_idx")
      .on(t.workspaceId, t.ownerId, sql`${t.name} collate ru_icu`, t.id)
      .where(sql`${t.deletedAt} is null`),
    index("companies_created_idx").on(t.workspaceId, t.createdAt, t.id).where(sql`${t.deletedAt} is null`),
    index("companies_updated_idx").on(t.workspaceId, t.updatedAt, t.id).where(sql`${t.deletedAt} is null`),
    index("companies_owner_contact_idx")
      .on(t.workspaceId, t.ownerId, t.lastContactAt, t.id)
      .where(sql`${t.deletedAt} is null`),
    index("companies_contact_idx")
      .on(t.workspaceId, t.lastContactAt, t.id)
      .where(sql`${t.deletedAt} is null`),
    index("companies_inn_idx").on(t.workspaceId, t.inn),
    index("companies_ogrn_idx").on(t.workspaceId, t.ogrn),
    index("companies_deleted_idx").on(t.workspaceId, t.deletedAt).where(sql`${t.deletedAt} is not null`),
    index("companies_tags_idx").using("gin", t.tags),
    index("companies_emails_idx").using("gin", t.emails),
    index("companies_name_trgm_idx").using("gin", sql`lower(${t.name}) gin_trgm_ops`),
    index("companies_digits_idx").using("gin", t.digitGrams),
    index("companies_search_idx").using("gin", t.searchVector),
    // A target's history includes the companies merged into it.
    index("companies_merged_idx").on(t.workspaceId, t.mergedIntoId).where(sql`${t.mergedIntoId} is not null`),
  ],
);

export const contacts = pgTable(
  "contacts",
  {
    ...businessColumns(),
    companyId: uuid("company_id"),
    /** Denormalised from the company, so visibility filters need no join. */
    ownerId: uuid("owner_id").notNull(),
    lastName: text("last_name").notNull(),
    firstName: text("first_name"),
    middleName: text("middle_name"),
    position: text("position"),
    phones: text("phones").array().notNull().default(sql`'{}'::text[]`),
    emails: text("emails").array().notNull().default(sql`'{}'::text[]`),
    phoneSearch: text("phone_search").notNull().default(""),
    /** Four-digit windows of the phones, for a part of a number (search.digits.ts). */
    digitGrams: integer("digit_grams").array(),
    notes: text("notes"),
    consentMarketing: text("consent_marketing", { enum: ["granted", "withdrawn", "unknown"] })
      .notNull()
      .default("unknown"),
    consentAt: ts("consent_at"),
    consentSource: text("consent_source"),
    /** Set by a 152-ФЗ erasure: the row stays for history but can never be restored. */
    erasedAt: ts("erased_at"),
    deletedAt: ts("deleted_at"),
    deletedBy: uuid("deleted_by"),
    searchVector: tsvector("search_vector").generatedAlwaysAs(
      (): SQL =>
        sql`to_tsvector('russian'::regconfig, coalesce(last_name, '') || ' ' || coalesce(first_name, '') || ' ' || coalesce(middle_name, '') || ' ' || coalesce(position, ''))`,
    ),
  },
  (t) => [
    index("contacts_company_idx").on(t.workspaceId, t.companyId, t.id).where(sql`${t.deletedAt} is null`),
    // Deleted contacts too: merges and transfers move them, a company's history lists them.
    index("contacts_company_all_idx").on(t.workspaceId, t.companyId).where(sql`${t.companyId} is not null`),
    index("contacts_owner_name_idx")
      .on(t.workspaceId, t.ownerId, sql`${t.lastName} collate ru_icu`, t.id)
      .where(sql`${t.deletedAt} is null`),
    index("contacts_name_idx")
      .on(t.workspaceId, sql`${t.lastName} collate ru_icu`, t.id)
      .where(sql`${t.deletedAt} is null`),
    index("contacts_emails_idx").using("gin", t.emails),
    index("contacts_digits_idx").using("gin", t.digitGrams),
    index("contacts_name_trgm_idx").using(
      "gin",
      sql`lower(${t.lastName} || ' ' || coalesce(${t.firstName}, '')) gin_trgm_ops`,
    ),
    index("contacts_search_idx").using("gin", t.searchVector),
  ],
);

export const savedViews = pgTable(
  "saved_views",
  {
    ...businessColumns(),
    userId: uuid("user_id").notNull(),
    entity: text("entity").notNull(),
    name: text("name").notNull(),
    query: text("query").notNull(),
    columns: text("columns").array().notNull().default(sql`'{}'::text[]`),
  },
  (t) => [index("saved_views_user_idx").on(t.workspaceId, t.userId, t.entity)],
);

/**
 * Columns a query reads: everything but the search vector and the digit windows, which only
 * the database's indexes need (they would add a kilobyte per row to every list page).
 */
export const companyColumns = (() => {
  const { searchVector: _vector, digitGrams: _grams, ...rest } = getTableColumns(companies);
  return rest;
})();
export const contactColumns = (() => {
  const { searchVector: _vector, digitGrams: _grams, ...rest } = getTableColumns(contacts);
  return rest;
})();
