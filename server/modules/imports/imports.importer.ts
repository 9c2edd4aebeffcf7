import type { Locale } from "../../../contracts/common";
import type { Actor } from "../../platform/actor";
import type { Db } from "../../platform/db/client";
import { fieldMessage } from "../../platform/field-messages";
import type { Reach } from "../../platform/permissions";
import { canReach } from "../../platform/policy";
import type { SearchVocabularyWriter } from "../search/search.words";
import { normalizeHeader } from "./imports.mapping";
import type { SourceRow } from "./imports.reader";

/**
 * The contract between the import runner (reading, batching, transactions, resume) and an
 * entity importer (what a row means). The runner is the same for every entity.
 */

export type Outcome = "create" | "update" | "unchanged" | "reject";

/** One line of the error report, or of the plan of a dry run. */
export type ImportNote = {
  row: number;
  path: string;
  message: string;
  outcome: Outcome;
  data: Record<string, unknown> | null;
};

export type BatchOutcome = {
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  notes: ImportNote[];
};

export type ImportContext = {
  importId: string;
  actor: Actor;
  /** How far the actor's "import" right reaches: whose records they may create and update. */
  reach: Reach;
  dryRun: boolean;
  header: string[];
  columns: { index: number; field: string }[];
  locale: Locale;
  owners: OwnerDirectory;
  /** Adds the written rows' words to the typo vocabulary (see SearchVocabularyWriter). */
  vocabulary: SearchVocabularyWriter;
};

export type EntityImporter<P> = {
  /** The table it creates rows in (its planner statistics are kept current during the import). */
  table: string;
  /**
   * Maps and validates one row (null for a blank one); pure CPU work, done outside the
   * transaction, row by row as the file is read, so it interleaves with the previous batch's
   * writes instead of holding them up.
   */
  prepare(ctx: ImportContext, row: SourceRow): P | null;
  /**
   * The keys a row is matched by (see matchKeys): a batch that shares one with the batch
   * before it waits for that batch's commit, so that it can see and match its rows.
   */
  keys(prepared: P): string[];
  /**
   * Matches and writes the batch inside the batch's transaction (writes nothing in a dry run).
   * Calls `matched` once the batch is matched, just before its bulk write: the runner then
   * reads the next batch while the database writes this one.
   */
  apply(tx: Db, ctx: ImportContext, prepared: P[], matched: () => void): Promise<BatchOutcome>;
};

export const emptyOutcome = (): BatchOutcome => ({
  created: 0,
  updated: 0,
  unchanged: 0,
  failed: 0,
  notes: [],
});

type UserRef = { id: string; email: string; fullName: string };

/**
 * Resolves the «Ответственный» column: a user's e-mail or full name (case and «ё» ignored;
 * an ambiguous name resolves to nobody). The owner is that user when the actor may assign
 * records to them, otherwise the actor: a manager's import is always their own.
 */
export class OwnerDirectory {
  private readonly byKey = new Map<string, string | null>();

  constructor(
    private readonly actor: Actor,
    private readonly reach: Reach,
    users: readonly UserRef[],
  ) {
    for (const u of users) {
      this.byKey.set(u.email.toLowerCase(), u.id);
      const name = normalizeHeader(u.fullName);
      this.byKey.set(name, this.byKey.has(name) ? null : u.id);
    }
  }

  /** The owner of a new record, and whether the requested one was replaced by the actor. */
  ownerFor(cell: string | undefined): { ownerId: string; replaced: boolean } {
    if (!cell) return { ownerId: this.actor.id, replaced: false };
    const id = this.byKey.get(cell.trim().toLowerCase()) ?? this.byKey.get(normalizeHeader(cell));
    if (id && canReach(this.actor, this.reach, id)) return { ownerId: id, replaced: false };
    return { ownerId: this.actor.id, replaced: true };
  }

  mayTouch(ownerId: string): boolean {
    return canReach(this.actor, this.reach, ownerId);
  }
}

type ZodIssueLike = { code: string; path: PropertyKey[]; message: string };

/** Zod issues → one note per field, with the field-message texts of the API. */
export function issueNotes(
  row: number,
  issues: readonly ZodIssueLike[],
  locale: Locale,
  data: Record<string, unknown>,
): ImportNote[] {
  const seen = new Set<string>();
  const notes: ImportNote[] = [];
  for (const issue of issues) {
    const path = String(issue.path[0] ?? "");
    const message = fieldMessage(issue as Parameters<typeof fieldMessage>[0], locale);
    if (seen.has(`${path}\u0000${message}`)) continue;
    seen.add(`${path}\u0000${message}`);
    notes.push({ row, path, message, outcome: "reject", data });
  }
  return notes;
}

/** Plan texts of a dry run (not errors: they explain what would happen to a row). */
const planTexts = {
  create: { ru: "Будет создана новая запись", en: "A new record will be created" },
  matchInn: { ru: "Совпадение по ИНН", en: "Matched by INN" },
  matchEmail: { ru: "Совпадение по email", en: "Matched by email" },
  matchRow: { ru: "Совпадение со строкой {row} файла", en: "Matches row {row} of the file" },
  unchanged: { ru: "Совпадение найдено, изменений нет", en: "Matched, nothing to change" },
  ownerReplaced: {
    ru: "ответственным будет автор импорта: указанного сотрудника нельзя назначить",
    en: "the importer becomes the owner: the named user cannot be assigned",
  },
} satisfies Record<string, Record<Locale, string>>;

export function planText(key: keyof typeof planTexts, locale: Locale, row?: number): string {
  return planTexts[key][locale].replace("{row}", String(row ?? ""));
}
