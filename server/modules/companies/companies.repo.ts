import { and, asc, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn, PgUpdateSetSource } from "drizzle-orm/pg-core";
import { Company, CompanySortKeys } from "../../../contracts/companies";
import { companies, companyColumns, companyReliability, users } from "../../db/schema/index";
import type { Db } from "../../platform/db/client";
import { JsonPage, jsonItem } from "../../platform/json-items";
import { afterCursor, encodeCursor, orderBy, page, parseSort } from "../../platform/pagination";
import { shownGrade } from "../reliability/reliability.repo";
import type { CompanyRow } from "./companies.presenter";

export type CompanyInsert = typeof companies.$inferInsert;
/** Plain column values (no SQL), usable in an insert and in an update. */
export type CompanyValues = Partial<Omit<CompanyInsert, "id" | "workspaceId">>;
/** Column values of an update; a value may be SQL (now(), version + 1). */
export type CompanySet = PgUpdateSetSource<typeof companies>;

export async function findCompany(db: Db, workspaceId: string, id: string): Promise<CompanyRow | undefined> {
  const [row] = await db
    .select(companyColumns)
    .from(companies)
    .where(and(eq(companies.workspaceId, workspaceId), eq(companies.id, id)))
    .limit(1);
  return row;
}

/** Locks rows for a write, always in id order so two bulk writes cannot deadlock each other. */
export async function lockCompanies(
  db: Db,
  workspaceId: string,
  ids: readonly string[],
): Promise<CompanyRow[]> {
  if (!ids.length) return [];
  return db
    .select(companyColumns)
    .from(companies)
    .where(and(eq(companies.workspaceId, workspaceId), inArray(companies.id, [...ids])))
    .orderBy(asc(companies.id))
    .for("update");
}

export async function insertCompany(db: Db, values: CompanyInsert): Promise<CompanyRow> {
  const [row] = await db.insert(companies).values(values).returning(companyColumns);
  return row!;
}

export async function updateCompany(db: Db, id: string, set: CompanySet): Promise<CompanyRow> {
  const [row] = await db
    .update(companies)
    .set({ ...set, updatedAt: sql`now()` })
    .where(eq(companies.id, id))
    .returning(companyColumns);
  return row!;
}

/** Sets a new owner on many companies at once; returns the rows as they are now. */
export async function setCompanyOwner(
  db: Db,
  workspaceId: string,
  ids: readonly string[],
  ownerId: string,
): Promise<CompanyRow[]> {
  if (!ids.length) return [];
  return db
    .update(companies)
    .set({ ownerId, version: sql`${companies.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(companies.workspaceId, workspaceId), inArray(companies.id, [...ids])))
    .returning(companyColumns);
}

const sortable: Record<(typeof CompanySortKeys)[number], SQL | AnyPgColumn> = {
  name: sql`${companies.name} collate ru_icu`,
  createdAt: companies.createdAt,
  updatedAt: companies.updatedAt,
  lastContactAt: companies.lastContactAt,
  inn: companies.inn,
};

/** A list item: the Company contract with the reliability grade, written by the database. */
const listItem = jsonItem(Company, companies, { reliabilityGrade: shownGrade });

/** One page of companies matching `where` (visibility and filters come from companies.filters). */
export async function listCompanies(
  db: Db,
  where: SQL,
  paging: { limit: number; cursor?: string; sort?: string },
): Promise<JsonPage> {
  const sort = parseSort(paging.sort, CompanySortKeys, "name");
  const key = sort.key as (typeof CompanySortKeys)[number];
  const expr = sortable[key];
  // The grade comes with the page (one statement, not a second round trip for 50 ids).
  const rows = await db
    .select({ item: listItem, id: companies.id, sortValue: companies[key] })
    .from(companies)
    .leftJoin(
      companyReliability,
      and(
        eq(companyReliability.workspaceId, companies.workspaceId),
        eq(companyReliability.companyId, companies.id),
      ),
    )
    .where(and(where, afterCursor(expr, companies.id, sort.desc, paging.cursor)))
    .orderBy(...orderBy(expr, companies.id, sort.desc))
    .limit(paging.limit + 1);
  const result = page(rows, paging.limit, (row) => encodeCursor(row.sortValue, row.id));
  return new JsonPage(
    result.items.map((row) => row.item),
    result.nextCursor,
  );
}

export type OwnerInfo = { id: string; fullName: string; active: boolean; deleted: boolean };

/** Owners are users: checked on assignment, named in duplicate warnings. */
export async function findOwners(db: Db, workspaceId: string, ids: readonly string[]): Promise<OwnerInfo[]> {
  if (!ids.length) return [];
  const rows = await db
    .select({ id: users.id, fullName: users.fullName, active: users.active, deletedAt: users.deletedAt })
    .from(users)
    .where(and(eq(users.workspaceId, workspaceId), inArray(users.id, [...new Set(ids)])));
  return rows.map((r) => ({
    id: r.id,
    fullName: r.fullName,
    active: r.active,
    deleted: r.deletedAt !== null,
  }));
}

/** Companies merged into `targetId`, and into those, and so on (companies_merged_idx). */
export async function mergedSourceIds(db: Db, workspaceId: string, targetId: string): Promise<string[]> {
  const result = await db.execute<{ id: string }>(sql`
    with recursive merged(id, depth) as (
      select id, 1 from companies where workspace_id = ${workspaceId} and merged_into_id = ${targetId}
      union
      select c.id, m.depth + 1 from companies c join merged m on c.merged_into_id = m.id
      where c.workspace_id = ${workspaceId} and m.depth < 20
    )
    select distinct id from merged`);
  return result.rows.map((r) => r.id);
}

/** Live companies among `ids`: the contacts module checks a company before linking to it. */
export async function liveCompanyIds(db: Db, workspaceId: string, ids: readonly string[]): Promise<string[]> {
  if (!ids.length) return [];
  const rows = await db
    .select({ id: companies.id })
    .from(companies)
    .where(
      and(
        eq(companies.workspaceId, workspaceId),
        inArray(companies.id, [...ids]),
        isNull(companies.deletedAt),
      ),
    );
  return rows.map((r) => r.id);
}
