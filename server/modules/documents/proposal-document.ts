/**
 * The printed model of a proposal or an invoice, read from the shared tables: the one mapper
 * from rows to a SalesDocument (proposals' `proposalDocument` authorises and calls it).
 */
import { and, asc, eq, isNull } from "drizzle-orm";
import type { SalesDocument } from "../../../contracts/documents";
import { amountInWords } from "../../../core/amount-in-words";
import { formatMoney, parseMoney } from "../../../core/money";
import { okeiShort } from "../../../core/okei";
import { companies, contacts, type invoices, organisations, proposalLines, proposals } from "../../db/schema";
import type { Db } from "../../platform/db/client";
import { AppError } from "../../platform/errors";

export const unitName = okeiShort;

export type ProposalRow = typeof proposals.$inferSelect;
type Line = typeof proposalLines.$inferSelect;
type Org = typeof organisations.$inferSelect;
type Company = typeof companies.$inferSelect;

/** Totals per VAT rate, summed in kopecks from the stored line amounts. */
function vatByRate(lines: Line[]): SalesDocument["totals"]["vatByRate"] {
  const sums = new Map<string, number>();
  for (const l of lines) sums.set(l.vatRate, (sums.get(l.vatRate) ?? 0) + parseMoney(l.vat));
  const order = ["22", "10", "7", "5", "0", "none"];
  return [...sums.entries()]
    .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
    .map(([rate, vat]) => ({ rate, vat: formatMoney(vat) }));
}

const trimQty = (q: string) => q.replace(/(\.\d*?)0+$/, "$1").replace(/\.$/, "");
const trimPct = (q: string) => trimQty(q);

function sellerOf(o: Org): SalesDocument["seller"] {
  return {
    name: o.name,
    fullName: o.fullName,
    inn: o.inn,
    kpp: o.kpp,
    ogrn: o.ogrn,
    address: o.address,
    phone: o.phone,
    email: o.email,
    bankName: o.bankName,
    bik: o.bik,
    account: o.account,
    corrAccount: o.corrAccount,
    director: o.director,
    directorTitle: o.directorTitle,
    accountant: o.accountant,
    logo: o.logo,
    vatPayer: o.vatPayer,
  };
}

function buyerOf(c: Company): SalesDocument["buyer"] {
  return {
    name: c.name,
    fullName: c.fullName,
    inn: c.inn,
    kpp: c.kpp,
    ogrn: c.ogrn,
    address: c.address,
    phone: c.phones[0] ?? null,
    email: c.emails[0] ?? null,
    bankName: c.bankName,
    bik: c.bik,
    account: c.account,
    corrAccount: c.corrAccount,
  };
}

type Loaded = {
  proposal: ProposalRow;
  lines: Line[];
  org: Org;
  company: Company;
  contactName: string | null;
};

/** Everything a proposal revision prints, in four indexed reads. */
export async function loadProposalParts(db: Db, workspaceId: string, proposalId: string): Promise<Loaded> {
  const [proposal] = await db
    .select()
    .from(proposals)
    .where(
      and(eq(proposals.id, proposalId), eq(proposals.workspaceId, workspaceId), isNull(proposals.deletedAt)),
    );
  if (!proposal) throw AppError.notFound();
  const [lines, [org], [company], [contact]] = await Promise.all([
    db
      .select()
      .from(proposalLines)
      .where(eq(proposalLines.proposalId, proposal.id))
      .orderBy(asc(proposalLines.position)),
    db
      .select()
      .from(organisations)
      .where(and(eq(organisations.id, proposal.organisationId), eq(organisations.workspaceId, workspaceId))),
    db
      .select()
      .from(companies)
      .where(and(eq(companies.id, proposal.companyId), eq(companies.workspaceId, workspaceId))),
    proposal.contactId
      ? db
          .select({
            lastName: contacts.lastName,
            firstName: contacts.firstName,
            middleName: contacts.middleName,
          })
          .from(contacts)
          .where(eq(contacts.id, proposal.contactId))
      : Promise.resolve([]),
  ]);
  if (!company) throw AppError.notFound();
  if (!org) throw AppError.rule("proposal_no_organisation");
  const contactName = contact
    ? [contact.lastName, contact.firstName, contact.middleName].filter(Boolean).join(" ")
    : null;
  return { proposal, lines, org, company, contactName };
}

function documentOf(parts: Loaded, kind: SalesDocument["kind"]): SalesDocument {
  const { proposal: p, lines, org } = parts;
  const rates = new Set(lines.map((l) => l.vatRate));
  return {
    kind,
    number: p.number,
    revision: p.revision,
    issueDate: p.issueDate,
    validUntil: p.validUntil,
    dueDate: null,
    seller: sellerOf(org),
    buyer: buyerOf(parts.company),
    contactName: parts.contactName,
    basis: null,
    currency: p.currency,
    vatIncluded: p.vatIncluded,
    lines: lines.map((l) => ({
      position: l.position,
      sku: l.sku,
      name: l.name,
      unitCode: l.unitCode,
      unitName: unitName(l.unitCode),
      quantity: trimQty(l.quantity),
      price: l.price,
      discountPercent: trimPct(l.discountPercent),
      vatRate: l.vatRate,
      net: l.net,
      vat: l.vat,
      gross: l.gross,
    })),
    totals: {
      net: p.net,
      vat: p.vat,
      gross: p.gross,
      vatRate: rates.size === 1 ? [...rates][0]! : null,
      vatByRate: vatByRate(lines),
    },
    amountInWords: amountInWords(parseMoney(p.gross)),
    paymentTerms: p.paymentTerms,
    deliveryTerms: p.deliveryTerms,
    signatory: p.signatory,
    notOffer: p.notOffer,
    notes: p.notes,
  };
}

/** The proposal revision as a SalesDocument, with the rows it was read from. */
export async function proposalSalesDocument(
  db: Db,
  workspaceId: string,
  proposalId: string,
): Promise<{ doc: SalesDocument; parts: Loaded }> {
  const parts = await loadProposalParts(db, workspaceId, proposalId);
  return { doc: documentOf(parts, "proposal"), parts };
}

type InvoiceRow = typeof invoices.$inferSelect;

/** An invoice prints the lines of the proposal revision it was made from, with its own totals. */
export async function invoiceSalesDocument(db: Db, invoice: InvoiceRow): Promise<SalesDocument> {
  if (!invoice.proposalId) throw AppError.notFound();
  const parts = await loadProposalParts(db, invoice.workspaceId, invoice.proposalId);
  const doc = documentOf(parts, "invoice");
  return {
    ...doc,
    number: invoice.number,
    revision: null,
    issueDate: invoice.issueDate,
    validUntil: null,
    dueDate: invoice.dueDate,
    basis: invoice.basis,
    totals: { ...doc.totals, net: invoice.net, vat: invoice.vat, gross: invoice.gross },
    amountInWords: amountInWords(parseMoney(invoice.gross)),
    notOffer: false,
    notes: null,
  };
}
