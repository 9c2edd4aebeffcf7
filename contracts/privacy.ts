import { z } from "zod";
import { AuditEntry } from "./audit";
import { Id, ListQuery, Timestamp } from "./common";
import { Contact } from "./contacts";

/** A calendar date (YYYY-MM-DD): legal terms are counted in days. */
const IsoDate = z.string().describe("ISO 8601 date");

export const ConsentKind = z.enum(["marketing", "processing"]);
/** 152-ФЗ: processing rests on a contract (ст. 6) or on a consent (ст. 9). */
export const ConsentBasis = z.enum(["consent", "contract"]);

export const ConsentEventCreate = z.object({
  kind: ConsentKind,
  granted: z.boolean(),
  basis: ConsentBasis.default("consent"),
  /** Which text the person agreed to, e.g. "policy-2025-09". */
  textVersion: z.string().trim().max(100).nullable().optional(),
  /** Where it came from: web form, email, paper, phone… */
  channel: z.string().trim().min(1).max(100),
  ip: z.union([z.ipv4(), z.ipv6()]).nullable().optional(),
  /** When it was given, if not now (a paper form signed earlier). */
  at: z.iso.datetime({ offset: true }).optional(),
});
export type ConsentEventCreate = z.infer<typeof ConsentEventCreate>;

export const ConsentEvent = z.object({
  id: Id,
  contactId: Id,
  kind: ConsentKind,
  granted: z.boolean(),
  basis: ConsentBasis,
  textVersion: z.string().nullable(),
  channel: z.string(),
  ip: z.string().nullable(),
  at: Timestamp,
  createdBy: Id.nullable(),
});
export type ConsentEvent = z.infer<typeof ConsentEvent>;

export const PrivacyRequestKind = z.enum(["access", "erasure", "withdrawal"]);

export const PrivacyRequestCreate = z.object({
  contactId: Id,
  kind: PrivacyRequestKind,
  note: z.string().trim().max(2000).nullable().optional(),
});
export type PrivacyRequestCreate = z.infer<typeof PrivacyRequestCreate>;

export const PrivacyRequest = z.object({
  id: Id,
  contactId: Id,
  kind: PrivacyRequestKind,
  receivedAt: Timestamp,
  deadline: IsoDate,
  status: z.enum(["open", "done"]),
  doneAt: Timestamp.nullable(),
  doneBy: Id.nullable(),
  note: z.string().nullable(),
  createdAt: Timestamp,
  createdBy: Id.nullable(),
  version: z.number().int(),
});
export type PrivacyRequest = z.infer<typeof PrivacyRequest>;

/** Open requests first, nearest deadline first; `status` narrows the list. */
export const PrivacyRequestListQuery = ListQuery.omit({ sort: true, q: true }).extend({
  status: z.enum(["open", "done"]).optional(),
  contactId: Id.optional(),
});
export type PrivacyRequestListQuery = z.infer<typeof PrivacyRequestListQuery>;

/** Everything Accord holds about a person (152-ФЗ ст. 14), as one JSON document. */
export const PersonalDataExport = z.object({
  exportedAt: Timestamp,
  contact: Contact,
  consents: z.array(ConsentEvent),
  requests: z.array(PrivacyRequest),
  audit: z.array(AuditEntry),
});
export type PersonalDataExport = z.infer<typeof PersonalDataExport>;

export const EraseBody = z.object({ requestId: Id.optional() }).default({});
export type EraseBody = z.infer<typeof EraseBody>;
