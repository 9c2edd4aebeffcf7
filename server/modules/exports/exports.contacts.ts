import { and, eq, inArray, isNotNull, isNull, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Locale } from "../../../contracts/common";
import { type ContactListQuery, ContactSortKeys } from "../../../contracts/contacts";
import { companies, contacts } from "../../db/schema/index";
import type { Actor } from "../../platform/actor";
import type { Db } from "../../platform/db/client";
import { afterCursor, encodeCursor, orderBy, parseSort } from "../../platform/pagination";
import type { Reach } from "../../platform/permissions";
import { visibleOwnerIds } from "../../platform/policy";
import type { Cell } from "./exports.format";

/**
 * Contacts export: visibility by owner (contacts follow their company's owner), the list's
 * filters, keyset batches; company names fetched per batch with one IN query.
 */

type Row = typeof contacts.$inferSelect;

const sortable: Record<(typeof ContactSortKeys)[number], SQL | AnyPgColumn> = {
  lastName: sql`${contacts.lastName} collate ru_icu`,
  createdAt: contacts.createdAt,
  updatedAt: contacts.updatedAt,
};

export function contactFilterWhere(actor: Actor, reach: Reach, query: Partial<ContactListQuery>): SQL {
  const owners = visibleOwnerIds(actor, reach);
  const q = query.q?.trim().toLowerCase();
  return (
    and(
      eq(contacts.workspaceId, actor.workspaceId),
      owners ? inArray(contacts.ownerId, [...owners]) : undefined,
      query.deleted === "only"
        ? isNotNull(contacts.deletedAt)
        : query.deleted === "include"
          ? undefined
          : isNull(contacts.deletedAt),
      query.companyId ? eq(contacts.companyId, query.companyId) : undefined,
      q
        ? sql`lower(${contacts.lastName} || ' ' || coalesce(${contacts.firstName}, '')) like ${`%${q.replace(/[\\%_]/g, "\\$&")}%`}`
        : undefined,
    ) ?? sql`true`
  );
}

export async function* contactExportBatches(
  db: Db,
  actor: Actor,
  reach: Reach,
  query: Partial<ContactListQuery>,
  batchSize = 1000,
): AsyncGenerator<{ rows: Row[]; companyNames: Map<string, { name: string; inn: string | null }> }> {
  const sort = parseSort(query.sort, ContactSortKeys, "lastName");
  const key = sort.key as keyof typeof sortable;
  const expr = sortable[key];
  const where = contactFilterWhere(actor, reach, query);
  let cursor: string | undefined;
  while (true) {
    const rows = await db
      .select()
      .from(contacts)
      .where(and(where, afterCursor(expr, contacts.id, sort.desc, cursor)))
      .orderBy(...orderBy(expr, contacts.id, sort.desc))
      .limit(batchSize);
    const ids = [...new Set(rows.flatMap((r) => (r.companyId ? [r.companyId] : [])))];
    const found = ids.length
      ? await db
          .select({ id: companies.id, name: companies.name, inn: companies.inn })
          .from(companies)
          .where(and(eq(companies.workspaceId, actor.workspaceId), inArray(companies.id, ids)))
      : [];
    if (rows.length) yield { rows, companyNames: new Map(found.map((c) => [c.id, c])) };
    if (rows.length < batchSize) return;
    const last = rows[rows.length - 1]!;
    cursor = encodeCursor(last[key], last.id);
  }
}

const consentLabels = {
  ru: { granted: "Да", withdrawn: "Отозвано", unknown: "" },
  en: { granted: "yes", withdrawn: "withdrawn", unknown: "" },
} as const;

export function contactExportTitles(locale: Locale): string[] {
  return locale === "ru"
    ? [
        "Фамилия",
        "Имя",
        "Отчество",
        "Должность",
        "Компания",
        "ИНН компании",
        "Телефоны",
        "Email",
        "Согласие на рассылку",
        "Примечание",
      ]
    : [
        "Last name",
        "First name",
        "Middle name",
        "Position",
        "Company",
        "Company INN",
        "Phones",
        "Emails",
        "Marketing consent",
        "Notes",
      ];
}

export function contactExportRow(
  row: Row,
  companyNames: Map<string, { name: string; inn: string | null }>,
  locale: Locale,
): Cell[] {
  const company = row.companyId ? companyNames.get(row.companyId) : undefined;
  return [
    row.lastName,
    row.firstName,
    row.middleName,
    row.position,
    company?.name ?? null,
    company?.inn ?? null,
    row.phones.join(", "),
    row.emails.join(", "),
    consentLabels[locale][row.consentMarketing],
    row.notes,
  ];
}
