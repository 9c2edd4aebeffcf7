import { sql } from "drizzle-orm";
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { vatRates } from "./catalogue";
import { businessColumns, ts } from "./columns";

export const proposalStatuses = [
  "draft",
  "pending_approval",
  "approved",
  "rejected_by_head",
  "sent",
  "accepted",
  "rejected",
  "expired",
] as const;

/** Per organisation, kind and year: КП-2026-000123 and счета are numbered without gaps. */
export const documentSequences = pgTable(
  "document_sequences",
  {
    workspaceId: uuid("workspace_id").notNull(),
    organisationId: uuid("organisation_id").notNull(),
    kind: text("kind", { enum: ["proposal", "invoice"] }).notNull(),
    year: integer("year").notNull(),
    last: integer("last").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.organisationId, t.kind, t.year] })],
);

/**
 * A commercial proposal. Each revision is a row of its own sharing `number` and `group_id`
 * (the first revision's id): a sent revision is frozen, editing it creates the next one.
 */
export const proposals = pgTable(
  "proposals",
  {
    ...businessColumns(),
    groupId: uuid("group_id").notNull(),
    revision: integer("revision").notNull().default(1),
    isCurrent: boolean("is_current").notNull().default(true),
    number: text("number").notNull(),
    organisationId: uuid("organisation_id").notNull(),
    companyId: uuid("company_id").notNull(),
    contactId: uuid("contact_id"),
    dealId: uuid("deal_id"),
    ownerId: uuid("owner_id").notNull(),
    status: text("status", { enum: proposalStatuses }).notNull().default("draft"),
    priceListId: uuid("price_list_id"),
    vatIncluded: boolean("vat_included").notNull().default(true),
    currency: text("currency").notNull().default("RUB"),
    net: numeric("net", { precision: 18, scale: 2 }).notNull().default("0"),
    vat: numeric("vat", { precision: 18, scale: 2 }).notNull().default("0"),
    gross: numeric("gross", { precision: 18, scale: 2 }).notNull().default("0"),
    maxDiscountPercent: numeric("max_discount_percent", { precision: 5, scale: 2 }).notNull().default("0"),
    issueDate: date("issue_date").notNull(),
    validUntil: date("valid_until"),
    paymentTerms: text("payment_terms"),
    deliveryTerms: text("delivery_terms"),
    signatory: text("signatory"),
    notOffer: boolean("not_offer").notNull().default(true),
    notes: text("notes"),
    sentAt: ts("sent_at"),
    decidedAt: ts("decided_at"),
    deletedAt: ts("deleted_at"),
  },
  (t) => [
    uniqueIndex("proposals_revision_uq").on(t.groupId, t.revision),
    index("proposals_owner_idx")
      .on(t.workspaceId, t.ownerId, t.createdAt, t.id)
      .where(sql`${t.isCurrent} and ${t.deletedAt} is null`),
    index("proposals_company_idx").on(t.workspaceId, t.companyId, t.createdAt).where(sql`${t.isCurrent}`),
    index("proposals_deal_idx").on(t.workspaceId, t.dealId).where(sql`${t.isCurrent}`),
    index("proposals_status_valid_idx").on(t.status, t.validUntil).where(sql`${t.isCurrent}`),
    index("proposals_number_idx").on(t.workspaceId, t.number),
  ],
);

