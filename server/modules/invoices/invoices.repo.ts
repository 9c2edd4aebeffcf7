import { and, desc, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import { companies, invoices, payments, proposals } from "../../db/schema";
import type { Db } from "../../platform/db/client";
import { afterCursor, encodeCursor, orderBy, page } from "../../platform/pagination";

export type InvoiceRow = typeof invoices.$inferSelect;
export type PaymentRow = typeof payments.$inferSelect;
export type InvoiceListRow = InvoiceRow & { companyName: string; proposalNumber: string | null };

export async function lockAcceptedProposal(tx: Db, workspaceId: string, id: string) {
  const [row] = await tx
    .select()
    .from(proposals)
    .where(and(eq(proposals.id, id), eq(proposals.workspaceId, workspaceId), isNull(proposals.deletedAt)))
    .for("update");
  return row;
}

export async function companyOwner(db: Db, workspaceId: string, companyId: string) {
  const [row] = await db
    .select({ id: companies.id, ownerId: companies.ownerId, name: companies.name })
    .from(companies)
    .where(
      and(eq(companies.id, companyId), eq(companies.workspaceId, workspaceId), isNull(companies.deletedAt)),
    );
  return row;
}

export async function insertInvoice(tx: Db, row: typeof invoices.$inferInsert): Promise<InvoiceRow> {
  const [created] = await tx.insert(invoices).values(row).returning();
  return created!;
}

const listColumns = { invoice: invoices, companyName: companies.name, proposalNumber: proposals.number };

function withNames(r: {
  invoice: InvoiceRow;
  companyName: string;
  proposalNumber: string | null;
}): InvoiceListRow {
  return { ...r.invoice, companyName: r.companyName, proposalNumber: r.proposalNumber };
}

export async function invoiceById(db: Db, workspaceId: string, id: string, lock = false) {
  const q = db
    .select(listColumns)
    .from(invoices)
    .innerJoin(companies, eq(companies.id, invoices.companyId))
    .leftJoin(proposals, eq(proposals.id, invoices.proposalId))
    .where(and(eq(invoices.id, id), eq(invoices.workspaceId, workspaceId), isNull(invoices.deletedAt)));
  const [row] = lock ? await q.for("update", { of: invoices }) : await q;
  return row ? withNames(row) : undefined;
}

/** Newest first by creation; the owner filter rides invoices_owner_idx (owner = the company's). */
export async function listInvoices(
  db: Db,
  f: {
    workspaceId: string;
    owners: readonly string[] | null;
    companyId?: string;
    status?: InvoiceRow["status"];
  },
  q: { limit: number; cursor?: string },
) {
  const where: (SQL | undefined)[] = [eq(invoices.workspaceId, f.workspaceId), isNull(invoices.deletedAt)];
  if (f.owners) where.push(inArray(invoices.ownerId, [...f.owners]));
  if (f.companyId) where.push(eq(invoices.companyId, f.companyId));
  if (f.status) where.push(eq(invoices.status, f.status));
  where.push(afterCursor(invoices.createdAt, invoices.id, true, q.cursor));
  const rows = await db
    .select(listColumns)
    .from(invoices)
    .innerJoin(companies, eq(companies.id, invoices.companyId))
    .leftJoin(proposals, eq(proposals.id, invoices.proposalId))
    .where(and(...where))
    .orderBy(...orderBy(invoices.createdAt, invoices.id, true))
    .limit(q.limit + 1);
  return page(rows.map(withNames), q.limit, (r) => encodeCursor(r.createdAt, r.id));
}

export async function livePayments(db: Db, invoiceId: string): Promise<PaymentRow[]> {
  return db
    .select()
    .from(payments)
    .where(and(eq(payments.invoiceId, invoiceId), isNull(payments.deletedAt)))
    .orderBy(desc(payments.paidOn), desc(payments.id));
}

export async function insertPayment(tx: Db, row: typeof payments.$inferInsert): Promise<PaymentRow> {
  const [created] = await tx.insert(payments).values(row).returning();
  return created!;
}

export async function softDeletePayment(
  tx: Db,
  invoiceId: string,
  id: string,
): Promise<PaymentRow | undefined> {
  const [row] = await tx
    .update(payments)
    .set({ deletedAt: sql`now()` })
    .where(and(eq(payments.id, id), eq(payments.invoiceId, invoiceId), isNull(payments.deletedAt)))
    .returning();
  return row;
}

export async function setPaid(
  tx: Db,
  id: string,
  v: { paid: string; paidAt: string | null; status: InvoiceRow["status"] },
): Promise<InvoiceRow> {
  const [row] = await tx
    .update(invoices)
    .set({ ...v, updatedAt: sql`now()`, version: sql`${invoices.version} + 1` })
    .where(eq(invoices.id, id))
    .returning();
  return row!;
}

/** For company merge/transfer/delete/restore (invoices.links.ts). */
export async function invoicesOfCompanies(db: Db, workspaceId: string, companyIds: readonly string[]) {
  if (!companyIds.length) return [];
  return db
    .select({
      id: invoices.id,
      companyId: invoices.companyId,
      ownerId: invoices.ownerId,
      deletedAt: invoices.deletedAt,
    })
    .from(invoices)
    .where(and(eq(invoices.workspaceId, workspaceId), inArray(invoices.companyId, [...companyIds])));
}
