import { z } from "zod";
import { Id, ListQuery, MoneyString, Timestamp } from "./common";

const IsoDate = z.iso.date().describe("YYYY-MM-DD");

export const InvoiceStatus = z.enum(["issued", "partially_paid", "paid", "cancelled"]);

/** «Счёт на оплату» made from an accepted proposal; paid/paidAt/status follow its payments. */
export const Invoice = z.object({
  id: Id,
  number: z.string(),
  organisationId: Id,
  proposalId: Id.nullable(),
  proposalNumber: z.string().nullable(),
  companyId: Id,
  companyName: z.string(),
  dealId: Id.nullable(),
  ownerId: Id,
  issueDate: z.string(),
  dueDate: z.string(),
  basis: z.string().nullable(),
  currency: z.string(),
  net: MoneyString,
  vat: MoneyString,
  gross: MoneyString,
  paid: MoneyString,
  /** What is left to pay. */
  due: MoneyString,
  paidAt: z.string().nullable(),
  status: InvoiceStatus,
  amountInWords: z.string(),
  version: z.number().int(),
  createdAt: Timestamp,
});
export type Invoice = z.infer<typeof Invoice>;

export const InvoiceCreate = z.object({
  /** Absent: the issue date plus the proposal's deferment or 5 days. */
  dueDate: IsoDate.optional(),
  basis: z.string().trim().max(500).optional(),
});
export type InvoiceCreate = z.infer<typeof InvoiceCreate>;

export const InvoiceListQuery = ListQuery.extend({
  companyId: Id.optional(),
  status: InvoiceStatus.optional(),
});
export type InvoiceListQuery = z.infer<typeof InvoiceListQuery>;

export const Payment = z.object({
  id: Id,
  invoiceId: Id,
  companyId: Id,
  paidOn: z.string(),
  amount: MoneyString,
  note: z.string().nullable(),
  createdAt: Timestamp,
  createdBy: Id.nullable(),
});
export type Payment = z.infer<typeof Payment>;

export const PaymentCreate = z.object({
  paidOn: IsoDate,
  amount: MoneyString,
  note: z.string().trim().max(500).nullable().optional(),
});
export type PaymentCreate = z.infer<typeof PaymentCreate>;

export const PaymentParams = z.object({ id: Id, paymentId: Id });
export const InvoiceWithPayment = z.object({ invoice: Invoice, payment: Payment });
