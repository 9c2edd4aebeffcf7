import type {
  Invoice,
  InvoiceCreate,
  InvoiceListQuery,
  Payment,
  PaymentCreate,
} from "../../../contracts/invoices";
import { formatMoney, parseMoney, tryParseMoney } from "../../../core/money";
import { moscowToday } from "../../../core/moscow-time";
import { uuidv7 } from "../../../core/uuid";
import { addDays } from "../../../core/working-days";
import { type Actor, isSystem } from "../../platform/actor";
import { recordChange } from "../../platform/audit";
import type { AppContext } from "../../platform/context";
import { type Db, withTx } from "../../platform/db/client";
import { nextDocumentNumber } from "../../platform/document-numbers";
import { AppError } from "../../platform/errors";
import { authorize, authorizeRow, visibleOwnerIds } from "../../platform/policy";
import { shortDateRu } from "../documents/document.format";
import { type DocumentFile, fileNameOf, PDF } from "../documents/documents.service";
import { renderPdf } from "../documents/pdf";
import { invoiceSalesDocument } from "../documents/proposal-document";

import { presentInvoice, presentPayment } from "./invoices.presenter";
import {
  companyOwner,
  type InvoiceListRow,
  insertInvoice,
  insertPayment,
  invoiceById,
  listInvoices as listInvoiceRows,
  livePayments,
  lockAcceptedProposal,
  setPaid,
  softDeletePayment,
} from "./invoices.repo";

const stampOf = (actor: Actor) => (isSystem(actor) ? null : actor.id);
/** When the proposal names no deferment, a «счёт на оплату» is due in five days. */
const DEFAULT_DUE_DAYS = 5;

/**
 * «Счёт на оплату» from an ACCEPTED proposal revision: its lines and totals, the next invoice
 * number of the selling organisation for the year, the company's owner as the owner.
 */
export async function createInvoice(
  ctx: AppContext,
  actor: Actor,
  proposalId: string,
  input: InvoiceCreate,
): Promise<Invoice> {
  authorize(actor, "invoices", "create");
  const id = await withTx(ctx.db, async (tx) => {
    const proposal = await lockAcceptedProposal(tx, actor.workspaceId, proposalId);
    if (!proposal) throw AppError.notFound();
    const company = await companyOwner(tx, actor.workspaceId, proposal.companyId);
    if (!company) throw AppError.notFound();
    authorizeRow(actor, "invoices", "create", company.ownerId);
    if (proposal.status !== "accepted")
      throw AppError.rule("proposal_not_accepted", { status: proposal.status });
    const issueDate = moscowToday();
    const dueDate = input.dueDate ?? addDays(issueDate, DEFAULT_DUE_DAYS);
    if (dueDate < issueDate)
      throw AppError.validation([{ path: "dueDate", message: `not before ${issueDate}` }]);
    const n = await nextDocumentNumber(tx, {
      workspaceId: actor.workspaceId,
      organisationId: proposal.organisationId,
      kind: "invoice",
      year: Number(issueDate.slice(0, 4)),
    });
    const row = await insertInvoice(tx, {
      id: uuidv7(),
      workspaceId: actor.workspaceId,
      createdBy: stampOf(actor),
      number: String(n),
      organisationId: proposal.organisationId,
      proposalId: proposal.id,
      companyId: proposal.companyId,
      dealId: proposal.dealId,
      ownerId: company.ownerId,
      issueDate,
      dueDate,
      basis:
        input.basis ?? `Коммерческое предложение № ${proposal.number} от ${shortDateRu(proposal.issueDate)}`,
      currency: proposal.currency,
      net: proposal.net,
      vat: proposal.vat,
      gross: proposal.gross,
    });
    await recordChange(tx, actor, {
      action: "create",
      entity: "invoice",
      entityId: row.id,
      after: {
        number: row.number,
        proposalId: row.proposalId,
        companyId: row.companyId,
        gross: row.gross,
        dueDate,
      },
    });
    return row.id;
  });
  return presentInvoice((await invoiceById(ctx.db, actor.workspaceId, id))!);
}

async function visibleInvoice(
  db: Db,
  actor: Actor,
  id: string,
  action: "read" | "update" | "delete",
  lock = false,
) {
  authorize(actor, "invoices", action);
  const row = await invoiceById(db, actor.workspaceId, id, lock);
  if (!row) throw AppError.notFound();
  authorizeRow(actor, "invoices", action, row.ownerId);
  return row;
}

export async function getInvoice(ctx: AppContext, actor: Actor, id: string): Promise<Invoice> {
  return presentInvoice(await visibleInvoice(ctx.db, actor, id, "read"));
}

