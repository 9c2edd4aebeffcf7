import { and, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { SearchHit } from "../../../contracts/search";
import { phoneSearchDigits } from "../../../core/phone";
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

export function parseSearch(q: string): SearchTerms {
  const text = q.trim();
  const lower = text.toLowerCase();
  const compact = text.replace(/[\s-]/g, "");
  const digitsOnly = /^\d+$/.test(compact);
  const hasLetters = /\p{L}/u.test(text);
  const phoneLike = /^[\d\s()+\-.]+$/.test(text) && text.replace(/\D/g, "").length >= 5;
  return {
    fuzzy: hasLetters && !lower.includes("@") ? lower : null,
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

export type RankedHit = { hit: SearchHit; tier: Tier; score: number };

/** One index-served query of a provider: its condition, its tier and score expressions, its LIMIT. */
export type SearchBranch = {
  matchedBy: SearchHit["matchedBy"];
  where: SQL;
  tier: SQL;
  score: SQL;
  size: number;
};

/**
 * One kind of thing the box finds. A provider gets the actor's read reach for its resource and
 * must return only what that reach shows, each branch on an index and with its own LIMIT.
 * Deals plug in as one more provider in search.service.ts.
 */
export type SearchProvider = {
  type: SearchHit["type"];
  resource: Resource;
  search(db: Db, actor: Actor, reach: Reach, terms: SearchTerms, limit: number): Promise<RankedHit[]>;
};

/** How many rows a ranked branch reads before ranking them: bounded whatever the table size. */
export const RANK_WINDOW = 200;

/**
 * pg_trgm's default word-similarity threshold (0.6) misses one wrong letter in a seven-letter
 * word («ромошка» ~ «ромашка» is 0.45). The box is more forgiving; typos rank last anyway.
 */
export const TYPO_SIMILARITY = 0.4;

/**
 * Runs index lookups in one transaction with settings local to it (set_config(..., true);
 * PGlite serves every connection from one session, so a plain SET would leak to everyone):
 *  - the typo threshold for `%>`;
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

/** Collects a provider's branches; `size` defaults to the page limit. */
export function branchCollector(limit: number) {
  const branches: SearchBranch[] = [];
  const one = (
    matchedBy: SearchBranch["matchedBy"],
    where: SQL,
    tier: SQL,
    score: SQL = sql`1`,
    size = limit,
  ) => branches.push({ matchedBy, where, tier, score, size });
  return { branches, one };
}