/** A line of a proposal revision; amounts are computed by core/ and stored as the document shows them. */
export const proposalLines = pgTable(
  "proposal_lines",
  {
    id: uuid("id").primaryKey(),
    workspaceId: uuid("workspace_id").notNull(),
    proposalId: uuid("proposal_id").notNull(),
    position: integer("position").notNull(),
    productId: uuid("product_id"),
    sku: text("sku"),
    name: text("name").notNull(),
    unitCode: text("unit_code").notNull(),
    quantity: numeric("quantity", { precision: 18, scale: 3 }).notNull(),
    listPrice: numeric("list_price", { precision: 18, scale: 2 }).notNull(),
    ruleDiscountPercent: numeric("rule_discount_percent", { precision: 5, scale: 2 }).notNull().default("0"),
    manualDiscountPercent: numeric("manual_discount_percent", { precision: 5, scale: 2 })
      .notNull()
      .default("0"),
    discountPercent: numeric("discount_percent", { precision: 5, scale: 2 }).notNull().default("0"),
    /** Which rules gave the discount: [{ruleId, name, percent}]. */
    discountSources: jsonb("discount_sources").$type<{ ruleId: string; name: string; percent: string }[]>(),
    price: numeric("price", { precision: 18, scale: 2 }).notNull(),
    vatRate: text("vat_rate", { enum: vatRates }).notNull(),
    net: numeric("net", { precision: 18, scale: 2 }).notNull(),
    vat: numeric("vat", { precision: 18, scale: 2 }).notNull(),
    gross: numeric("gross", { precision: 18, scale: 2 }).notNull(),
  },
  (t) => [index("proposal_lines_proposal_idx").on(t.proposalId, t.position)],
);

/** A request for a head's decision (clause 3.4); reused by reliability for credit and D-grade deals. */
export const approvals = pgTable(
  "approvals",
  {
    ...businessColumns(),
    entity: text("entity").notNull(),
    entityId: uuid("entity_id").notNull(),
    kind: text("kind").notNull(),
    requestedBy: uuid("requested_by").notNull(),
    approverId: uuid("approver_id").notNull(),
    status: text("status", { enum: ["pending", "approved", "rejected", "withdrawn"] })
      .notNull()
      .default("pending"),
    reasons: jsonb("reasons").$type<{ code: string; params?: Record<string, unknown> }[]>(),
    comment: text("comment"),
    decidedAt: ts("decided_at"),
  },
  (t) => [
    index("approvals_approver_idx").on(t.workspaceId, t.approverId, t.status, t.createdAt),
    index("approvals_entity_idx").on(t.entity, t.entityId),
  ],
);

/** «Счёт на оплату» made from an accepted proposal revision (its lines are the invoice's lines). */
export const invoices = pgTable(
  "invoices",
  {
    ...businessColumns(),
    number: text("number").notNull(),
    organisationId: uuid("organisation_id").notNull(),
    proposalId: uuid("proposal_id"),
    companyId: uuid("company_id").notNull(),
    dealId: uuid("deal_id"),
    ownerId: uuid("owner_id").notNull(),
    issueDate: date("issue_date").notNull(),
    dueDate: date("due_date").notNull(),
    basis: text("basis"),
    currency: text("currency").notNull().default("RUB"),
    net: numeric("net", { precision: 18, scale: 2 }).notNull(),
    vat: numeric("vat", { precision: 18, scale: 2 }).notNull(),
    gross: numeric("gross", { precision: 18, scale: 2 }).notNull(),
    paid: numeric("paid", { precision: 18, scale: 2 }).notNull().default("0"),
    paidAt: date("paid_at"),
    status: text("status", { enum: ["issued", "partially_paid", "paid", "cancelled"] })
      .notNull()
      .default("issued"),
    deletedAt: ts("deleted_at"),
  },
  (t) => [
    index("invoices_company_idx").on(t.workspaceId, t.companyId, t.dueDate),
    index("invoices_owner_idx").on(t.workspaceId, t.ownerId, t.createdAt, t.id),
  ],
);

/** A payment against an invoice; payment discipline (reliability) is computed from these. */
export const payments = pgTable(
  "payments",
  {
    id: uuid("id").primaryKey(),
    workspaceId: uuid("workspace_id").notNull(),
    invoiceId: uuid("invoice_id").notNull(),
    companyId: uuid("company_id").notNull(),
    paidOn: date("paid_on").notNull(),
    amount: numeric("amount", { precision: 18, scale: 2 }).notNull(),
    note: text("note"),
    createdAt: ts("created_at").notNull().default(sql`now()`),
    createdBy: uuid("created_by"),
    deletedAt: ts("deleted_at"),
  },
  (t) => [
    index("payments_invoice_idx").on(t.invoiceId),
    index("payments_company_idx").on(t.workspaceId, t.companyId, t.paidOn),
  ],
);
