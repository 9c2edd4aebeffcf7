import { z } from "zod";
import { isEmail, normalizePhone } from "../core/phone";
import {
  checkAccount,
  checkBik,
  checkCorrAccount,
  checkInn,
  checkKpp,
  checkOgrnAny,
} from "../core/requisites";
import { Id, ListQuery, Timestamp, Version } from "./common";

export const CompanyKind = z.enum(["legal", "entrepreneur", "person"]);

/** The single-valued fields of a company, as the form, the import and the service know them. */
export const CompanyScalarFields = [
  "name",
  "fullName",
  "kind",
  "status",
  "inn",
  "kpp",
  "ogrn",
  "bik",
  "account",
  "corrAccount",
  "bankName",
  "industry",
  "region",
  "city",
  "segment",
  "source",
  "website",
  "address",
  "notes",
] as const;
export const CompanyStatus = z.enum(["prospect", "client", "former"]);

const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) => text(max).nullable().optional();
const digits = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((s) => s.replace(/[\s-]/g, ""))
    .nullable()
    .optional();

export const Phone = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .refine((s) => normalizePhone(s).digits.length >= 5, "phone_format");
export const EmailAddress = z
  .string()
  .trim()
  .max(254)
  .refine((s) => isEmail(s), "email_format")
  .transform((s) => s.toLowerCase());

/** Fields a person types into the company form; requisites are checked together below. */
const companyFields = {
  name: text(300).min(1),
  fullName: optionalText(500),
  kind: CompanyKind,
  status: CompanyStatus,
  inn: digits(12),
  kpp: z.string().trim().max(9).nullable().optional(),
  ogrn: digits(15),
  bik: digits(9),
  account: digits(20),
  corrAccount: digits(20),
  bankName: optionalText(300),
  industry: optionalText(100),
  region: optionalText(100),
  city: optionalText(100),
  segment: optionalText(100),
  source: optionalText(100),
  ownerId: Id.optional(),
  tags: z.array(text(50).min(1)).max(30),
  phones: z.array(Phone).max(20),
  emails: z.array(EmailAddress).max(20),
  website: optionalText(300),
  address: optionalText(1000),
  notes: optionalText(10_000),
};

type Requisites = {
  kind?: z.infer<typeof CompanyKind>;
  inn?: string | null;
  kpp?: string | null;
  ogrn?: string | null;
  bik?: string | null;
  account?: string | null;
  corrAccount?: string | null;
};

/**
 * Requisites are validated with core/ (checksums, CBR account keys). The issue message is a
 * stable code that the server and the web translate (see field-messages).
 */
export function checkRequisites(value: Requisites, ctx: z.RefinementCtx): void {
  const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
  if (value.inn) {
    const r = checkInn(value.inn);
    if (!r.ok) issue("inn", r.reason === "checksum" ? "inn_checksum" : "inn_format");
    else if (value.kind === "legal" && value.inn.length !== 10) issue("inn", "inn_format");
    else if (value.kind && value.kind !== "legal" && value.inn.length !== 12) issue("inn", "inn_format");
  }
  if (value.kpp && !checkKpp(value.kpp).ok) issue("kpp", "kpp_format");
  if (value.ogrn) {
    const r = checkOgrnAny(value.ogrn);
    if (!r.ok) issue("ogrn", r.reason === "checksum" ? "ogrn_checksum" : "ogrn_format");
  }
  if (value.bik && !checkBik(value.bik).ok) issue("bik", "bik_format");
  for (const [field, check] of [
    ["account", checkAccount],
    ["corrAccount", checkCorrAccount],
  ] as const) {
    const number = value[field];
    if (!number) continue;
    if (!/^\d{20}$/.test(number) && !/^\d{5}[А-ЯA-Z]\d{14}$/.test(number)) issue(field, "account_format");
    else if (!value.bik) issue(field, "account_needs_bik");
    else if (checkBik(value.bik).ok && !check(number, value.bik).ok) issue(field, "account_checksum");
  }
}

/** Defaults apply on create only: an update without `kind` or `tags` must not reset them. */
export const CompanyCreate = z
  .object({
    ...companyFields,
    kind: companyFields.kind.default("legal"),
    status: companyFields.status.default("prospect"),
    tags: companyFields.tags.default([]),
    phones: companyFields.phones.default([]),
    emails: companyFields.emails.default([]),
  })
  .superRefine(checkRequisites);
export type CompanyCreate = z.infer<typeof CompanyCreate>;

