import { arrayContains, sql } from "drizzle-orm";
import { contacts } from "../../db/schema/index";
import type { Actor } from "../../platform/actor";
import type { Reach } from "../../platform/permissions";
import { phoneDigitsMayMatch } from "../search/search.digits";
import { branchCollector, type SearchProvider, type SearchTerms, visibleRows } from "../search/search.types";

/**
 * The contacts in the search box: e-mail on the GIN of `emails`, phone digits on the digits
 * index (search.digits.ts), word forms on `search_vector`, and typos there too, each word widened
 * to its near words in the vocabulary (typoQuery). Visibility is the denormalised owner, so no
 * join is needed to filter.
 * The title is the full name (as contactFullName writes it); the service adds the company's name
 * to the position under it.
 */
export const contactSearch: SearchProvider = {
  type: "contact",
  resource: "contacts",
  branches(actor: Actor, reach: Reach, terms: SearchTerms, limit: number) {
    const shape = {
      type: "contact" as const,
      table: contacts,
      title: sql`concat_ws(' ', nullif(${contacts.lastName}, ''), nullif(${contacts.firstName}, ''), nullif(${contacts.middleName}, ''))`,
      detail: sql`nullif(${contacts.position}, '')`,
      companyId: contacts.companyId,
    };
    const { branches, one, words } = branchCollector(shape, visibleRows(actor, reach, contacts), limit);
    if (terms.email) one("email", arrayContains(contacts.emails, [terms.email]), sql`0`);
    if (terms.phone) {
      const whole = sql`case when ${contacts.phoneSearch} like ${`% ${terms.phone} %`} then 0 else 1 end`;
      one(
        "phone",
        sql`${phoneDigitsMayMatch(contacts.digitGrams, terms.phone)} and ${contacts.phoneSearch} like ${`%${terms.phone}%`}`,
        whole,
      );
    }
    words(contacts.searchVector, terms);
    return branches;
  },
};
