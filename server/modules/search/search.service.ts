import { type SQL, sql } from "drizzle-orm";
import type { SearchHit } from "../../../contracts/search";
import { companies, companyReliability } from "../../db/schema/index";
import type { Actor } from "../../platform/actor";
import type { Db } from "../../platform/db/client";
import { AppError } from "../../platform/errors";
import { reachOf } from "../../platform/permissions";
import { authorize } from "../../platform/policy";
import { companySearch } from "../companies/companies.search";
import { contactSearch } from "../contacts/contacts.search";
import { dealSearch } from "../deals/deals.search";
import { shownGrade } from "../reliability/reliability.repo";
import {
  parseSearch,
  type SearchBranch,
  type SearchProvider,
  type SearchTerms,
  typoQuery,
  withIndexLookups,
} from "./search.types";

/** Everything the box can find. */
const providers: readonly SearchProvider[] = [companySearch, contactSearch, dealSearch];

type Row = {
  type: SearchHit["type"];
  id: string;
  title: string;
  detail: string | null;
  company_id: string | null;
  company_name: string | null;
  matched_by: SearchHit["matchedBy"];
  grade: SearchHit["grade"];
};

const unionAll = (branches: readonly SearchBranch[]): SQL =>
  sql.join(
    branches.map((b) => b.select),
    sql` union all `,
  );

/**
 * All branches of all providers as one statement (a round trip per branch cost more than most
 * branches). Near spellings, the costliest branches (vocabulary lookups, the deals' trigram
 * recheck), run only when the sure ones found fewer than `limit` hits: the count is a one-time
 * filter, so PostgreSQL does not even start them otherwise. A hit found by several branches is kept once, by its best match;
 * hits rank exact identifiers first, then parts of identifiers, then words, then near spellings.
 * Only the page's hits are joined to their company (the name under a contact or a deal) and to
 * its reliability grade.
 */
function searchStatement(
  actor: Actor,
  terms: SearchTerms,
  branches: readonly SearchBranch[],
  limit: number,
): SQL {
  const sure = branches.filter((b) => !b.near);
  const near = branches.filter((b) => b.near);
  const empty = sql`select null::text as type, null::uuid as id, null::text as title, null::text as detail,
    null::uuid as company_id, null::int as tier, null::float8 as score, null::text as matched_by where false`;
  const typo = terms.typo ? sql`typo as (select ${typoQuery(actor.workspaceId, terms.typo)} as q),` : sql``;
  return sql`
    with ${typo} sure as (${sure.length ? unionAll(sure) : empty}),
    near as (${
      near.length
        ? sql`select * from (${unionAll(near)}) n where (select count(distinct (type, id)) from sure) < ${limit}`
        : empty
    }),
    best as (
      select distinct on (type, id) * from (select * from sure union all select * from near) h
      order by type, id, tier, score desc
    )
    select b.type, b.id, b.title, b.detail, b.company_id, b.matched_by,
      case when b.type <> 'company' then ${companies.name} end as company_name, ${shownGrade} as grade
    from (select * from best order by tier, score desc, title collate ru_icu limit ${limit}) b
    left join ${companies} on ${companies.workspaceId} = ${actor.workspaceId} and ${companies.id} = b.company_id
    left join ${companyReliability} on ${companyReliability.workspaceId} = ${actor.workspaceId}
      and ${companyReliability.companyId} = b.company_id
    order by b.tier, b.score desc, b.title collate ru_icu`;
}

/** The search box over every provider the caller may read. */
export async function searchEverything(
  db: Db,
  actor: Actor,
  query: { q: string; limit: number; types?: string },
): Promise<{ items: SearchHit[] }> {
  const wanted = query.types
    ?.split(",")
    .map((t) => t.trim())
    .filter(Boolean);
  const asked = wanted?.length ? providers.filter((p) => wanted.includes(p.type)) : providers;
  // Types with no provider simply find nothing.
  if (!asked.length) return { items: [] };
  const allowed = asked.filter((p) => reachOf(p.resource, "read", actor.role) !== null);
  // A role that may read none of what it asked for (a `department` user) is refused outright.
  if (!allowed.length) throw AppError.forbidden();
  const terms = parseSearch(query.q);
  const branches = allowed.flatMap((p) =>
    p.branches(actor, authorize(actor, p.resource, "read"), terms, query.limit),
  );
  if (!branches.length) return { items: [] };
  const rows = await withIndexLookups(
    db,
    async (tx) => (await tx.execute<Row>(searchStatement(actor, terms, branches, query.limit))).rows,
  );
  return {
    items: rows.map((r) => ({
      type: r.type,
      id: r.id,
      title: r.title,
      subtitle:
        (r.type === "company" ? r.detail : [r.detail, r.company_name].filter(Boolean).join(" · ")) || null,
      companyId: r.company_id,
      matchedBy: r.matched_by,
      grade: r.grade,
    })),
  };
}
