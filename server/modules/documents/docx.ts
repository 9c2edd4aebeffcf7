import { readFileSync } from "node:fs";
import Docxtemplater from "docxtemplater";
import InspectModule from "docxtemplater/js/inspect-module.js";
import PizZip from "pizzip";
import type { SalesDocument } from "../../../contracts/documents";
import {
  countLine,
  lineSum,
  moneyRu,
  NOT_OFFER_NOTE,
  partyLine,
  percentRu,
  quantityRu,
  shortDateRu,
  titleOf,
  totalRows,
} from "./document.format";

let defaultTemplate: Buffer | null = null;

/** The template that ships with Accord (read once; beside the server bundle in dist/). */
export function defaultDocxTemplate(): Buffer {
  defaultTemplate ??= readFileSync(new URL("./templates/proposal.docx", import.meta.url));
  return defaultTemplate;
}

/** What a template can print: flat names, documented in docs/templates.md. */
export function docxData(doc: SalesDocument) {
  const s = doc.seller;
  return {
    kind: doc.kind,
    isInvoice: doc.kind === "invoice",
    isProposal: doc.kind === "proposal",
    title: titleOf(doc),
    number: doc.number,
    revision: doc.revision ?? "",
    issueDate: shortDateRu(doc.issueDate),
    validUntil: doc.validUntil ? shortDateRu(doc.validUntil) : "",
    dueDate: doc.dueDate ? shortDateRu(doc.dueDate) : "",
    sellerName: s.fullName || s.name,
    sellerShortName: s.name,
    sellerInn: s.inn ?? "",
    sellerKpp: s.kpp ?? "",
    sellerOgrn: s.ogrn ?? "",
    sellerAddress: s.address ?? "",
    sellerContacts: [s.phone ? `тел. ${s.phone}` : null, s.email].filter(Boolean).join(", "),
    sellerBank: s.bankName ?? "",
    sellerBik: s.bik ?? "",
    sellerAccount: s.account ?? "",
    sellerCorrAccount: s.corrAccount ?? "",
    director: s.director ?? "",
    directorTitle: s.directorTitle || "Руководитель",
    accountant: s.accountant ?? "",
    signatory: doc.signatory ?? s.director ?? "",
    buyerName: doc.buyer.fullName || doc.buyer.name,
    buyerInn: doc.buyer.inn ?? "",
    buyerKpp: doc.buyer.kpp ?? "",
    buyerAddress: doc.buyer.address ?? "",
    buyerLine: partyLine(doc.buyer),
    contactName: doc.contactName ?? "",
    basis: doc.basis ?? "",
    lines: doc.lines.map((l) => ({
      position: l.position,
      sku: l.sku ?? "",
      name: l.sku ? `${l.name} (${l.sku})` : l.name,
      quantity: quantityRu(l.quantity),
      unit: l.unitName,
      unitCode: l.unitCode,
      price: moneyRu(l.price),
      discount: /^0(\.0+)?$/.test(l.discountPercent) ? "—" : percentRu(l.discountPercent),
      vatRate: l.vatRate === "none" ? "Без НДС" : `${l.vatRate}%`,
      net: moneyRu(l.net),
      vat: moneyRu(l.vat),
      gross: moneyRu(l.gross),
      sum: moneyRu(lineSum(doc, l)),
    })),
    totalNet: moneyRu(doc.totals.net),
    totalVat: moneyRu(doc.totals.vat),
    totalGross: moneyRu(doc.totals.gross),
    totalRows: totalRows(doc).map((r) => ({ label: r.label, amount: r.amount ?? "—" })),
    count: doc.lines.length,
    countLine: countLine(doc),
    amountInWords: doc.amountInWords,
    paymentTerms: doc.paymentTerms ?? "",
    deliveryTerms: doc.deliveryTerms ?? "",
    notes: doc.notes ?? "",
    notOffer: doc.kind === "proposal" && doc.notOffer,
    notOfferText: NOT_OFFER_NOTE,
  };
}

/** Thrown for a file that is not a usable template; `reason` explains it in plain words. */
export class TemplateError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = "TemplateError";
  }
}

type Explained = { properties?: { explanation?: string; errors?: Explained[] }; message?: string };

/** Docxtemplater reports every broken tag at once; the explanations name the tag and the problem. */
function explain(error: unknown): string {
  const e = error as Explained;
  const parts = e.properties?.errors?.map((x) => x.properties?.explanation ?? x.message ?? "") ?? [];
  const text = parts.filter(Boolean).join("; ") || e.properties?.explanation || e.message || String(error);
  return text.slice(0, 1000);
}

function compile(template: Buffer, modules: InspectModule[] = []): Docxtemplater {
  let zip: PizZip;
  try {
    zip = new PizZip(template);
  } catch {
    throw new TemplateError("the file is not a .docx (zip) document");
  }
  if (!zip.file("word/document.xml")) throw new TemplateError("the archive has no word/document.xml");
  try {
    return new Docxtemplater(zip, {
      paragraphLoop: true,
      linebreaks: true,
      modules,
      // Errors go back to the caller as a 422, not to the server's console.
      errorLogging: false,
      // A placeholder the data lacks prints empty rather than "undefined".
      nullGetter: () => "",
    });
  } catch (error) {
    throw new TemplateError(explain(error));
  }
}

/** Checks an uploaded template and lists its placeholders; throws TemplateError when unusable. */
export function inspectTemplate(template: Buffer): { placeholders: string[] } {
  const inspect = new InspectModule();
  compile(template, [inspect]);
  return { placeholders: Object.keys(inspect.getAllTags()).sort() };
}

/** The Word document of a sales document, from an uploaded template or the default one. */
export async function renderDocx(doc: SalesDocument, template?: Buffer): Promise<Buffer> {
  const dx = compile(template ?? defaultDocxTemplate());
  try {
    dx.render(docxData(doc));
  } catch (error) {
    throw new TemplateError(explain(error));
  }
  return dx.getZip().generate({ type: "nodebuffer", compression: "DEFLATE" }) as Buffer;
}
