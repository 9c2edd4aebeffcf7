import { arrayContains, eq, sql } from "drizzle-orm";
import { companies } from "../../db/schema/index";
import type { Actor } from "../../platform/actor";
import type { Reach } from "../../platform/permissions";
import { innDigitsMayMatch, phoneDigitsMayMatch } from "../search/search.digits";
import { branchCollector, type SearchProvider, type SearchTerms, visibleRows } from "../search/search.types";

/**
 * The companies in the search box. Every branch is one index: INN/OGRN btrees for exact
 * identifiers, the digits index for a part of an INN or of a phone number (search.digits.ts),
 * the GIN on `emails`, the full-text index on `search_vector` for word forms, and for typos too,
 * with each word replaced by its near words in the vocabulary (typoQuery). A branch reads at
 * most `limit` rows (RANK_WINDOW when its rows are ranked by relevance afterwards), so a common
 * word costs the same on 1,000 or 1,000,000 rows.
 */
export const companySearch: SearchProvider = {
  type: "company",
  resource: "companies",
  branches(actor: Actor, reach: Reach, terms: SearchTerms, limit: number) {
    const shape = {
      type: "company" as const,
      table: companies,
      title: sql`${companies.name}`,
      detail: sql`nullif(concat_ws(' · ', nullif(${companies.inn}, ''), nullif(${companies.city}, '')), '')`,
      // A company hit points at its own card; contacts and deals point at theirs.
      companyId: companies.id,
    };
    const { branches, one, words } = branchCollector(shape, visibleRows(actor, reach, companies), limit);
    if (terms.inn) {
      if (terms.inn.length === 10 || terms.inn.length === 12)
        one("inn", eq(companies.inn, terms.inn), sql`0`);
      one(
        "inn",
        sql`${innDigitsMayMatch(companies.digitGrams, terms.inn)} and ${companies.inn} like ${`%${terms.inn}%`}`,
        sql`1`,
      );
    }
    if (terms.ogrn) one("ogrn", eq(companies.ogrn, terms.ogrn), sql`0`);
    if (terms.phone) {
      const whole = sql`case when ${companies.phoneSearch} like ${`% ${terms.phone} %`} then 0 else 1 end`;
      one(
        "phone",
        sql`${phoneDigitsMayMatch(companies.digitGrams, terms.phone)} and ${companies.phoneSearch} like ${`%${terms.phone}%`}`,
        whole,
      );
    }
    if (terms.email) one("email", arrayContains(companies.emails, [terms.email]), sql`0`);
    words(companies.searchVector, terms);
    return branches;
  },
};
