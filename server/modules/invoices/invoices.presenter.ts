import type { Invoice, Payment } from "../../../contracts/invoices";
import { amountInWords } from "../../../core/amount-in-words";
import { formatMoney, parseMoney } from "../../../core/money";
import type { InvoiceListRow, PaymentRow } from "./invoices.repo";

export function presentInvoice(r: InvoiceListRow): Invoice {
  return {
    id: r.id,
    number: r.number,
    organisationId: r.organisationId,
    proposalId: r.proposalId,
    proposalNumber: r.proposalNumber,
    companyId: r.companyId,
    companyName: r.companyName,
    dealId: r.dealId,
    ownerId: r.ownerId,
    issueDate: r.issueDate,
    dueDate: r.dueDate,
    basis: r.basis,
    currency: r.currency,
    net: formatMoney(parseMoney(r.net)),
    vat: formatMoney(parseMoney(r.vat)),
    gross: formatMoney(parseMoney(r.gross)),
    paid: formatMoney(parseMoney(r.paid)),
    due: formatMoney(parseMoney(r.gross) - parseMoney(r.paid)),
    paidAt: r.paidAt,
    status: r.status,
    amountInWords: amountInWords(parseMoney(r.gross)),
    version: r.version,
    createdAt: r.createdAt,
  };
}

export function presentPayment(p: PaymentRow): Payment {
  return {
    id: p.id,
    invoiceId: p.invoiceId,
    companyId: p.companyId,
    paidOn: p.paidOn,
    amount: formatMoney(parseMoney(p.amount)),
    note: p.note,
    createdAt: p.createdAt,
    createdBy: p.createdBy,
  };
}