export async function listInvoices(ctx: AppContext, actor: Actor, q: InvoiceListQuery) {
  const reach = authorize(actor, "invoices", "read");
  const result = await listInvoiceRows(
    ctx.db,
    {
      workspaceId: actor.workspaceId,
      owners: visibleOwnerIds(actor, reach),
      companyId: q.companyId,
      status: q.status,
    },
    q,
  );
  return { items: result.items.map(presentInvoice), nextCursor: result.nextCursor };
}

export async function invoicePdf(ctx: AppContext, actor: Actor, id: string): Promise<DocumentFile> {
  const row = await visibleInvoice(ctx.db, actor, id, "read");
  const doc = await invoiceSalesDocument(ctx.db, row);
  return { fileName: fileNameOf(doc, "pdf"), contentType: PDF, content: await renderPdf(doc) };
}

export async function listPayments(ctx: AppContext, actor: Actor, id: string): Promise<Payment[]> {
  await visibleInvoice(ctx.db, actor, id, "read");
  return (await livePayments(ctx.db, id)).map(presentPayment);
}

/** Paid, paid-at and status follow the live payments: paid when their sum reaches the gross. */
async function settle(tx: Db, actor: Actor, before: InvoiceListRow): Promise<InvoiceListRow> {
  const live = await livePayments(tx, before.id);
  const paid = live.reduce((sum, p) => sum + parseMoney(p.amount), 0);
  const gross = parseMoney(before.gross);
  const status =
    before.status === "cancelled"
      ? "cancelled"
      : paid >= gross
        ? "paid"
        : paid > 0
          ? "partially_paid"
          : "issued";
  const paidAt =
    status === "paid"
      ? live
          .map((p) => p.paidOn)
          .sort()
          .at(-1)!
      : null;
  const after = await setPaid(tx, before.id, { paid: formatMoney(paid), paidAt, status });
  await recordChange(tx, actor, {
    action: "update",
    entity: "invoice",
    entityId: before.id,
    before: { paid: formatMoney(parseMoney(before.paid)), paidAt: before.paidAt, status: before.status },
    after: { paid: formatMoney(paid), paidAt, status },
  });
  return { ...before, ...after };
}

export async function addPayment(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: PaymentCreate,
): Promise<{ invoice: Invoice; payment: Payment }> {
  authorize(actor, "invoices", "update");
  const amount = tryParseMoney(input.amount);
  return withTx(ctx.db, async (tx) => {
    const invoice = await visibleInvoice(tx, actor, id, "update", true);
    if (invoice.status === "cancelled") throw AppError.rule("invoice_cancelled");
    if (amount === null || amount <= 0)
      throw AppError.rule("payment_amount_positive", {}, [{ path: "amount", message: "> 0" }]);
    const due = parseMoney(invoice.gross) - parseMoney(invoice.paid);
    if (amount > due)
      throw AppError.rule("payment_exceeds_due", { due: formatMoney(due) }, [
        { path: "amount", message: `≤ ${formatMoney(due)}` },
      ]);
    const payment = await insertPayment(tx, {
      id: uuidv7(),
      workspaceId: actor.workspaceId,
      invoiceId: id,
      companyId: invoice.companyId,
      paidOn: input.paidOn,
      amount: formatMoney(amount),
      note: input.note ?? null,
      createdBy: stampOf(actor),
    });
    await recordChange(tx, actor, {
      action: "create",
      entity: "payment",
      entityId: payment.id,
      after: { invoiceId: id, paidOn: payment.paidOn, amount: payment.amount },
    });
    return { invoice: presentInvoice(await settle(tx, actor, invoice)), payment: presentPayment(payment) };
  });
}

/** A wrong payment is deleted softly (the history keeps it) and the invoice settles again. */
export async function deletePayment(
  ctx: AppContext,
  actor: Actor,
  id: string,
  paymentId: string,
): Promise<{ invoice: Invoice; payment: Payment }> {
  authorize(actor, "invoices", "delete");
  return withTx(ctx.db, async (tx) => {
    const invoice = await visibleInvoice(tx, actor, id, "delete", true);
    const payment = await softDeletePayment(tx, id, paymentId);
    if (!payment) throw AppError.notFound();
    await recordChange(tx, actor, {
      action: "delete",
      entity: "payment",
      entityId: paymentId,
      changes: { deletedAt: { from: null, to: payment.deletedAt } },
    });
    return { invoice: presentInvoice(await settle(tx, actor, invoice)), payment: presentPayment(payment) };
  });
}
