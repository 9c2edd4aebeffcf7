import { z } from "zod";
import { MoneyString } from "./common";

/**
 * Everything a printed sales document shows, computed and formatted by the server before
 * rendering: the PDF and DOCX renderers only lay it out, they never calculate. Proposals and
 * invoices share it; fields a kind does not use are null.
 */
export const Party = z.object({
  name: z.string(),
  fullName: z.string().nullable(),
  inn: z.string().nullable(),
  kpp: z.string().nullable(),
  ogrn: z.string().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  bankName: z.string().nullable(),
  bik: z.string().nullable(),
  account: z.string().nullable(),
  corrAccount: z.string().nullable(),
});
export type Party = z.infer<typeof Party>;

export const SalesDocumentLine = z.object({
  position: z.number().int(),
  sku: z.string().nullable(),
  name: z.string(),
  /** ОКЕИ code and its short Russian name ("796", "шт"). */
  unitCode: z.string(),
  unitName: z.string(),
  quantity: z.string(),
  price: MoneyString,
  discountPercent: z.string(),
  /** "22", "10", "5", "7", "0" or "none". */
  vatRate: z.string(),
  net: MoneyString,
  vat: MoneyString,
  gross: MoneyString,
});
export type SalesDocumentLine = z.infer<typeof SalesDocumentLine>;

export const SalesDocument = z.object({
  kind: z.enum(["proposal", "invoice"]),
  /** КП-2026-000123 or the invoice number. */
  number: z.string(),
  revision: z.number().int().nullable(),
  issueDate: z.string().describe("YYYY-MM-DD"),
  validUntil: z.string().nullable(),
  dueDate: z.string().nullable(),
  seller: Party.extend({
    director: z.string().nullable(),
    directorTitle: z.string().nullable(),
    accountant: z.string().nullable(),
    logo: z.string().nullable().describe("data URL of a PNG or JPEG"),
    vatPayer: z.boolean(),
  }),
  buyer: Party,
  contactName: z.string().nullable(),
  basis: z.string().nullable(),
  currency: z.string(),
  /** Whether the line prices include VAT (a VAT-inclusive price list) or VAT is added on top. */
  vatIncluded: z.boolean(),
  lines: z.array(SalesDocumentLine),
  totals: z.object({
    net: MoneyString,
    vat: MoneyString,
    gross: MoneyString,
    /** "22" when every line has one rate; null for mixed rates (the footer then lists each). */
    vatRate: z.string().nullable(),
    vatByRate: z.array(z.object({ rate: z.string(), vat: MoneyString })),
  }),
  /** «Пятьдесят две тысячи сто пятьдесят один рубль 00 копеек». */
  amountInWords: z.string(),
  paymentTerms: z.string().nullable(),
  deliveryTerms: z.string().nullable(),
  signatory: z.string().nullable(),
  notOffer: z.boolean(),
  notes: z.string().nullable(),
});
export type SalesDocument = z.infer<typeof SalesDocument>;
