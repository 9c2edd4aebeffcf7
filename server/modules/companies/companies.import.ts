import { asc, sql } from "drizzle-orm";
import { CompanyCreate, CompanyScalarFields } from "../../../contracts/companies";
import { uuidv7 } from "../../../core/uuid";
import { companies } from "../../db/schema/index";
import type { Db } from "../../platform/db/client";
import { fieldMessage } from "../../platform/field-messages";
import {
  type EntityImporter,
  emptyOutcome,
  type ImportContext,
  type ImportNote,
  issueNotes,
  planText,
} from "../imports/imports.importer";
import { Matcher, matchKeys, matchText, type Target } from "../imports/imports.matcher";
import type { SourceRow } from "../imports/imports.reader";
import {
  type ColumnSpec,
  flushGinPending,
  insertRecordset,
  SerialisedRow,
  updateRecordset,
} from "../imports/imports.recordset";
import { plannedKeys, savePlannedKeys } from "../imports/imports.repo";
import {
  isBlankRow,
  parseKind,
  parseStatus,
  restoreLeadingZero,
  rowData,
  splitList,
  splitTags,
} from "../imports/imports.values";
import { digitGrams } from "../search/search.digits";
import { phoneSearchText, uniqueEmails, uniquePhones, uniqueTags } from "./companies.normalize";

/**
 * The company importer. Each row is validated with exactly `CompanyCreate` (the rules of the
 * form), then matched to an existing company by INN, then by e-mail — against the database
 * (one lookup per batch) and against the earlier rows of the same batch. A match is updated:
 * filled cells overwrite, lists (phones, e-mails, tags) are merged, empty cells keep what is
 * there, the owner never changes (moving clients is a transfer). No match: a new company owned
 * by the mapped «Ответственный» if the actor may assign to them, else by the actor.
 */

const scalarFields = CompanyScalarFields;
const listFields = [
  ["phones", 20, uniquePhones],
  ["emails", 20, uniqueEmails],
  ["tags", 30, uniqueTags],
] as const;

/** The list fields by name: how many a company keeps, and how repeats are told apart. */
const listSpecs = new Map(
  listFields.map(([field, max, unique]) => [field as string, { field, max, unique }]),
);

/**
 * A company as the batch builds it. A new company's state is its row's validated input itself
 * (a field the file left out is undefined, which is written as NULL): no copy per row.
 */
type State = { [K in (typeof scalarFields)[number]]?: CompanyCreate[K] | null } & {
  phones: string[];
  emails: string[];
  tags: string[];
};

type Prepared = {
  row: number;
  values: string[];
  input?: CompanyCreate;
  /** The fields the row's cells filled: only those overwrite a matched company. */
  present?: readonly string[];
  ownerCell?: string;
  notes?: ImportNote[];
  /** The row as a new company's columns, serialised (UTF-8 JSON) while the file is read (see apply). */
  json?: Buffer;
};

/**
 * Every field a row may fill, unset. Each row starts from a copy: properties added one by one
 * under computed names would turn the object into a slow dictionary (V8), for zod to read.
 */
const blankRaw: Record<string, unknown> = Object.fromEntries(
  [...scalarFields, ...listFields.map(([f]) => f)].map((f) => [f, undefined]),
);

/** A row's cells as the form's input, and the fields they filled. */
function toRaw(ctx: ImportContext, values: readonly string[]) {
  const raw = { ...blankRaw };
  const present: string[] = [];
  let ownerCell: string | undefined;
  for (const { index, field } of ctx.columns) {
    const cell = values[index]?.trim();
    if (!cell) continue;
    if (field === "owner") {
      ownerCell ??= cell;
      continue;
    }
    if (!listSpecs.has(field) && raw[field] !== undefined) continue;
    if (raw[field] === undefined) present.push(field);
    if (field === "phones") raw.phones = concat(raw.phones, splitList(cell));
    else if (field === "emails") raw.emails = concat(raw.emails, splitList(cell, true));
    else if (field === "tags") raw.tags = concat(raw.tags, splitTags(cell));
    else if (field === "kind") raw.kind = parseKind(cell);
    else if (field === "status") raw.status = parseStatus(cell);
    else if (field === "inn" || field === "kpp" || field === "bik")
      raw[field] = restoreLeadingZero(field, cell);
    else raw[field] = cell;
  }
  return { raw, present, ownerCell };
}

const concat = (list: unknown, more: string[]) => (list ? (list as string[]).concat(more) : more);

function prepare(ctx: ImportContext, { row, values }: SourceRow): Prepared | null {
  if (isBlankRow(values)) return null;
  const { raw, present, ownerCell } = toRaw(ctx, values);
  // A 12-digit INN belongs to a person or an entrepreneur; without a kind column assume the latter.
  if (!raw.kind && typeof raw.inn === "string" && raw.inn.replace(/\D/g, "").length === 12)
    raw.kind = "entrepreneur";
  const parsed = CompanyCreate.safeParse(raw);
  if (!parsed.success) {
    const notes = issueNotes(row, parsed.error.issues, ctx.locale, rowData(ctx.header, values));
    return { row, values, notes };
  }
  const input = parsed.data;
  input.phones = uniquePhones(input.phones);
  input.emails = uniqueEmails(input.emails);
  input.tags = uniqueTags(input.tags);
  return { row, values, input, present, ownerCell, json: serialise(input) };
}

