import type { Party, SalesDocument } from "../../../contracts/documents";
import { okeiShort } from "../../../core/okei";
import type { Actor } from "../../platform/actor";
import type { Db } from "../../platform/db/client";
import { AppError } from "../../platform/errors";
import { presentLine } from "./proposals.presenter";
import { findCompanyRow, findContactRow, linesOf, organisationFor } from "./proposals.repo";
import { getProposal } from "./proposals.service";

/**
 * The printed form of a proposal revision: seller and buyer requisites, lines with ОКЕИ unit
 * names, the footer and the amount in words — all computed here, so the PDF and DOCX renderers
 * only lay it out.
 */
export async function proposalDocument(db: Db, actor: Actor, proposalId: string): Promise<SalesDocument> {
  const p = await getProposal(db, actor, proposalId);
  const [org, company, contact, lines] = await Promise.all([
    organisationFor(db, actor.workspaceId, p.organisationId),
    findCompanyRow(db, actor.workspaceId, p.companyId),
    p.contactId ? findContactRow(db, actor.workspaceId, p.contactId) : Promise.resolve(undefined),
    linesOf(db, [p.id]),
  ]);
  if (!org || !company) throw AppError.notFound();
  const buyer: Party = {
    name: company.name,
    fullName: company.fullName,
    inn: company.inn,
    kpp: company.kpp,
    ogrn: company.ogrn,
    address: company.address,
    phone: company.phones[0] ?? null,
    email: company.emails[0] ?? null,
    bankName: company.bankName,
    bik: company.bik,
    account: company.account,
    corrAccount: company.corrAccount,
  };
  return {
    kind: "proposal",
    number: p.number,
    revision: p.revision,
    issueDate: p.issueDate,
    validUntil: p.validUntil,
    dueDate: null,
    seller: {
      name: org.name,
      fullName: org.fullName,
      inn: org.inn,
      kpp: org.kpp,
      ogrn: org.ogrn,
      address: org.address,
      phone: org.phone,
      email: org.email,
      bankName: org.bankName,
      bik: org.bik,
      account: org.account,
      corrAccount: org.corrAccount,
      director: org.director,
      directorTitle: org.directorTitle,
      accountant: org.accountant,
      logo: org.logo,
      vatPayer: org.vatPayer,
    },
    buyer,
    contactName: contact
      ? [contact.lastName, contact.firstName, contact.middleName].filter(Boolean).join(" ")
      : null,
    basis: null,
    currency: p.currency,
    vatIncluded: p.vatIncluded,
    lines: lines.map((l) => {
      const shown = presentLine(l);
      return {
        position: shown.position,
        sku: shown.sku,
        name: shown.name,
        unitCode: shown.unitCode,
        unitName: okeiShort(shown.unitCode),
        quantity: shown.quantity,
        price: shown.price,
        discountPercent: shown.discountPercent,
        vatRate: shown.vatRate,
        net: shown.net,
        vat: shown.vat,
        gross: shown.gross,
      };
    }),
    totals: {
      net: p.totals.net,
      vat: p.totals.vat,
      gross: p.totals.gross,
      vatRate: p.totals.vatRate,
      vatByRate: p.totals.vatByRate,
    },
    amountInWords: p.amountInWords,
    paymentTerms: p.paymentTerms,
    deliveryTerms: p.deliveryTerms,
    signatory: p.signatory,
    notOffer: p.notOffer,
    notes: p.notes,
  };
}
