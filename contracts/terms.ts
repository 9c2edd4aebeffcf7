import { z } from "zod";
import { Amount } from "./catalogue";
import { Id, ListQuery, Timestamp, Version } from "./common";

const text = (max: number) => z.string().trim().max(max);

export const TermsKind = z.enum(["payment", "delivery"]);
export const DeferDayKind = z.enum(["calendar", "working"]);
export const DeliveryMethod = z.enum(["pickup", "our_delivery", "carrier"]);

const templateFields = {
  kind: TermsKind,
  name: text(200).min(1),
  /** Payment: prepayment share, 0–100 %. */
  prepaymentPercent: z.number().int().nullable().optional(),
  /** Payment: the rest is due N days after shipment, counted in calendar or working days. */
  deferDays: z.number().int().nullable().optional(),
  deferDayKind: DeferDayKind.nullable().optional(),
  stages: text(2000).nullable().optional(),
  /** Delivery: pickup from our warehouse, our delivery, or a carrier. */
  deliveryMethod: DeliveryMethod.nullable().optional(),
  loadingNotes: text(2000).nullable().optional(),
  issueNotes: text(2000).nullable().optional(),
  text: text(5000).nullable().optional(),
  active: z.boolean().optional(),
};

export const TermsTemplateCreate = z.object(templateFields);
export type TermsTemplateCreate = z.infer<typeof TermsTemplateCreate>;

export const TermsTemplateUpdate = z
  .object(
    Object.fromEntries(Object.entries(templateFields).map(([k, v]) => [k, v.optional()])) as {
      [K in keyof typeof templateFields]: z.ZodOptional<(typeof templateFields)[K]>;
    },
  )
  .omit({ kind: true })
  .extend({ version: Version });
export type TermsTemplateUpdate = z.infer<typeof TermsTemplateUpdate>;

export const TermsTemplate = z.object({
  id: Id,
  kind: TermsKind,
  name: z.string(),
  prepaymentPercent: z.number().int().nullable(),
  deferDays: z.number().int().nullable(),
  deferDayKind: DeferDayKind.nullable(),
  stages: z.string().nullable(),
  deliveryMethod: DeliveryMethod.nullable(),
  loadingNotes: z.string().nullable(),
  issueNotes: z.string().nullable(),
  text: z.string().nullable(),
  active: z.boolean(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  version: Version,
});
export type TermsTemplate = z.infer<typeof TermsTemplate>;

export const TermsTemplateQuery = ListQuery.extend({ kind: TermsKind.optional() });
export type TermsTemplateQuery = z.infer<typeof TermsTemplateQuery>;

/** A client's individual terms (clause 2.11); proposals take them by default. */
export const ClientTerms = z.object({
  companyId: Id,
  priceListId: Id.nullable(),
  paymentTermsId: Id.nullable(),
  deliveryTermsId: Id.nullable(),
  paymentText: z.string().nullable(),
  deliveryText: z.string().nullable(),
  creditLimit: z.string().nullable(),
  /** 0 while the client has no terms of its own yet. */
  version: z.number().int(),
  updatedAt: Timestamp.nullable(),
});
export type ClientTerms = z.infer<typeof ClientTerms>;

/** Replaces the client's terms; `version` (from GET) guards against a concurrent edit. */
export const ClientTermsPut = z.object({
  version: z.number().int().min(0).optional(),
  priceListId: Id.nullable().optional(),
  paymentTermsId: Id.nullable().optional(),
  deliveryTermsId: Id.nullable().optional(),
  paymentText: text(5000).nullable().optional(),
  deliveryText: text(5000).nullable().optional(),
  creditLimit: Amount.nullable().optional(),
});
export type ClientTermsPut = z.infer<typeof ClientTermsPut>;
