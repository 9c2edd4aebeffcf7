import { and, arrayContains, eq, sql } from "drizzle-orm";
import type { SearchHit } from "../../../contracts/search";
import { companies } from "../../db/schema/index";
import type { Actor } from "../../platform/actor";
import type { Db } from "../../platform/db/client";
import type { Reach } from "../../platform/permissions";
import {
  branchCollector,
  RANK_WINDOW,
  type RankedHit,
  type SearchProvider,
  type SearchTerms,
  type Tier,
  visibleRows,
} from "../search/search.types";

type Row = { id: string; name: string; inn: string | null; city: string | null; score: number; tier: number };

function hitOf(row: Row, matchedBy: SearchHit["matchedBy"]): RankedHit {
  return {
    hit: {
      type: "company",
      id: row.id,
      title: row.name,
      subtitle: [row.inn, row.city].filter(Boolean).join(" · ") || null,
      // A company hit points at its own card; contacts and deals point at theirs.
      companyId: row.id,
      matchedBy,
    },
    tier: row.tier as Tier,
    score: Number(row.score),
  };
}

/**
 * The companies in the search box. Every branch is one index: INN/OGRN btrees for exact
 * identifiers, the trigram index on `inn` for a part of it, on `phone_search` for phone digits,
 * the GIN on `emails`, the full-text index on `search_vector` for word forms, the trigram index
 * on lower(name) for typos. A branch reads at most `limit` rows (RANK_WINDOW when its rows are
 * ranked by relevance afterwards), so a common word costs the same on 1,000 or 1,000,000 rows.
 */
export const companySearch: SearchProvider = {
  type: "company",
  resource: "companies",
  async search(db: Db, actor: Actor, reach: Reach, terms: SearchTerms, limit: number) {
    const visible = visibleRows(actor, reach, companies);
    const { branches, one } = branchCollector(limit);
    if (terms.inn) {
      if (terms.inn.length === 10 || terms.inn.length === 12)
        one("inn", eq(companies.inn, terms.inn), sql`0`);
      one("inn", sql`${companies.inn} like ${`%${terms.inn}%`}`, sql`1`);
    }
    if (terms.ogrn) one("ogrn", eq(companies.ogrn, terms.ogrn), sql`0`);
    if (terms.phone) {
      const whole = sql`case when ${companies.phoneSearch} like ${`% ${terms.phone} %`} then 0 else 1 end`;
      one("phone", sql`${companies.phoneSearch} like ${`%${terms.phone}%`}`, whole);
    }
    if (terms.email) one("email", arrayContains(companies.emails, [terms.email]), sql`0`);
    if (terms.words) {
      const query = sql`websearch_to_tsquery('russian', ${terms.words})`;
      const rank = sql`ts_rank(${companies.searchVector}, ${query})`;
      one("text", sql`${companies.searchVector} @@ ${query}`, sql`2`, rank, RANK_WINDOW);
    }
    if (terms.fuzzy && terms.fuzzy.length >= 3) {
      const name = sql`lower(${companies.name})`;
      const similarity = sql`word_similarity(${terms.fuzzy}, ${name})`;
      one("fuzzy", sql`${name} %> ${terms.fuzzy}`, sql`3`, similarity, RANK_WINDOW);
    }
    const hits: RankedHit[] = [];
    // One after another on the caller's transaction (see search.service).
    for (const b of branches) {
      // Near spellings are the costliest branch (trigram recheck): only a fallback when the
      // exact and word-form branches have not already filled the page.
      if (b.matchedBy === "fuzzy" && hits.length >= limit) continue;
      const rows = await db
        .select({
          id: companies.id,
          name: companies.name,
          inn: companies.inn,
          city: companies.city,
          score: sql<number>`(${b.score})::float8`,
          tier: sql<number>`(${b.tier})::int`,
        })
        .from(companies)
        .where(and(visible, b.where))
        .limit(b.size);
      hits.push(...rows.map((r) => hitOf(r, b.matchedBy)));
    }
    return hits;
  },
};
