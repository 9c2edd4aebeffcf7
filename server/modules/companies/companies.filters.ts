import { and, arrayOverlaps, eq, inArray, isNotNull, isNull, lt, or, type SQL, sql } from "drizzle-orm";
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
 * `q` of the list: a part of the name, a near spelling of it (trigram word similarity, so
 * «ромашко» finds «ООО «Ромашка»»), or the first digits of the INN. Each arm is served by a
 * trigram index (companies_name_trgm_idx, companies_inn_trgm_idx).
 */
export function companyTextFilter(q: string | undefined): SQL | undefined {
  const text = q?.trim().toLowerCase();
  if (!text) return undefined;
  const name = sql`lower(${companies.name})`;
  const arms: SQL[] = [sql`${name} like ${`%${escapeLike(text)}%`}`];
  if (text.length >= 3) arms.push(sql`${name} %> ${text}`);
  const digits = text.replace(/[\s-]/g, "");
  if (/^\d{3,12}$/.test(digits)) arms.push(sql`${companies.inn} like ${`${digits}%`}`);
  return or(...arms);
}
