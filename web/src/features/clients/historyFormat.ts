import type { AuditEntry } from "../../../../contracts/audit";
import type { Locale } from "../../../../contracts/common";
import { i18n } from "../../i18n";
import { formatDate } from "./format";

/** Bookkeeping that says nothing to a person reading the history. */
const HIDDEN = new Set([
  "id",
  "createdAt",
  "updatedAt",
  "version",
  "workspaceId",
  "phoneSearch",
  "createdBy",
  "deletedBy",
]);

const NAME_PARTS = new Set(["lastName", "firstName", "middleName"]);
const NONE = new Set<string>();

const CONTACT_LABELS: Record<string, string> = {
  lastName: "contacts.form.lastName",
  firstName: "contacts.form.firstName",
  middleName: "contacts.form.middleName",
  position: "contacts.form.position",
  consent: "contacts.consent",
  fullName: "contacts.name",
  companyId: "company.history.company",
};

export type Change = { field: string; label: string; from: string; to: string };

export type Resolve = {
  userName: (id: string) => string;
  /** A company id in a change (a contact's company, a merge target) as a name. */
  companyName: (id: string) => string;
  locale: Locale;
  timeZone: string;
};

export function fieldLabel(field: string, entity: string): string {
  const t = i18n.t as (key: string) => string;
  if (entity === "contact" && CONTACT_LABELS[field] && i18n.exists(CONTACT_LABELS[field]!))
    return t(CONTACT_LABELS[field]!);
  const key = `company.fields.${field}`;
  return i18n.exists(key) ? t(key) : field;
}

const ISO_LIKE = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}/;

/** A stored value as a person reads it: names instead of ids, words instead of codes. */
export function formatValue(field: string, value: unknown, resolve: Resolve): string {
  const t = i18n.t as (key: string) => string;
  if (value === null || value === undefined || value === "") return "—";
  if (Array.isArray(value)) {
    if (!value.length) return "—";
    return value
      .map((item) =>
        typeof item === "object" && item !== null && "name" in item
          ? String(item.name)
          : formatValue(field, item, resolve),
      )
      .join(", ");
  }
  if (typeof value === "boolean") return t(value ? "company.history.yes" : "company.history.no");
  if (field === "ownerId" && typeof value === "string") return resolve.userName(value);
  if ((field === "companyId" || field === "mergedIntoId") && typeof value === "string")
    return resolve.companyName(value);
  if (field === "status" && typeof value === "string" && i18n.exists(`company.status.${value}`))
    return t(`company.status.${value}`);
  if (field === "kind" && typeof value === "string" && i18n.exists(`company.kind.${value}`))
    return t(`company.kind.${value}`);
  if (field === "consent" && typeof value === "object" && "status" in value) {
    const status = String((value as { status: unknown }).status);
    return i18n.exists(`contacts.consentStatus.${status}`) ? t(`contacts.consentStatus.${status}`) : status;
  }
  if (typeof value === "string" && ISO_LIKE.test(value))
    return formatDate(value, resolve.locale, resolve.timeZone);
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** The changed fields of one audit entry, in a stable, readable order. */
export function changesOf(entry: AuditEntry, resolve: Resolve): Change[] {
  if (!entry.changes) return [];
  // A contact's full name says what its three parts say, in one line.
  const parts = entry.entity === "contact" && "fullName" in entry.changes ? NAME_PARTS : NONE;
  return Object.entries(entry.changes)
    .filter(
      ([field, change]) =>
        !HIDDEN.has(field) && !parts.has(field) && !(entry.action === "create" && isEmpty(change.to)),
    )
    .map(([field, change]) => ({
      field,
      label: fieldLabel(field, entry.entity),
      from: formatValue(field, change.from, resolve),
      to: formatValue(field, change.to, resolve),
    }));
}

function isEmpty(value: unknown): boolean {
  return (
    value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0)
  );
}

export function actionLabel(action: string): string {
  const key = `company.history.actions.${action}`;
  return i18n.exists(key) ? (i18n.t as (k: string) => string)(key) : action;
}

export function entityLabel(entity: string): string {
  const key = `company.history.entities.${entity}`;
  return i18n.exists(key) ? (i18n.t as (k: string) => string)(key) : entity;
}