/** An existing company's state (its lists copied: merging replaces them, never edits them). */
function stateOf(company: typeof companies.$inferSelect): State {
  const state = {
    phones: [...company.phones],
    emails: [...company.emails],
    tags: [...company.tags],
  } as State;
  const target = state as Record<string, unknown>;
  for (const f of scalarFields) target[f] = company[f];
  return state;
}

/** Applies a row to a company: filled cells overwrite, lists merge. True if anything changed. */
function merge(state: State, input: CompanyCreate, present: readonly string[]): boolean {
  let changed = false;
  const s = state as Record<string, unknown>;
  for (const f of present) {
    const list = listSpecs.get(f);
    if (list) {
      const merged = list.unique([...state[list.field], ...input[list.field]]).slice(0, list.max);
      if (merged.length !== state[list.field].length) {
        state[list.field] = merged;
        changed = true;
      }
      continue;
    }
    const value = input[f as (typeof scalarFields)[number]] ?? null;
    if ((s[f] ?? null) !== value) {
      s[f] = value;
      changed = true;
    }
  }
  return changed;
}

/** A company as the columns an import writes (JSON keys are their SQL names). */
const record = (s: State, phoneSearch = phoneSearchText(s.phones)) => ({
  name: s.name,
  full_name: s.fullName,
  kind: s.kind,
  status: s.status,
  inn: s.inn,
  kpp: s.kpp,
  ogrn: s.ogrn,
  bik: s.bik,
  account: s.account,
  corr_account: s.corrAccount,
  bank_name: s.bankName,
  industry: s.industry,
  region: s.region,
  city: s.city,
  segment: s.segment,
  source: s.source,
  tags: s.tags,
  phones: s.phones,
  emails: s.emails,
  phone_search: phoneSearch,
  digit_grams: digitGrams(s.inn, phoneSearch),
  website: s.website,
  address: s.address,
  notes: s.notes,
});

/** A company's written columns as UTF-8 JSON (see SerialisedRow). */
const serialise = (s: State) => Buffer.from(JSON.stringify(record(s)));

const columnTypes: Record<keyof ReturnType<typeof record>, string> = {
  name: "text",
  full_name: "text",
  kind: "text",
  status: "text",
  inn: "text",
  kpp: "text",
  ogrn: "text",
  bik: "text",
  account: "text",
  corr_account: "text",
  bank_name: "text",
  industry: "text",
  region: "text",
  city: "text",
  segment: "text",
  source: "text",
  tags: "text[]",
  phones: "text[]",
  emails: "text[]",
  phone_search: "text",
  digit_grams: "integer[]",
  website: "text",
  address: "text",
  notes: "text",
};
const dataColumns: ColumnSpec = Object.entries(columnTypes);
const insertColumns: ColumnSpec = [
  ["id", "uuid"],
  ["workspace_id", "uuid"],
  ["created_by", "uuid"],
  ["owner_id", "uuid"],
  ...dataColumns,
];

/** A company's text for the typo vocabulary: the columns its triggers read (migration 0019). */
const wordsText = (s: State) => [s.name, s.fullName, s.city, s.industry].filter(Boolean).join(" ");

/**
 * The existing companies a batch may match, locked for the batch. Every key is one index probe
 * in a lateral subquery (OFFSET 0 keeps the planner from flattening it into a hash join over
 * the whole table): a plain `inn = any(…1000 values)` was planned on the trigram GIN index `inn`
 * had then (seconds), and `emails && array[…1000]` is estimated to match everything; one bitmap
 * scan for all the keys (no sequential scans allowed) measured no cheaper. The e-mail probe
 * holds only the GIN-indexable condition, so without statistics (a fresh PGlite) the planner
 * still cannot pick another index. Measured: ~5 ms for 1000 keys at 100k companies.
 */
async function lockMatches(tx: Db, workspaceId: string, inns: string[], emails: string[]) {
  if (!inns.length && !emails.length) return [];
  if (emails.length) await flushGinPending(tx, "companies_emails_idx");
  const live = sql`c.workspace_id = ${workspaceId} and c.deleted_at is null`;
  const ids = await tx.execute<{ id: string }>(sql`
    select c.id from unnest(${sql.param(inns)}::text[]) as k(inn)
      cross join lateral (select c.id from companies c where ${live} and c.inn = k.inn offset 0) c
    union
    select c.id from unnest(${sql.param(emails)}::text[]) as k(email)
      cross join lateral (select c.id, c.workspace_id, c.deleted_at from companies c
        where c.emails @> array[k.email] offset 0) c
      where ${live}`);
  if (!ids.rows.length) return [];
  return tx
    .select()
    .from(companies)
    .where(sql`${companies.id} = any(${sql.param(ids.rows.map((r) => r.id))}::uuid[])`)
    .orderBy(asc(companies.id))
    .for("update");
}

