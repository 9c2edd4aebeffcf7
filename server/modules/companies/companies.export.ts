import { and, inArray, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Locale } from "../../../contracts/common";
import { type CompanyListQuery, CompanySortKeys } from "../../../contracts/companies";
import { companies, users } from "../../db/schema/index";
import type { Actor } from "../../platform/actor";
import type { Db } from "../../platform/db/client";
import { afterCursor, encodeCursor, orderBy, parseSort } from "../../platform/pagination";
import type { Reach } from "../../platform/permissions";
import type { Cell } from "../exports/exports.format";
import { companyFilterWhere } from "./companies.filters";

/**
 * What a company export contains. Rows come with `companyFilterWhere` — the list's own WHERE —
 * so an export never shows more than the list; they are read in keyset batches (each its own
 * short query: no transaction held open, which on PGlite would stop every other request).
 */

type Row = typeof companies.$inferSelect;

const sortable: Record<(typeof CompanySortKeys)[number], SQL | AnyPgColumn> = {
  name: sql`${companies.name} collate ru_icu`,
  createdAt: companies.createdAt,
  updatedAt: companies.updatedAt,
  lastContactAt: companies.lastContactAt,
  inn: companies.inn,
};

export async function* companyExportBatches(
  db: Db,
  actor: Actor,
  reach: Reach,
  query: Partial<CompanyListQuery>,
  batchSize = 1000,
): AsyncGenerator<Row[]> {
  const sort = parseSort(query.sort, CompanySortKeys, "name");
  const key = sort.key as keyof typeof sortable;
  const expr = sortable[key];
  const where = companyFilterWhere(actor, reach, query);
  let cursor: string | undefined;
  while (true) {
    const rows = await db
      .select()
      .from(companies)
      .where(and(where, afterCursor(expr, companies.id, sort.desc, cursor)))
      .orderBy(...orderBy(expr, companies.id, sort.desc))
      .limit(batchSize);
    if (rows.length) yield rows;
    if (rows.length < batchSize) return;
    const last = rows[rows.length - 1]!;
    cursor = encodeCursor(last[key], last.id);
  }
}

/** Owner names for a batch, cached across batches (one query per batch at most). */
export function ownerNames(db: Db, workspaceId: string) {
  const cache = new Map<string, string>();
  return async (ids: readonly string[]) => {
    const missing = [...new Set(ids)].filter((id) => !cache.has(id));
    if (missing.length) {
      const found = await db
        .select({ id: users.id, fullName: users.fullName })
        .from(users)
        .where(and(sql`${users.workspaceId} = ${workspaceId}`, inArray(users.id, missing)));
      for (const u of found) cache.set(u.id, u.fullName);
    }
    return cache;
  };
}

const labels = {
  kind: {
    ru: { legal: "Юрлицо", entrepreneur: "ИП", person: "Физлицо" },
    en: { legal: "legal", entrepreneur: "entrepreneur", person: "person" },
  },
  status: {
    ru: { prospect: "Потенциальный", client: "Клиент", former: "Бывший" },
    en: { prospect: "prospect", client: "client", former: "former" },
  },
} as const;

type Column = {
  ru: string;
  en: string;
  width?: number;
  value: (row: Row, owners: Map<string, string>, locale: Locale) => Cell;
};

const list = (values: readonly string[]) => values.join(", ");
const date = (value: string | null) => (value ? value.slice(0, 10) : null);

/** Titles match the import's header dictionary, so an export can be imported back. */
const columns: Column[] = [
  { ru: "Наименование", en: "Name", width: 40, value: (r) => r.name },
  { ru: "Полное наименование", en: "Full name", width: 40, value: (r) => r.fullName },
  { ru: "Тип", en: "Kind", value: (r, _, l) => labels.kind[l][r.kind] },
  { ru: "Статус", en: "Status", value: (r, _, l) => labels.status[l][r.status] },
  { ru: "ИНН", en: "INN", width: 14, value: (r) => r.inn },
  { ru: "КПП", en: "KPP", width: 12, value: (r) => r.kpp },
  { ru: "ОГРН", en: "OGRN", width: 16, value: (r) => r.ogrn },
  { ru: "БИК", en: "BIK", width: 12, value: (r) => r.bik },
  { ru: "Р/с", en: "Account", width: 24, value: (r) => r.account },
  { ru: "К/с", en: "Correspondent account", width: 24, value: (r) => r.corrAccount },
  { ru: "Банк", en: "Bank", width: 30, value: (r) => r.bankName },
  { ru: "Отрасль", en: "Industry", value: (r) => r.industry },
  { ru: "Регион", en: "Region", value: (r) => r.region },
  { ru: "Город", en: "City", value: (r) => r.city },
  { ru: "Сегмент", en: "Segment", value: (r) => r.segment },
  { ru: "Источник", en: "Source", value: (r) => r.source },
  { ru: "Ответственный", en: "Owner", width: 24, value: (r, o) => o.get(r.ownerId) ?? null },
  { ru: "Теги", en: "Tags", value: (r) => list(r.tags) },
  { ru: "Телефоны", en: "Phones", width: 24, value: (r) => list(r.phones) },
  { ru: "Email", en: "Emails", width: 28, value: (r) => list(r.emails) },
  { ru: "Сайт", en: "Website", value: (r) => r.website },
  { ru: "Адрес", en: "Address", width: 40, value: (r) => r.address },
  { ru: "Примечание", en: "Notes", width: 30, value: (r) => r.notes },
  { ru: "Последний контакт", en: "Last contact", width: 14, value: (r) => date(r.lastContactAt) },
  { ru: "Создана", en: "Created", width: 14, value: (r) => date(r.createdAt) },
];

export function companyExportTitles(locale: Locale): string[] {
  return columns.map((c) => c[locale]);
}

export const companyExportWidths = columns.map((c) => c.width ?? 18);

export function companyExportRow(row: Row, owners: Map<string, string>, locale: Locale): Cell[] {
  return columns.map((c) => c.value(row, owners, locale));
}
