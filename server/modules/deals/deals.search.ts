import { sql } from "drizzle-orm";
import { deals } from "../../db/schema/index";
import type { Actor } from "../../platform/actor";
import type { Reach } from "../../platform/permissions";
import { escapeLike } from "../companies/companies.filters";
import {
  branchCollector,
  RANK_WINDOW,
  type SearchProvider,
  type SearchTerms,
  visibleRows,
} from "../search/search.types";

/** The expression of deals_title_trgm_idx, written the same way so the index serves it. */
const titleExpr = sql`lower(${deals.title})`;

/**
 * Deals in the search box, by title: a part of the title (tier 2) or a near spelling (tier 3),
 * both on the trigram index of the title. Visibility is the deal's own owner; the service shows
 * the company's name under the title.
 */
export const dealSearch: SearchProvider = {
  type: "deal",
  resource: "deals",
  branches(actor: Actor, reach: Reach, terms: SearchTerms, limit: number) {
    const shape = {
      type: "deal" as const,
      table: deals,
      title: sql`${deals.title}`,
      detail: sql`null`,
      companyId: deals.companyId,
    };
    const { branches, one } = branchCollector(shape, visibleRows(actor, reach, deals), limit);
    if (terms.fuzzy) {
      one("text", sql`${titleExpr} like ${`%${escapeLike(terms.fuzzy)}%`}`, sql`2`, sql`1`, RANK_WINDOW);
      if (terms.fuzzy.length >= 3) {
        const similarity = sql`word_similarity(${terms.fuzzy}, ${titleExpr})`;
        one("fuzzy", sql`${titleExpr} %> ${terms.fuzzy}`, sql`3`, similarity, RANK_WINDOW);
      }
    }
    return branches;
  },
};
