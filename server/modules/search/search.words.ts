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

const NOT_A_LETTER = /[^a-zа-яё]+/;

/**
 * The words of a text as the vocabulary keeps them — what search_words_of() gives in SQL:
 * lower case, cut at whatever is not a Latin or Russian letter, three letters or more.
 * (JavaScript lowers «İ» to "i" plus a combining dot, PostgreSQL to a plain "i".)
 */
export function searchWordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .replaceAll("i\u0307", "i")
    .split(NOT_A_LETTER)
    .filter((w) => w.length >= 3);
}

/** The most words a writer remembers; past it, it forgets and lets the database check again. */
const REMEMBERED = 200_000;

/**
 * The vocabulary's words of one long bulk write (an import), added by the writer instead of the
 * tables' triggers: it sends only words it has not sent before, where the triggers would cut
 * and look up every word of every row. Call `add` in each transaction before its inserts and
 * updates: it also tells the triggers of that transaction to stand aside.
 */
export class SearchVocabularyWriter {
  private readonly sent = new Set<string>();

  constructor(private readonly workspaceId: string) {}

  async add(tx: Db, texts: Iterable<string>): Promise<void> {
    const fresh = new Set<string>();
    for (const text of texts)
      for (const word of searchWordsOf(text)) if (!this.sent.has(word)) fresh.add(word);
    if (this.sent.size + fresh.size > REMEMBERED) this.sent.clear();
    for (const word of fresh) this.sent.add(word);
    const words = fresh.size
      ? sql`, search_words_add(${this.workspaceId}, ${sql.param([...fresh])}::text[])`
      : sql``;
    await tx.execute(sql`select set_config('accord.search_words_given', 'on', true)${words}`);
  }
}
