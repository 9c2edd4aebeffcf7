import { and, arrayContains, eq, inArray, sql } from "drizzle-orm";
import type { SearchHit } from "../../../contracts/search";
import { companies, contacts } from "../../db/schema/index";
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
import { contactFullName } from "./contacts.presenter";
import { contactNameExpr } from "./contacts.repo";

type Row = {
  id: string;
  lastName: string;
  firstName: string | null;
  middleName: string | null;
  position: string | null;
  companyId: string | null;
  score: number;
  tier: number;
};

/**
 * The contacts in the search box: e-mail on the GIN of `emails`, phone digits on the trigram
 * index of `phone_search`, word forms on `search_vector`, typos on the trigram index of the name
 * (contacts_name_trgm_idx). Visibility is the denormalised owner, so no join is needed to filter.
 */
export const contactSearch: SearchProvider = {
  type: "contact",
  resource: "contacts",
  async search(db: Db, actor: Actor, reach: Reach, terms: SearchTerms, limit: number) {
    const visible = visibleRows(actor, reach, contacts);
    const { branches, one } = branchCollector(limit);
    if (terms.email) one("email", arrayContains(contacts.emails, [terms.email]), sql`0`);
    if (terms.phone) {
      const whole = sql`case when ${contacts.phoneSearch} like ${`% ${terms.phone} %`} then 0 else 1 end`;
      one("phone", sql`${contacts.phoneSearch} like ${`%${terms.phone}%`}`, whole);
    }
    if (terms.words) {
      const query = sql`websearch_to_tsquery('russian', ${terms.words})`;
      const rank = sql`ts_rank(${contacts.searchVector}, ${query})`;
      one("text", sql`${contacts.searchVector} @@ ${query}`, sql`2`, rank, RANK_WINDOW);
    }
    if (terms.fuzzy && terms.fuzzy.length >= 3) {
      const similarity = sql`word_similarity(${terms.fuzzy}, ${contactNameExpr})`;
      one("fuzzy", sql`${contactNameExpr} %> ${terms.fuzzy}`, sql`3`, similarity, RANK_WINDOW);
    }
    const found: { row: Row; matchedBy: SearchHit["matchedBy"] }[] = [];
    // One after another on the caller's transaction (see search.service).
    for (const b of branches) {
      // Near spellings are the costliest branch (trigram recheck): only a fallback when the
      // exact and word-form branches have not already filled the page.
      if (b.matchedBy === "fuzzy" && found.length >= limit) continue;
      const rows = await db
        .select({
          id: contacts.id,
          lastName: contacts.lastName,
          firstName: contacts.firstName,
          middleName: contacts.middleName,
          position: contacts.position,
          companyId: contacts.companyId,
          score: sql<number>`(${b.score})::float8`,
          tier: sql<number>`(${b.tier})::int`,
        })
        .from(contacts)
        .where(and(visible, b.where))
        .limit(b.size);
      found.push(...rows.map((row) => ({ row, matchedBy: b.matchedBy })));
    }
    const companyIds = [
      ...new Set(found.map((f) => f.row.companyId).filter((id): id is string => id !== null)),
    ];
    // One query for the company names shown under the contacts' names (no N+1).
    const names = new Map(
      companyIds.length
        ? (
            await db
              .select({ id: companies.id, name: companies.name })
              .from(companies)
              .where(and(eq(companies.workspaceId, actor.workspaceId), inArray(companies.id, companyIds)))
          ).map((c) => [c.id, c.name])
        : [],
    );
    return found.map(({ row, matchedBy }): RankedHit => {
      const company = row.companyId ? names.get(row.companyId) : undefined;
      return {
        hit: {
          type: "contact",
          id: row.id,
          title: contactFullName(row),
          subtitle: [row.position, company].filter(Boolean).join(" · ") || null,
          companyId: row.companyId,
          matchedBy,
        },
        tier: row.tier as Tier,
        score: Number(row.score),
      };
    });
  },
};
