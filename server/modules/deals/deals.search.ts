import { and, eq, inArray, sql } from "drizzle-orm";
import { companies, deals } from "../../db/schema/index";
import type { Actor } from "../../platform/actor";
import type { Db } from "../../platform/db/client";
import type { Reach } from "../../platform/permissions";
import { escapeLike } from "../companies/companies.filters";
import {
  branchCollector,
  RANK_WINDOW,
  type RankedHit,
  type SearchProvider,
  type SearchTerms,
  type Tier,
  visibleRows,
} from "../search/search.types";

/** The expression of deals_title_trgm_idx, written the same way so the index serves it. */
const titleExpr = sql`lower(${deals.title})`;

/**
 * Deals in the search box, by title: a part of the title (tier 2) or a near spelling (tier 3),
 * both on the trigram index of the title. Visibility is the deal's own owner.
 */
export const dealSearch: SearchProvider = {
  type: "deal",
  resource: "deals",
  async search(db: Db, actor: Actor, reach: Reach, terms: SearchTerms, limit: number) {
    const visible = visibleRows(actor, reach, deals);
    const { branches, one } = branchCollector(limit);
    if (terms.fuzzy) {
      one("text", sql`${titleExpr} like ${`%${escapeLike(terms.fuzzy)}%`}`, sql`2`, sql`1`, RANK_WINDOW);
      if (terms.fuzzy.length >= 3) {
        const similarity = sql`word_similarity(${terms.fuzzy}, ${titleExpr})`;
        one("fuzzy", sql`${titleExpr} %> ${terms.fuzzy}`, sql`3`, similarity, RANK_WINDOW);
      }
    }
    const found: RankedHit[] = [];
    for (const b of branches) {
      if (b.matchedBy === "fuzzy" && found.length >= limit) continue;
      const rows = await db
        .select({
          id: deals.id,
          title: deals.title,
          companyId: deals.companyId,
          score: sql<number>`(${b.score})::float8`,
          tier: sql<number>`(${b.tier})::int`,
        })
        .from(deals)
        .where(and(visible, b.where))
        .limit(b.size);
      const ids = [...new Set(rows.map((r) => r.companyId))];
      // One query for the company names shown under the titles (no N+1).
      const names = new Map(
        ids.length
          ? (
              await db
                .select({ id: companies.id, name: companies.name })
                .from(companies)
                .where(and(eq(companies.workspaceId, actor.workspaceId), inArray(companies.id, ids)))
            ).map((c) => [c.id, c.name])
          : [],
      );
      for (const r of rows)
        found.push({
          hit: {
            type: "deal",
            id: r.id,
            title: r.title,
            subtitle: names.get(r.companyId) ?? null,
            companyId: r.companyId,
            matchedBy: b.matchedBy,
          },
          tier: r.tier as Tier,
          score: Number(r.score),
        });
    }
    return found;
  },
};
