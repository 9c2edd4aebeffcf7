import { and, arrayOverlaps, eq, isNull, ne, or, type SQL, sql } from "drizzle-orm";
import type { DuplicateReason } from "../../../contracts/companies";
import { companies, users } from "../../db/schema/index";
import type { Db } from "../../platform/db/client";
import { phoneDigitsMayMatch } from "../search/search.digits";
import type { CompanyRow } from "./companies.presenter";

/** The trigram word similarity from which two names count as "very similar". */
export const NAME_SIMILARITY = 0.5;
/** Each reason's query stops here: a duplicate warning lists a handful, never thousands. */
const PER_REASON = 25;

export type DuplicateKeys = {
  excludeId?: string;
  inn?: string;
  ogrn?: string;
  /** Phone tokens (E.164 digits or the digits typed), each matched as a whole token. */
  phones: string[];
  emails: string[];
  /** The name without legal forms and quotes, lower-case. */
  nameKey?: string;
  city?: string;
};

export type DuplicateHit = {
  row: CompanyRow;
  ownerName: string | null;
  reason: DuplicateReason;
  similarity: number;
};

/**
 * Candidates by each reason in turn, every query on an index: INN and OGRN on their btrees,
 * phones on the digits index (search.digits.ts), e-mails on the GIN of `emails`, the name on the
 * trigram index of lower(name). Runs inside withIndexLookups (no sequential scans; settings local
 * to the transaction), where the name threshold is then raised to NAME_SIMILARITY.
 */
export async function findDuplicateHits(
  tx: Db,
  workspaceId: string,
  keys: DuplicateKeys,
): Promise<DuplicateHit[]> {
  const base = and(
    eq(companies.workspaceId, workspaceId),
    isNull(companies.deletedAt),
    keys.excludeId ? ne(companies.id, keys.excludeId) : undefined,
  );
  const hits: DuplicateHit[] = [];
  const run = async (reason: DuplicateReason, where: SQL | undefined, similarity: SQL = sql`1.0`) => {
    const rows = await tx
      .select({ row: companies, ownerName: users.fullName, similarity: sql<number>`${similarity}::float8` })
      .from(companies)
      .leftJoin(users, eq(users.id, companies.ownerId))
      .where(and(base, where))
      .limit(PER_REASON);
    for (const r of rows)
      hits.push({ row: r.row, ownerName: r.ownerName, reason, similarity: Number(r.similarity) });
  };
  if (keys.inn) await run("inn", eq(companies.inn, keys.inn));
  if (keys.ogrn) await run("ogrn", eq(companies.ogrn, keys.ogrn));
  if (keys.phones.length) {
    const samePhone = (p: string) =>
      sql`(${phoneDigitsMayMatch(companies.digitGrams, p)} and ${companies.phoneSearch} like ${`% ${p} %`})`;
    await run("phone", or(...keys.phones.map(samePhone)));
  }
  if (keys.emails.length) await run("email", arrayOverlaps(companies.emails, keys.emails));
  if (keys.nameKey && keys.nameKey.length >= 3) {
    await tx.execute(
      sql`select set_config('pg_trgm.word_similarity_threshold', ${String(NAME_SIMILARITY)}, true)`,
    );
    const name = sql`lower(${companies.name})`;
    await run(
      "name",
      and(
        sql`${name} %> ${keys.nameKey}`,
        keys.city ? sql`lower(${companies.city}) = ${keys.city.toLowerCase()}` : undefined,
      ),
      sql`word_similarity(${keys.nameKey}, ${name})`,
    );
  }
  return hits;
}