async function apply(tx: Db, ctx: ImportContext, prepared: Prepared[], matched: () => void) {
  const result = emptyOutcome();
  const valid = prepared.filter((p) => p.input);
  const inns = [...new Set(valid.flatMap((p) => (p.input!.inn ? [p.input!.inn] : [])))];
  const emails = [...new Set(valid.flatMap((p) => p.input!.emails))];
  const existing = await lockMatches(tx, ctx.actor.workspaceId, inns, emails);
  const planned = ctx.dryRun
    ? await plannedKeys(tx, ctx.importId, matchKeys(null, emails).concat(inns.map((i) => `inn:${i}`)))
    : [];
  // New companies no later row of the batch changed: written as serialised by prepare, so the
  // batch's transaction does not wait for a thousand rows to be serialised again.
  const untouched = new Map<Target<State>, Buffer>();
  const matcher = new Matcher<State>(
    existing.map((c) => ({ ...c, keys: matchKeys(c.inn, c.emails), state: () => stateOf(c) })),
    planned,
    (ownerId) => ctx.owners.mayTouch(ownerId),
  );

  for (const p of prepared) {
    if (!p.input) {
      result.failed++;
      result.notes.push(...p.notes!);
      continue;
    }
    const keys = matchKeys(p.input.inn, p.input.emails);
    const match = matcher.find(keys, p.input.inn);
    if (match && "blocked" in match) {
      result.failed++;
      const message = fieldMessage({ code: "custom", message: "import_not_yours" }, ctx.locale);
      result.notes.push({
        row: p.row,
        path: match.blocked,
        message,
        outcome: "reject",
        data: rowData(ctx.header, p.values),
      });
      continue;
    }
    if (match) {
      const t = match.target;
      const changed = t.state ? merge(t.state, p.input, p.present!) : true;
      t.dirty ||= changed;
      if (changed) untouched.delete(t);
      t.inn ??= p.input.inn ?? null;
      matcher.index(t, keys);
      if (changed) result.updated++;
      else result.unchanged++;
      if (ctx.dryRun)
        result.notes.push(
          planNote(p, changed ? "update" : "unchanged", matchText(t, match.via, changed, ctx.locale), t.id),
        );
      continue;
    }
    const { ownerId, replaced } = ctx.owners.ownerFor(p.ownerCell);
    const t = matcher.add(
      {
        id: uuidv7(),
        isNew: true,
        ownerId,
        version: 0,
        state: p.input,
        inn: p.input.inn ?? null,
        firstRow: p.row,
        dirty: true,
      },
      keys,
    );
    untouched.set(t, p.json!);
    result.created++;
    if (ctx.dryRun) {
      const text = planText("create", ctx.locale);
      result.notes.push(
        planNote(p, "create", replaced ? `${text}; ${planText("ownerReplaced", ctx.locale)}` : text, t.id),
      );
    }
  }

  if (ctx.dryRun) {
    await savePlannedKeys(tx, matcher.plannedRows(ctx.importId));
    return result;
  }
  matched();
  const dirty = matcher.dirty();
  await ctx.vocabulary.add(
    tx,
    dirty.map((t) => wordsText(t.state!)),
  );
  const inserts = dirty.filter((t) => t.isNew);
  await insertRecordset(
    tx,
    "companies",
    insertColumns,
    inserts.map(
      (t) =>
        new SerialisedRow(
          { id: t.id, workspace_id: ctx.actor.workspaceId, created_by: ctx.actor.id, owner_id: t.ownerId },
          untouched.get(t) ?? serialise(t.state!),
        ),
    ),
  );
  const updates = dirty.filter((t) => !t.isNew);
  const done = await updateRecordset(
    tx,
    "companies",
    ctx.actor.workspaceId,
    dataColumns,
    updates.map((t) => ({ id: t.id, version: t.version, ...record(t.state!) })),
  );
  // Rows were locked FOR UPDATE; a mismatch means a bug, and the batch must not commit half.
  if (done !== updates.length) throw new Error(`import batch: ${updates.length - done} updates lost`);
  return result;
}

function planNote(
  p: Prepared,
  outcome: ImportNote["outcome"],
  message: string,
  targetId: string,
): ImportNote {
  return {
    row: p.row,
    path: "",
    message,
    outcome,
    data: { name: p.input!.name, inn: p.input!.inn ?? null, targetId },
  };
}

export const companiesImporter: EntityImporter<Prepared> = {
  table: "companies",
  prepare,
  keys: (p) => (p.input ? matchKeys(p.input.inn, p.input.emails) : []),
  apply,
};