export const CompanyUpdate = z
  .object(
    Object.fromEntries(Object.entries(companyFields).map(([k, v]) => [k, v.optional()])) as {
      [K in keyof typeof companyFields]: z.ZodOptional<(typeof companyFields)[K]>;
    },
  )
  .extend({ version: Version });
export type CompanyUpdate = z.infer<typeof CompanyUpdate>;

export const Company = z.object({
  id: Id,
  name: z.string(),
  fullName: z.string().nullable(),
  kind: CompanyKind,
  status: CompanyStatus,
  inn: z.string().nullable(),
  kpp: z.string().nullable(),
  ogrn: z.string().nullable(),
  bik: z.string().nullable(),
  account: z.string().nullable(),
  corrAccount: z.string().nullable(),
  bankName: z.string().nullable(),
  industry: z.string().nullable(),
  region: z.string().nullable(),
  city: z.string().nullable(),
  segment: z.string().nullable(),
  source: z.string().nullable(),
  ownerId: Id,
  tags: z.array(z.string()),
  phones: z.array(z.string()),
  emails: z.array(z.string()),
  website: z.string().nullable(),
  address: z.string().nullable(),
  notes: z.string().nullable(),
  lastContactAt: Timestamp.nullable(),
  /** Set on a company that was merged into another (it is then deleted). */
  mergedIntoId: Id.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  deletedAt: Timestamp.nullable(),
  version: Version,
  /** Counterparty reliability grade (A reliable … D high risk), in lists and on the card. */
  reliabilityGrade: z.enum(["A", "B", "C", "D"]).nullable().optional(),
});
export type Company = z.infer<typeof Company>;

const csv = z
  .string()
  .max(2000)
  .transform((s) =>
    s
      .split(",")
      .map((x) => x.trim())
      .filter(Boolean),
  );

/** List filters; the export endpoints take the same. */
export const CompanyListQuery = ListQuery.extend({
  status: csv.pipe(z.array(CompanyStatus)).optional(),
  segment: csv.optional(),
  industry: csv.optional(),
  region: csv.optional(),
  city: csv.optional(),
  ownerId: csv.pipe(z.array(Id)).optional(),
  tag: csv.optional(),
  /** ISO date: only companies with no completed contact since then (or never). */
  noContactSince: z.iso.date().optional(),
  deleted: z.enum(["only", "include"]).optional(),
});
export type CompanyListQuery = z.infer<typeof CompanyListQuery>;

export const CompanySortKeys = ["name", "createdAt", "updatedAt", "lastContactAt", "inn"] as const;

export const DuplicateReason = z.enum(["inn", "ogrn", "phone", "email", "name"]);
export type DuplicateReason = z.infer<typeof DuplicateReason>;
/**
 * A duplicate check must warn even when the likely duplicate belongs to another manager, yet
 * must not leak that client's data. A company the caller may read comes whole (`visible: true`);
 * any other comes as its name and its owner's name only — enough to say "this client is already
 * Иванова's, talk to her" — with no id, requisites or contacts.
 */
export const DuplicateCandidate = z.discriminatedUnion("visible", [
  z.object({
    visible: z.literal(true),
    company: Company,
    reasons: z.array(DuplicateReason),
    score: z.number(),
  }),
  z.object({
    visible: z.literal(false),
    name: z.string(),
    ownerName: z.string().nullable(),
    reasons: z.array(DuplicateReason),
    score: z.number(),
  }),
]);
export type DuplicateCandidate = z.infer<typeof DuplicateCandidate>;
export const DuplicateList = z.object({ items: z.array(DuplicateCandidate) });
/** POST /companies/duplicates/check: what the form asks before saving. */
export const DuplicateCheck = z.object({
  excludeId: Id.optional(),
  name: z.string().max(300).optional(),
  city: z.string().max(100).nullable().optional(),
  inn: z.string().max(12).nullable().optional(),
  ogrn: z.string().max(15).nullable().optional(),
  phones: z.array(z.string().max(40)).max(20).optional(),
  emails: z.array(z.string().max(254)).max(20).optional(),
});
export type DuplicateCheck = z.infer<typeof DuplicateCheck>;

/** GET /companies/:id/history: audit entries of the company, its contacts and merged companies. */
export const CompanyHistoryQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.uuid().optional(),
});

export const MergeRequest = z.object({ targetId: Id, sourceIds: z.array(Id).min(1).max(20) });
export type MergeRequest = z.infer<typeof MergeRequest>;

export const TransferRequest = z.object({ ids: z.array(Id).min(1).max(1000), ownerId: Id });
export type TransferRequest = z.infer<typeof TransferRequest>;
export const TransferResult = z.object({ transferred: z.number().int() });
