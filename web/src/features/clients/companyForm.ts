import type { z } from "zod";
import {
  type Company,
  type CompanyCreate,
  type CompanyKind,
  type CompanyStatus,
  checkRequisites,
  EmailAddress,
  Phone,
} from "../../../../contracts/companies";

export type Kind = z.infer<typeof CompanyKind>;
export type Status = z.infer<typeof CompanyStatus>;

export type CompanyFormValues = {
  kind: Kind;
  status: Status;
  name: string;
  fullName: string;
  inn: string;
  kpp: string;
  ogrn: string;
  bik: string;
  bankName: string;
  account: string;
  corrAccount: string;
  phones: string[];
  emails: string[];
  website: string;
  address: string;
  industry: string;
  region: string;
  city: string;
  segment: string;
  source: string;
  /** Comma-separated, as typed. */
  tags: string;
  ownerId: string;
  notes: string;
};

export const REQUISITE_FIELDS = ["inn", "kpp", "ogrn", "bik", "account", "corrAccount"] as const;
export type RequisiteField = (typeof REQUISITE_FIELDS)[number];

/** A field problem: a code of the `company.validation` catalogue and what it is about. */
export type Issue = { code: string; value?: string };
export type Issues = Record<string, Issue>;

export function initialValues(company: Company | null, ownerId: string): CompanyFormValues {
  const s = (v: string | null | undefined) => v ?? "";
  return {
    kind: company?.kind ?? "legal",
    status: company?.status ?? "prospect",
    name: s(company?.name),
    fullName: s(company?.fullName),
    inn: s(company?.inn),
    kpp: s(company?.kpp),
    ogrn: s(company?.ogrn),
    bik: s(company?.bik),
    bankName: s(company?.bankName),
    account: s(company?.account),
    corrAccount: s(company?.corrAccount),
    phones: company?.phones.length ? [...company.phones] : [""],
    emails: company?.emails.length ? [...company.emails] : [""],
    website: s(company?.website),
    address: s(company?.address),
    industry: s(company?.industry),
    region: s(company?.region),
    city: s(company?.city),
    segment: s(company?.segment),
    source: s(company?.source),
    tags: company?.tags.join(", ") ?? "",
    ownerId: company?.ownerId ?? ownerId,
    notes: s(company?.notes),
  };
}

/** Requisites as the contract reads them: spaces and dashes typed for readability dropped. */
export const digitsOf = (value: string) => value.replace(/[\s-]/g, "");

/** Which requisites a kind of client has: a sole trader has no KPP, a person neither KPP nor OGRN. */
export function showsField(kind: Kind, field: "kpp" | "ogrn" | "fullName"): boolean {
  if (field === "kpp") return kind === "legal";
  if (field === "ogrn") return kind !== "person";
  return kind !== "person";
}

const orNull = (value: string) => (value.trim() === "" ? null : value.trim());
const splitTags = (value: string) => [
  ...new Set(
    value
      .split(",")
      .map((t) => t.trim())
      .filter(Boolean),
  ),
];

/** The body of POST /companies from what the form holds (empty strings become null). */
export function toBody(values: CompanyFormValues): CompanyCreate {
  const digits = (value: string) => orNull(digitsOf(value));
  return {
    kind: values.kind,
    status: values.status,
    name: values.name.trim(),
    fullName: showsField(values.kind, "fullName") ? orNull(values.fullName) : null,
    inn: digits(values.inn),
    kpp: showsField(values.kind, "kpp") ? orNull(values.kpp) : null,
    ogrn: showsField(values.kind, "ogrn") ? digits(values.ogrn) : null,
    bik: digits(values.bik),
    bankName: orNull(values.bankName),
    account: digits(values.account),
    corrAccount: digits(values.corrAccount),
    phones: values.phones.map((p) => p.trim()).filter(Boolean),
    emails: values.emails.map((e) => e.trim()).filter(Boolean),
    website: orNull(values.website),
    address: orNull(values.address),
    industry: orNull(values.industry),
    region: orNull(values.region),
    city: orNull(values.city),
    segment: orNull(values.segment),
    source: orNull(values.source),
    tags: splitTags(values.tags),
    ownerId: values.ownerId || undefined,
    notes: orNull(values.notes),
  };
}

/**
 * Every problem of the form, by field. Requisites are checked by the contract's own
 * `checkRequisites` (which calls core/requisites), so the browser says exactly what the server
 * would, as the person types.
 */
export function findIssues(values: CompanyFormValues): Issues {
  const body = toBody(values);
  const issues: Issues = {};
  if (!body.name) issues.name = { code: "required" };
  const ctx = {
    addIssue: (issue: { path?: PropertyKey[]; message?: string }) => {
      const path = String(issue.path?.[0] ?? "");
      if (path && !issues[path]) issues[path] = { code: issue.message ?? "invalid" };
    },
  };
  checkRequisites(body, ctx as unknown as z.RefinementCtx);
  values.phones.forEach((phone, i) => {
    if (phone.trim() && !Phone.safeParse(phone).success)
      issues[`phones.${i}`] = { code: "phone_format", value: phone };
  });
  values.emails.forEach((email, i) => {
    if (email.trim() && !EmailAddress.safeParse(email).success)
      issues[`emails.${i}`] = { code: "email_format", value: email };
  });
  return issues;
}

/** Length at which a requisite is "typed in full", so its error shows before the field is left. */
const FULL_LENGTH: Record<RequisiteField, (kind: Kind) => number> = {
  inn: (kind) => (kind === "legal" ? 10 : 12),
  kpp: () => 9,
  ogrn: (kind) => (kind === "legal" ? 13 : 15),
  bik: () => 9,
  account: () => 20,
  corrAccount: () => 20,
};

export function isComplete(field: RequisiteField, value: string, kind: Kind): boolean {
  const length = field === "kpp" ? value.trim().length : digitsOf(value).length;
  return length >= FULL_LENGTH[field](kind);
}

/** A 12-digit INN belongs to a person or a sole trader, a 10-digit one to an organisation. */
export function kindForInn(inn: string, current: Kind): Kind {
  const digits = digitsOf(inn);
  if (!/^\d+$/.test(digits)) return current;
  if (digits.length === 10 && current !== "legal") return "legal";
  if (digits.length === 12 && current === "legal") return "entrepreneur";
  return current;
}

/** What the duplicate check looks at changed (or the company is new): ask before saving. */
export function identityChanged(company: Company | null, body: CompanyCreate): boolean {
  if (!company) return true;
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  return !(
    same(company.inn, body.inn) &&
    same(company.ogrn, body.ogrn) &&
    same(company.name, body.name) &&
    same(company.city, body.city) &&
    same(company.phones, body.phones) &&
    same(company.emails, body.emails)
  );
}

/** Only what was changed goes into PATCH, so a colleague's edit of another field is kept. */
export function changesOf(company: Company, body: CompanyCreate): Partial<CompanyCreate> {
  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    const before = (company as Record<string, unknown>)[key];
    if (value === undefined) continue;
    if (JSON.stringify(before ?? null) !== JSON.stringify(value ?? null)) changes[key] = value;
  }
  return changes as Partial<CompanyCreate>;
}
