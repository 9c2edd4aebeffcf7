import { and, arrayContains, eq, inArray, isNotNull, isNull, or, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn, PgUpdateSetSource } from "drizzle-orm/pg-core";
import { type ContactListQuery, ContactSortKeys } from "../../../contracts/contacts";
import { phoneSearchDigits } from "../../../core/phone";
import { contactColumns, contacts } from "../../db/schema/index";
import type { Actor } from "../../platform/actor";
import type { Db } from "../../platform/db/client";
import { afterCursor, encodeCursor, orderBy, page, parseSort } from "../../platform/pagination";
import type { Reach } from "../../platform/permissions";
import { visibleOwnerIds } from "../../platform/policy";
import { escapeLike } from "../companies/companies.filters";
import { phoneDigitsMayMatch } from "../search/search.digits";
import type { ContactRow } from "./contacts.presenter";

export type ContactInsert = typeof contacts.$inferInsert;
/** Plain column values (no SQL), usable in an insert and in an update. */
export type ContactValues = Partial<Omit<ContactInsert, "id" | "workspaceId">>;
/** Column values of an update; a value may be SQL (now(), version + 1). */
export type ContactSet = PgUpdateSetSource<typeof contacts>;

/** The expression of contacts_name_trgm_idx, written the same way so the index serves it. */
export const contactNameExpr = sql`lower(${contacts.lastName} || ' ' || coalesce(${contacts.firstName}, ''))`;

export async function findContact(db: Db, workspaceId: string, id: string): Promise<ContactRow | undefined> {
  const [row] = await db
    .select(contactColumns)
    .from(contacts)
    .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.id, id)))
    .limit(1);
  return row;
}

export async function lockContact(db: Db, workspaceId: string, id: string): Promise<ContactRow | undefined> {
  const [row] = await db
    .select(contactColumns)
    .from(contacts)
    .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.id, id)))
    .for("update");
  return row;
}

export async function insertContact(db: Db, values: ContactInsert): Promise<ContactRow> {
  const [row] = await db.insert(contacts).values(values).returning(contactColumns);
  return row!;
}

export async function updateContact(db: Db, id: string, set: ContactSet): Promise<ContactRow> {
  const [row] = await db
    .update(contacts)
    .set({ ...set, updatedAt: sql`now()` })
    .where(eq(contacts.id, id))
    .returning(contactColumns);
  return row!;
}

/** Visibility (the denormalised owner) first, then the filters. */
export function contactFilterWhere(actor: Actor, reach: Reach, query: Partial<ContactListQuery>): SQL {
  const owners = visibleOwnerIds(actor, reach);
  const where: (SQL | undefined)[] = [
    eq(contacts.workspaceId, actor.workspaceId),
    query.deleted === "only"
      ? isNotNull(contacts.deletedAt)
      : query.deleted === "include"
        ? undefined
        : isNull(contacts.deletedAt),
    owners ? inArray(contacts.ownerId, [...owners]) : undefined,
    query.companyId ? eq(contacts.companyId, query.companyId) : undefined,
    contactTextFilter(query.q),
  ];
  return and(...where) ?? sql`true`;
}

/** `q` of the list: a part or a near spelling of the name, an e-mail, or phone digits. */
function contactTextFilter(q: string | undefined): SQL | undefined {
  const text = q?.trim().toLowerCase();
  if (!text) return undefined;
  const arms: SQL[] = [sql`${contactNameExpr} like ${`%${escapeLike(text)}%`}`];
  if (text.length >= 3) arms.push(sql`${contactNameExpr} %> ${text}`);
  if (text.includes("@")) arms.push(arrayContains(contacts.emails, [text]));
  const digits = phoneSearchDigits(text);
  if (/^[\d\s()+-]+$/.test(text) && digits.length >= 5) {
    arms.push(
      sql`(${phoneDigitsMayMatch(contacts.digitGrams, digits)} and ${contacts.phoneSearch} like ${`%${digits}%`})`,
    );
  }
  return or(...arms);
}

const sortable: Record<(typeof ContactSortKeys)[number], SQL | AnyPgColumn> = {
  lastName: sql`${contacts.lastName} collate ru_icu`,
  createdAt: contacts.createdAt,
  updatedAt: contacts.updatedAt,
};

export async function listContacts(
  db: Db,
  where: SQL,
  paging: { limit: number; cursor?: string; sort?: string },
): Promise<{ items: ContactRow[]; nextCursor: string | null }> {
  const sort = parseSort(paging.sort, ContactSortKeys, "lastName");
  const key = sort.key as (typeof ContactSortKeys)[number];
  const expr = sortable[key];
  const rows = await db
    .select(contactColumns)
    .from(contacts)
    .where(and(where, afterCursor(expr, contacts.id, sort.desc, paging.cursor)))
    .orderBy(...orderBy(expr, contacts.id, sort.desc))
    .limit(paging.limit + 1);
  return page(rows, paging.limit, (row) => encodeCursor(row[key], row.id));
}

/** Contacts of these companies, deleted ones too (contacts_company_all_idx). */
export async function contactsOfCompanies(
  db: Db,
  workspaceId: string,
  companyIds: readonly string[],
): Promise<ContactRow[]> {
  if (!companyIds.length) return [];
  return db
    .select(contactColumns)
    .from(contacts)
    .where(and(eq(contacts.workspaceId, workspaceId), inArray(contacts.companyId, [...companyIds])));
}

export async function moveContacts(
  db: Db,
  workspaceId: string,
  fromCompanyIds: readonly string[],
  to: { companyId: string; ownerId: string },
): Promise<ContactRow[]> {
  if (!fromCompanyIds.length) return [];
  return db
    .update(contacts)
    .set({
      companyId: to.companyId,
      ownerId: to.ownerId,
      version: sql`${contacts.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(contacts.workspaceId, workspaceId), inArray(contacts.companyId, [...fromCompanyIds])))
    .returning(contactColumns);
}

/** The denormalised owner follows the company's; it is not an edit of the contact (no version bump). */
export async function setContactsOwner(
  db: Db,
  workspaceId: string,
  companyIds: readonly string[],
  ownerId: string,
): Promise<void> {
  if (!companyIds.length) return;
  await db
    .update(contacts)
    .set({ ownerId })
    .where(and(eq(contacts.workspaceId, workspaceId), inArray(contacts.companyId, [...companyIds])));
}

/** Soft-deletes the live contacts of a company with the company's own deletion stamp. */
export async function deleteContactsOf(
  db: Db,
  workspaceId: string,
  companyId: string,
  stamp: { deletedAt: string; deletedBy: string | null },
): Promise<ContactRow[]> {
  return db
    .update(contacts)
    .set({ ...stamp, version: sql`${contacts.version} + 1`, updatedAt: sql`now()` })
    .where(
      and(
        eq(contacts.workspaceId, workspaceId),
        eq(contacts.companyId, companyId),
        isNull(contacts.deletedAt),
      ),
    )
    .returning(contactColumns);
}

/** Restores exactly the contacts deleted together with the company (same stamp). */
export async function restoreContactsOf(
  db: Db,
  workspaceId: string,
  companyId: string,
  deletedAt: string,
  ownerId: string,
): Promise<ContactRow[]> {
  return db
    .update(contacts)
    .set({
      deletedAt: null,
      deletedBy: null,
      ownerId,
      version: sql`${contacts.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(
      and(
        eq(contacts.workspaceId, workspaceId),
        eq(contacts.companyId, companyId),
        eq(contacts.deletedAt, deletedAt),
      ),
    )
    .returning(contactColumns);
}
