import {
  type AnyColumn,
  and,
  arrayOverlaps,
  eq,
  inArray,
  isNotNull,
  isNull,
  lt,
  or,
  type SQL,
  sql,
} from "drizzle-orm";
import type { CompanyListQuery } from "../../../contracts/companies";
import { companies } from "../../db/schema/index";
import type { Actor } from "../../platform/actor";
import type { Reach } from "../../platform/permissions";
import { visibleOwnerIds } from "../../platform/policy";

/**
 * The WHERE clause of a company list for an actor: visibility first, then the filters. The
 * list, the exports and the counts all use this, so none of them can show more than another.
 */
export function companyFilterWhere(actor: Actor, reach: Reach, query: Partial<CompanyListQuery>): SQL {
  const owners = visibleOwnerIds(actor, reach);
  const requestedOwners = query.ownerId?.length ? query.ownerId : null;
  const ownerFilter = owners
    ? inArray(
        companies.ownerId,
        requestedOwners ? requestedOwners.filter((id) => owners.includes(id)) : [...owners],
      )
    : requestedOwners
      ? inArray(companies.ownerId, requestedOwners)
      : undefined;
  const where: (SQL | undefined)[] = [
    eq(companies.workspaceId, actor.workspaceId),
    query.deleted === "only"
      ? isNotNull(companies.deletedAt)
      : query.deleted === "include"
        ? undefined
        : isNull(companies.deletedAt),
    ownerFilter,
    query.status?.length ? inArray(companies.status, query.status) : undefined,
    query.segment?.length ? inArray(companies.segment, query.segment) : undefined,
    query.industry?.length ? inArray(companies.industry, query.industry) : undefined,
    query.region?.length ? inArray(companies.region, query.region) : undefined,
    query.city?.length ? inArray(companies.city, query.city) : undefined,
    query.tag?.length ? arrayOverlaps(companies.tags, query.tag) : undefined,
    query.noContactSince
      ? or(isNull(companies.lastContactAt), lt(companies.lastContactAt, query.noContactSince))
      : undefined,
    companyTextFilter(query.q),
  ];
  // An owner filter outside the actor's reach yields nothing, never someone else's rows.
  if (owners && requestedOwners?.every((id) => !owners.includes(id))) where.push(sql`false`);
  return and(...where) ?? sql`true`;
}

export const escapeLike = (s: string) => s.replace(/[\\%_]/g, "\\$&");

/**
 * Digit strings that start with `prefix`, as a range the column's btree serves under any
 * collation (LIKE 'prefix%' needs the C collation for that): from the prefix to the next one
 * ("779" → "78"); a prefix of nines has no next.
 */
function digitPrefix(column: AnyColumn, prefix: string): SQL {
  const kept = prefix.replace(/9+$/, "");
  if (!kept) return sql`${column} >= ${prefix}`;
  const next = kept.slice(0, -1) + String(Number(kept.at(-1)) + 1);
  return sql`(${column} >= ${prefix} and ${column} < ${next})`;
}

/**
 * `q` of the list: a part of the name, a near spelling of it (trigram word similarity, so
 * «ромашко» finds «ООО «Ромашка»»), or the first digits of the INN. Each arm is served by an
 * index (companies_name_trgm_idx; the INN's btree, companies_inn_idx).
 */
export function companyTextFilter(q: string | undefined): SQL | undefined {
  const text = q?.trim().toLowerCase();
  if (!text) return undefined;
  const name = sql`lower(${companies.name})`;
  const arms: SQL[] = [sql`${name} like ${`%${escapeLike(text)}%`}`];
  if (text.length >= 3) arms.push(sql`${name} %> ${text}`);
  const digits = text.replace(/[\s-]/g, "");
  if (/^\d{3,12}$/.test(digits)) arms.push(digitPrefix(companies.inn, digits));
  return or(...arms);
}
