import { sql } from "drizzle-orm";
import { companies, contacts, searchWords } from "../../db/schema/index";
import type { Db } from "../../platform/db/client";

/**
 * Takes the words of an erased person's text out of the typo vocabulary (search_words), unless
 * a company or another contact still has them (by the full-text index, so a word whose stem
 * another row shares stays: it is no longer that person's alone). Call it after the row itself
 * has been cleared, in the same transaction.
 */
export async function forgetSearchWords(db: Db, workspaceId: string, text: string): Promise<void> {
  const stillUsed = (table: typeof companies | typeof contacts) =>
    sql`exists (select 1 from ${table} where ${table.workspaceId} = ${workspaceId}
      and ${table.searchVector} @@ plainto_tsquery('russian', ${searchWords.word}))`;
  await db.execute(sql`
    delete from ${searchWords}
    where ${searchWords.workspaceId} = ${workspaceId}
      and ${searchWords.word} in (select search_words_of(${text}))
      and not ${stillUsed(companies)} and not ${stillUsed(contacts)}`);
}
