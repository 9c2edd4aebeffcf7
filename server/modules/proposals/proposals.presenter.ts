import type { Proposal, ProposalLine, ProposalSummary, ProposalTotals } from "../../../contracts/proposals";
import { formatMoney, parseMoney } from "../../../core/money";
import { okeiShort } from "../../../core/okei";
import { type ProposalTotals as CoreTotals, proposalTotals } from "../../../core/proposal-totals";
import type { VatRate } from "../../../core/vat";
import type { ApprovalRow } from "../approvals/approvals.repo";
import type { PricedLine } from "./pricing";
import type { LineRow, ProposalRow } from "./proposals.repo";

const plain = (v: string) => (v.includes(".") ? v.replace(/0+$/, "").replace(/\.$/, "") : v);

export function presentLine(l: LineRow | (PricedLine & { productId: string | null })): ProposalLine {
  return {
    position: l.position,
    productId: l.productId,
    sku: l.sku,
    name: l.name,
    unitCode: l.unitCode,
    unitName: okeiShort(l.unitCode),
    quantity: plain(l.quantity),
    price: formatMoney(parseMoney(l.listPrice)),
    ruleDiscountPercent: l.ruleDiscountPercent,
    manualDiscountPercent: l.manualDiscountPercent,
    discountPercent: l.discountPercent,
    discountSources: l.discountSources ?? [],
    vatRate: l.vatRate,
    net: formatMoney(parseMoney(l.net)),
    vat: formatMoney(parseMoney(l.vat)),
    gross: formatMoney(parseMoney(l.gross)),
  };
}

/** The footer of stored lines: recomputed by the same pure function that priced them. */
export function totalsOfLines(
  lines: readonly { quantity: string; listPrice: string; discountPercent: string; vatRate: string }[],
  vatIncluded: boolean,
): CoreTotals {
  return proposalTotals(
    lines.map((l) => ({
      quantity: plain(l.quantity),
      listPriceKopecks: parseMoney(l.listPrice),
      discountPercent: l.discountPercent,
      vatRate: l.vatRate as VatRate,
    })),
    { vatIncluded },
  );
}

export function presentTotals(t: CoreTotals): ProposalTotals {
  return {
    net: formatMoney(t.net),
    vat: formatMoney(t.vat),
    gross: formatMoney(t.gross),
    discount: formatMoney(t.discount),
    vatRate: t.vatRate,
    vatByRate: t.vatByRate.map((r) => ({ rate: r.rate, vat: formatMoney(r.vat) })),
    footer: t.footer.map((f) => ({
      label: f.label,
      amount: f.amount === null ? null : formatMoney(f.amount),
    })),
    summary: t.summary,
  };
}

export function presentProposal(
  row: ProposalRow,
  lines: readonly LineRow[],
  extra: { companyName: string | null; approval: ApprovalRow | null; approverName: string | null },
): Proposal {
  const totals = totalsOfLines(lines, row.vatIncluded);
  const a = extra.approval;
  return {
    id: row.id,
    groupId: row.groupId,
    number: row.number,
    revision: row.revision,
    isCurrent: row.isCurrent,
    organisationId: row.organisationId,
    companyId: row.companyId,
    companyName: extra.companyName,
    contactId: row.contactId,
    dealId: row.dealId,
    ownerId: row.ownerId,
    status: row.status,
    priceListId: row.priceListId,
    vatIncluded: row.vatIncluded,
    currency: row.currency,
    lines: lines.map(presentLine),
    totals: presentTotals(totals),
    amountInWords: totals.amountInWords,
    maxDiscountPercent: row.maxDiscountPercent,
    issueDate: row.issueDate,
    validUntil: row.validUntil,
    paymentTerms: row.paymentTerms,
    deliveryTerms: row.deliveryTerms,
    signatory: row.signatory,
    notOffer: row.notOffer,
    notes: row.notes,
    sentAt: row.sentAt,
    decidedAt: row.decidedAt,
    approval: a
      ? {
          id: a.id,
          status: a.status,
          approverId: a.approverId,
          approverName: extra.approverName,
          comment: a.comment,
          decidedAt: a.decidedAt,
        }
      : null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
  };
}

export function presentSummary(row: ProposalRow, companyName: string | null): ProposalSummary {
  return {
    id: row.id,
    groupId: row.groupId,
    number: row.number,
    revision: row.revision,
    isCurrent: row.isCurrent,
    companyId: row.companyId,
    companyName,
    dealId: row.dealId,
    ownerId: row.ownerId,
    status: row.status,
    issueDate: row.issueDate,
    validUntil: row.validUntil,
    currency: row.currency,
    createdAt: row.createdAt,
    version: row.version,
    totals: {
      net: formatMoney(parseMoney(row.net)),
      vat: formatMoney(parseMoney(row.vat)),
      gross: formatMoney(parseMoney(row.gross)),
    },
  };
}
