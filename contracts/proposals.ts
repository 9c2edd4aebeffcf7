import { z } from "zod";
import { Id, ListQuery, MoneyString, Timestamp, Version } from "./common";

export const ProposalStatus = z.enum([
  "draft",
  "pending_approval",
  "approved",
  "rejected_by_head",
  "sent",
  "accepted",
  "rejected",
  "expired",
]);
export type ProposalStatus = z.infer<typeof ProposalStatus>;

export const VatRateCode = z.enum(["22", "10", "5", "7", "0", "none"]);
/** A percentage 0..100 with at most two decimals, as a string ("7.5"). */
export const PercentString = z
  .string()
  .trim()
  .regex(/^\d{1,3}([.,]\d{1,2})?$/, "percent")
  // Compared as text: at most 100, i.e. below 100 or 100 with only zero decimals.
  .refine((s) => s.split(/[.,]/)[0]!.length < 3 || /^100([.,]0{1,2})?$/.test(s), "percent");
/** A quantity > 0 with at most three decimals ("2", "0.125"). */
export const QuantityString = z
  .string()
  .trim()
  .regex(/^\d{1,12}([.,]\d{1,3})?$/, "quantity")
  .refine((s) => /[1-9]/.test(s), "quantity");
const DateOnly = z.iso.date();
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const DiscountSource = z.object({ ruleId: Id, name: z.string(), percent: z.string() });
export type DiscountSource = z.infer<typeof DiscountSource>;

/** What a user enters per line: the product, the quantity and an optional manual discount. */
export const ProposalLineInput = z.object({
  productId: Id,
  quantity: QuantityString,
  manualDiscountPercent: PercentString.optional(),
});
export type ProposalLineInput = z.infer<typeof ProposalLineInput>;

export const ProposalLine = z.object({
  position: z.number().int(),
  productId: Id.nullable(),
  sku: z.string().nullable(),
  name: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  quantity: z.string(),
  /** Unit price from the client's price list (gross when VAT is included). */
  price: MoneyString,
  ruleDiscountPercent: z.string(),
  manualDiscountPercent: z.string(),
  discountPercent: z.string(),
  discountSources: z.array(DiscountSource),
  vatRate: VatRateCode,
  net: MoneyString,
  vat: MoneyString,
  gross: MoneyString,
});
export type ProposalLine = z.infer<typeof ProposalLine>;

export const ProposalTotals = z.object({
  net: MoneyString,
  vat: MoneyString,
  gross: MoneyString,
  discount: MoneyString,
  vatRate: VatRateCode.nullable(),
  vatByRate: z.array(z.object({ rate: VatRateCode, vat: MoneyString })),
  /** «Итого», «В том числе НДС (22%)» or «Без НДС», «Всего к оплате». */
  footer: z.array(z.object({ label: z.string(), amount: MoneyString.nullable() })),
  /** «Всего наименований N, на сумму X руб.» */
  summary: z.string(),
});
export type ProposalTotals = z.infer<typeof ProposalTotals>;

export const ApprovalState = z.object({
  id: Id,
  status: z.enum(["pending", "approved", "rejected", "withdrawn"]),
  approverId: Id,
  approverName: z.string().nullable(),
  comment: z.string().nullable(),
  decidedAt: Timestamp.nullable(),
});

export const Proposal = z.object({
  id: Id,
  groupId: Id,
  number: z.string(),
  revision: z.number().int(),
  isCurrent: z.boolean(),
  organisationId: Id,
  companyId: Id,
  companyName: z.string().nullable(),
  contactId: Id.nullable(),
  dealId: Id.nullable(),
  ownerId: Id,
  status: ProposalStatus,
  priceListId: Id.nullable(),
  vatIncluded: z.boolean(),
  currency: z.string(),
  lines: z.array(ProposalLine),
  totals: ProposalTotals,
  amountInWords: z.string(),
  maxDiscountPercent: z.string(),
  issueDate: DateOnly,
  validUntil: DateOnly.nullable(),
  paymentTerms: z.string().nullable(),
  deliveryTerms: z.string().nullable(),
  signatory: z.string().nullable(),
  notOffer: z.boolean(),
  notes: z.string().nullable(),
  sentAt: Timestamp.nullable(),
  decidedAt: Timestamp.nullable(),
  /** The latest approval request of this revision, with the head's comment. */
  approval: ApprovalState.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  version: Version,
});
export type Proposal = z.infer<typeof Proposal>;

