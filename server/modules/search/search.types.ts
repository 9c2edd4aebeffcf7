import { and, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";
import type { SearchHit } from "../../../contracts/search";
import { phoneSearchDigits } from "../../../core/phone";
import { searchWords } from "../../db/schema/index";
import type { Actor } from "../../platform/actor";
import { type Db, withTx } from "../../platform/db/client";
import type { Reach, Resource } from "../../platform/permissions";
import { visibleOwnerIds } from "../../platform/policy";
import { companyNameKey } from "../companies/companies.normalize";

/**
 * What one search box query can be, decided once: each provider runs only the branches that
 * apply (a digits-only query never runs full-text search, a word never scans phone numbers).
 */
export type SearchTerms = {
  /** Lower-case query as typed, for trigram similarity; null without letters. */
  fuzzy: string | null;
  /** The query's words to correct against the vocabulary (letters only, three or more); null if none. */
  typo: string[] | null;
  /** Words for full-text search (legal forms dropped); null without letters. */
  words: string | null;
  /** A digits-only query of 4–12 digits: an INN or a part of it. */
  inn: string | null;
  /** A digits-only query of 13 or 15 digits: an OGRN / OGRNIP. */
  ogrn: string | null;
  /** Digits to find in `phone_search`, when the query looks like a phone number (≥ 5 digits). */
  phone: string | null;
  /** A lower-case e-mail address, when the query has an "@". */
  email: string | null;
};

/** The words of one query corrected, and how many near words each may become. */
const MAX_TYPO_WORDS = 6;
const TYPO_ALTERNATIVES = 4;

function typoWords(lower: string): string[] | null {
  if (lower.includes("@")) return null;
  const words = [...new Set(lower.split(/[^a-zа-яё]+/).filter((w) => w.length >= 3))].slice(
    0,
    MAX_TYPO_WORDS,
  );
  return words.length ? words : null;
}

export function parseSearch(q: string): SearchTerms {
  const text = q.trim();
  const lower = text.toLowerCase();
  const compact = text.replace(/[\s-]/g, "");
  const digitsOnly = /^\d+$/.test(compact);
  const hasLetters = /\p{L}/u.test(text);
  const phoneLike = /^[\d\s()+\-.]+$/.test(text) && text.replace(/\D/g, "").length >= 5;
  return {
    fuzzy: hasLetters && !lower.includes("@") ? lower : null,
    typo: typoWords(lower),
    words: hasLetters && !lower.includes("@") ? companyNameKey(text) : null,
    inn: digitsOnly && compact.length >= 4 && compact.length <= 12 ? compact : null,
    ogrn: digitsOnly && (compact.length === 13 || compact.length === 15) ? compact : null,
    phone: phoneLike ? phoneSearchDigits(text) : null,
    email: lower.includes("@") ? lower : null,
  };
}

/**
 * How sure a hit is: 0 an identifier matched exactly (INN, OGRN, e-mail, a whole phone number),
 * 1 a part of an identifier, 2 the words (full-text), 3 a near spelling (trigram).
 */
export type Tier = 0 | 1 | 2 | 3;

/**
 * One index-served select of a provider, in the shape every branch shares (type, id, title,
 * detail, company_id, tier, score, matched_by) so that search.service runs all branches of all
 * providers as one statement. `near` marks the near-spelling branches, which run only when the
 * others found fewer hits than asked for.
 */
export type SearchBranch = { near: boolean; select: SQL };

/**
 * One kind of thing the box finds. A provider gets the actor's read reach for its resource and
 * returns branches that select only what that reach shows, each on an index with its own LIMIT.
 * Deals plug in as one more provider in search.service.ts.
 */
export type SearchProvider = {
  type: SearchHit["type"];
  resource: Resource;
  branches(actor: Actor, reach: Reach, terms: SearchTerms, limit: number): SearchBranch[];
};

/**
 * The query with each word replaced by its nearest words in the vocabulary (search_words, by
 * trigram similarity, the closest four): «првая информационные» becomes
 * (первая | …) & (информационные | информационная | …), matched against the full-text index.
 * A word with no near word at all (too garbled, or a word no name has) is left out rather than
 * making the whole query fail. A typo then costs a lookup among the distinct words of the base —
 * tens of thousands, not a million names. The words are letters only, so they are safe inside
 * to_tsquery's syntax.
 */
export function typoQuery(workspaceId: string, words: readonly string[]): SQL {
  const alternatives = words.map(
    (w) => sql`'(' || (select string_agg(c.word, ' | ') from (
      select ${searchWords.word} from ${searchWords}
      where ${searchWords.workspaceId} = ${workspaceId} and ${searchWords.word} % ${w}
      order by similarity(${w}, ${searchWords.word}) desc
      limit ${TYPO_ALTERNATIVES}) c) || ')'`,
  );
  // concat_ws skips a word without alternatives (its part is null).
  return sql`to_tsquery('russian', concat_ws(' & ', ${sql.join(alternatives, sql`, `)}))`;
}

/**
 * How a branch refers to the corrected query: search.service computes it once per statement, in
 * a `typo` CTE, for every branch that uses it (and not at all when no near branch runs).
 */
export const typoRef = sql`(select q from typo)`;

/** How many rows a ranked branch reads before ranking them: bounded whatever the table size. */
export const RANK_WINDOW = 200;

/**
 * pg_trgm's default word-similarity threshold (0.6) misses one wrong letter in a seven-letter
 * word («ромошка» ~ «ромашка» is 0.45). The box is more forgiving; typos rank last anyway.
 */
export const TYPO_SIMILARITY = 0.4;

/**
 * Similarity from which a vocabulary word may stand for a query word: two letters swapped in a
 * nine-letter word («сибисркий» ~ «сибирский») is 0.375. Only the closest four are taken, so a
 * lower bar widens the choice without flooding the query.
 */
export const VOCABULARY_SIMILARITY = 0.3;

/**
 * Runs index lookups in one transaction with settings local to it (set_config(..., true);
 * PGlite serves every connection from one session, so a plain SET would leak to everyone):
 *  - the typo thresholds for `%>` and `%` (the vocabulary);
 *  - no sequential scans. Every branch has an indexed condition and a small LIMIT, and with a
 *    LIMIT the planner likes to walk the table hoping to meet matches early — a bet it loses
 *    on a rare e-mail or INN fragment, reading a million rows to find one (seen in EXPLAIN on
 *    20,000 rows: `emails @> …` and `inn LIKE '%…%'` went to a Seq Scan without this).
 * The branches run one after another on this connection: running them in parallel on the pool
 * while a transaction is open mixes up replies on PGlite.
 */
export function withIndexLookups<T>(db: Db, run: (tx: Db) => Promise<T>): Promise<T> {
  return withTx(db, async (tx) => {
    await tx.execute(sql`select set_config('pg_trgm.word_similarity_threshold', ${String(TYPO_SIMILARITY)}, true),
      set_config('pg_trgm.similarity_threshold', ${String(VOCABULARY_SIMILARITY)}, true),
      set_config('enable_seqscan', 'off', true)`);
    return run(tx);
  });
}

/** What a provider's rows must satisfy to be shown: the workspace, not deleted, an owner in reach. */
export function visibleRows(
  actor: Actor,
  reach: Reach,
  table: { workspaceId: AnyPgColumn; deletedAt: AnyPgColumn; ownerId: AnyPgColumn },
): SQL | undefined {
  const owners = visibleOwnerIds(actor, reach);
  return and(
    eq(table.workspaceId, actor.workspaceId),
    isNull(table.deletedAt),
    owners ? inArray(table.ownerId, [...owners]) : undefined,
  );
}

/** How a provider's rows read as hits: what each shared column is on its table. */
export type HitShape = {
  type: SearchHit["type"];
  table: PgTable & { id: AnyPgColumn };
  title: SQL;
  /** Shown under the title (a contact's company name is added by the service). */
  detail: SQL;
  companyId: SQL | AnyPgColumn;
};

/** Collects a provider's branches; `size` defaults to the page limit. */
export function branchCollector(shape: HitShape, visible: SQL | undefined, limit: number) {
  const branches: SearchBranch[] = [];
  const one = (matchedBy: SearchHit["matchedBy"], where: SQL, tier: SQL, score: SQL = sql`1`, size = limit) =>
    branches.push({
      near: matchedBy === "fuzzy",
      select: sql`(select ${shape.type}::text as type, ${shape.table.id} as id, (${shape.title})::text as title,
        (${shape.detail})::text as detail, ${shape.companyId} as company_id, (${tier})::int as tier,
        (${score})::float8 as score, ${matchedBy}::text as matched_by
        from ${shape.table} where ${and(visible, where)} limit ${size})`,
    });
  /**
   * The word branches on a full-text vector: the words in any form (tier 2), and, when the query
   * has words to correct, their near words from the vocabulary (tier 3). Both ranked by ts_rank.
   */
  const words = (vector: AnyPgColumn, terms: SearchTerms) => {
    const ranked = (matchedBy: SearchHit["matchedBy"], query: SQL, tier: SQL) =>
      one(matchedBy, sql`${vector} @@ ${query}`, tier, sql`ts_rank(${vector}, ${query})`, RANK_WINDOW);
    if (terms.words) ranked("text", sql`websearch_to_tsquery('russian', ${terms.words})`, sql`2`);
    if (terms.typo) ranked("fuzzy", typoRef, sql`3`);
  };
  return { branches, one, words };
}
