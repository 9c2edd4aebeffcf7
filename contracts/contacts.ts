import { z } from "zod";
import { Id, ListQuery, Timestamp, Version } from "./common";
import { EmailAddress, Phone } from "./companies";

/** A marketing consent under 152-FZ / 38-FZ: a separate document, with where it came from. */
export const Consent = z.object({
  marketing: z.boolean(),
  /** "withdrawn" differs from "unknown": a withdrawn consent must not be asked for by mail again. */
  status: z.enum(["granted", "withdrawn", "unknown"]),
  at: Timestamp.nullable(),
  source: z.string().max(200).nullable(),
});

const name = (max: number) => z.string().trim().max(max);

const contactFields = {
  companyId: Id.nullable().optional(),
  lastName: name(100).min(1),
  firstName: name(100).nullable().optional(),
  middleName: name(100).nullable().optional(),
  position: name(200).nullable().optional(),
  phones: z.array(Phone).max(20),
  emails: z.array(EmailAddress).max(20),
  notes: name(10_000).nullable().optional(),
  consent: z.object({ marketing: z.boolean(), source: z.string().max(200).nullable().optional() }).optional(),
};

/** Defaults apply on create only: an update without `phones` must not clear them. */
export const ContactCreate = z.object({
  ...contactFields,
  phones: contactFields.phones.default([]),
  emails: contactFields.emails.default([]),
});
export type ContactCreate = z.infer<typeof ContactCreate>;

export const ContactUpdate = z
  .object(
    Object.fromEntries(Object.entries(contactFields).map(([k, v]) => [k, v.optional()])) as {
      [K in keyof typeof contactFields]: z.ZodOptional<(typeof contactFields)[K]>;
    },
  )
  .extend({ version: Version });
export type ContactUpdate = z.infer<typeof ContactUpdate>;

export const Contact = z.object({
  id: Id,
  companyId: Id.nullable(),
  lastName: z.string(),
  firstName: z.string().nullable(),
  middleName: z.string().nullable(),
  fullName: z.string(),
  position: z.string().nullable(),
  phones: z.array(z.string()),
  emails: z.array(z.string()),
  notes: z.string().nullable(),
  consent: Consent,
  ownerId: Id,
  createdAt: Timestamp,
  updatedAt: Timestamp,
  deletedAt: Timestamp.nullable(),
  /** When a 152-ФЗ erasure cleared the personal data; an erased contact cannot be restored. */
  erasedAt: Timestamp.nullable(),
  version: Version,
});
export type Contact = z.infer<typeof Contact>;

export const ContactListQuery = ListQuery.extend({
  companyId: Id.optional(),
  deleted: z.enum(["only", "include"]).optional(),
});
export type ContactListQuery = z.infer<typeof ContactListQuery>;

export const ContactSortKeys = ["lastName", "createdAt", "updatedAt"] as const;