/** A row of the proposals list (no lines). */
export const ProposalSummary = Proposal.pick({
  id: true,
  groupId: true,
  number: true,
  revision: true,
  isCurrent: true,
  companyId: true,
  companyName: true,
  dealId: true,
  ownerId: true,
  status: true,
  issueDate: true,
  validUntil: true,
  currency: true,
  createdAt: true,
  version: true,
}).extend({ totals: z.object({ net: MoneyString, vat: MoneyString, gross: MoneyString }) });
export type ProposalSummary = z.infer<typeof ProposalSummary>;

const editable = {
  contactId: Id.nullable().optional(),
  dealId: Id.nullable().optional(),
  validUntil: DateOnly.nullable().optional(),
  paymentTerms: optionalText(4000),
  deliveryTerms: optionalText(4000),
  signatory: optionalText(300),
  notOffer: z.boolean().optional(),
  notes: optionalText(4000),
  lines: z.array(ProposalLineInput).max(500).optional(),
};

export const ProposalCreate = z.object({
  companyId: Id,
  /** The seller; the default organisation when omitted. */
  organisationId: Id.optional(),
  ...editable,
});
export type ProposalCreate = z.infer<typeof ProposalCreate>;

export const ProposalUpdate = z.object({ version: Version, ...editable });
export type ProposalUpdate = z.infer<typeof ProposalUpdate>;

export const ProposalListQuery = ListQuery.extend({
  status: ProposalStatus.optional(),
  companyId: Id.optional(),
  dealId: Id.optional(),
});
export type ProposalListQuery = z.infer<typeof ProposalListQuery>;

/** Prices and totals of lines for a client, without saving (the editor's live totals). */
export const ProposalQuoteRequest = z.object({
  companyId: Id,
  lines: z.array(ProposalLineInput).max(500),
});
export type ProposalQuoteRequest = z.infer<typeof ProposalQuoteRequest>;
export const ProposalQuote = z.object({
  priceListId: Id.nullable(),
  vatIncluded: z.boolean(),
  lines: z.array(ProposalLine),
  totals: ProposalTotals,
  amountInWords: z.string(),
});
export type ProposalQuote = z.infer<typeof ProposalQuote>;

export const ProductOptionQuery = z.object({
  q: z.string().trim().max(200).optional(),
  companyId: Id.optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export const ProductOption = z.object({
  id: Id,
  sku: z.string(),
  name: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  vatRate: VatRateCode,
  price: MoneyString,
  vatIncluded: z.boolean(),
});
export type ProductOption = z.infer<typeof ProductOption>;

/** What proposals take by default for a client: its individual terms, else the templates. */
export const ProposalDefaults = z.object({
  organisationId: Id.nullable(),
  paymentTerms: z.string().nullable(),
  deliveryTerms: z.string().nullable(),
  signatory: z.string().nullable(),
});
export const ProposalDefaultsQuery = z.object({ companyId: Id });

export const StatusChange = z.object({ version: Version });
export type StatusChange = z.infer<typeof StatusChange>;

export const CompareQuery = z.object({ with: Id });
const LineSide = z.object({
  quantity: z.string(),
  price: MoneyString,
  discountPercent: z.string(),
  gross: MoneyString,
});
export const ProposalComparison = z.object({
  base: z.object({ id: Id, revision: z.number().int() }),
  other: z.object({ id: Id, revision: z.number().int() }),
  lines: z.array(
    z.object({
      productId: Id.nullable(),
      name: z.string(),
      change: z.enum(["added", "removed", "changed", "same"]),
      before: LineSide.nullable(),
      after: LineSide.nullable(),
    }),
  ),
  totals: z.object({
    before: z.object({ net: MoneyString, vat: MoneyString, gross: MoneyString }),
    after: z.object({ net: MoneyString, vat: MoneyString, gross: MoneyString }),
    delta: z.object({ net: MoneyString, vat: MoneyString, gross: MoneyString }),
  }),
  /** Header fields that differ: validUntil, paymentTerms … */
  fields: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
});
export type ProposalComparison = z.infer<typeof ProposalComparison>;
