import { sql } from "drizzle-orm";
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { businessColumns, ts } from "./columns";

/**
 * The last answer of the company registry per company (a cache; the raw answer is kept so new
 * fields can be read later without asking again). `error` is the state of the last attempt
 * (bad_token, rate_limited, unavailable, no_inn); the data of the last success stays beside it,
 * so the card can say "registry unavailable, last checked …" and still show what it knew.
 */
export const registryRecords = pgTable(
  "registry_records",
  {
    ...businessColumns(),
    companyId: uuid("company_id").notNull(),
    inn: text("inn"),
    kpp: text("kpp"),
    found: boolean("found"),
    status: text("status"),
    registeredAt: date("registered_at"),
    liquidatedAt: date("liquidated_at"),
    ogrn: text("ogrn"),
    name: text("name"),
    entityType: text("entity_type"),
    management: jsonb("management").$type<{ name: string; post: string | null } | null>(),
    founders: jsonb("founders").$type<{ name: string; share: string | null }[] | null>(),
    okved: text("okved"),
    okvedName: text("okved_name"),
    sizeCategory: text("size_category"),
    employeeCount: integer("employee_count"),
    taxSystem: text("tax_system"),
    massAddress: boolean("mass_address"),
    massDirector: boolean("mass_director"),
    branchCount: integer("branch_count"),
    address: text("address"),
    raw: jsonb("raw"),
    checkedAt: ts("checked_at"),
    succeededAt: ts("succeeded_at"),
    error: text("error"),
  },
  (t) => [
    uniqueIndex("registry_records_company_uq").on(t.workspaceId, t.companyId),
    // The weekly re-check walks the oldest checks first.
    index("registry_records_checked_idx").on(t.workspaceId, t.checkedAt),
  ],
);

/** One year of a company's statements: line code → thousands of roubles (decimal string). */
export const financialStatements = pgTable(
  "financial_statements",
  {
    ...businessColumns(),
    companyId: uuid("company_id").notNull(),
    year: integer("year").notNull(),
    lines: jsonb("lines").$type<Record<string, string>>().notNull(),
    deletedAt: ts("deleted_at"),
  },
  (t) => [uniqueIndex("financial_statements_company_year_uq").on(t.workspaceId, t.companyId, t.year)],
);

/** Payment history imported for clients whose invoices were kept outside Accord. */
export const paymentHistory = pgTable(
  "payment_history",
  {
    ...businessColumns(),
    companyId: uuid("company_id").notNull(),
    reference: text("reference"),
    issueDate: date("issue_date").notNull(),
    dueDate: date("due_date").notNull(),
    amount: numeric("amount", { precision: 18, scale: 2 }).notNull(),
    paidOn: date("paid_on"),
    deletedAt: ts("deleted_at"),
  },
  (t) => [index("payment_history_company_idx").on(t.workspaceId, t.companyId, t.dueDate)],
);

/**
 * The computed grade per company (so lists show it without recomputing) and a head's override.
 * Recomputed whenever its inputs change through this module and when the card is opened.
 */
export const companyReliability = pgTable(
  "company_reliability",
  {
    ...businessColumns(),
    companyId: uuid("company_id").notNull(),
    score: numeric("score", { precision: 5, scale: 1 }),
    grade: text("grade", { enum: ["A", "B", "C", "D"] }),
    creditLimit: numeric("credit_limit", { precision: 18, scale: 2 }),
    computedAt: ts("computed_at").notNull().default(sql`now()`),
    overrideGrade: text("override_grade", { enum: ["A", "B", "C", "D"] }),
    overrideReason: text("override_reason"),
    overrideBy: uuid("override_by"),
    overrideAt: ts("override_at"),
  },
  (t) => [uniqueIndex("company_reliability_company_uq").on(t.workspaceId, t.companyId)],
);
