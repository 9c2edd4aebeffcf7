import { sql } from "drizzle-orm";
import { index, pgTable, text, uuid } from "drizzle-orm/pg-core";

/**
 * The vocabulary the search box corrects typos against: each distinct word (letters only, three
 * or more) of the companies' and contacts' searchable text, per workspace. Triggers keep it
 * (migration 0018: on insert per statement, on a change of those columns per row). A word leaves
 * only with an erased person (forgetSearchWords) when no other row has it; a stale one only costs a
 * correction that finds nothing. No unique key, on
 * purpose: a writer checks before it adds, so concurrent writers never wait on each other, and
 * the rare duplicate is harmless.
 */
export const searchWords = pgTable(
  "search_words",
  {
    workspaceId: uuid("workspace_id").notNull(),
    word: text("word").notNull(),
  },
  (t) => [
    index("search_words_word_idx").on(t.workspaceId, t.word),
    // Written through at once, not queued in a pending list that every lookup would scan: new
    // words are rare once the vocabulary has the base's words.
    index("search_words_trgm_idx").using("gin", sql`${t.word} gin_trgm_ops`).with({ fastupdate: false }),
  ],
);
