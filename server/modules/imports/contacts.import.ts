import { asc, sql } from "drizzle-orm";
import { ContactCreate } from "../../../contracts/contacts";
import { uuidv7 } from "../../../core/uuid";
import { contacts } from "../../db/schema/index";
import type { Db } from "../../platform/db/client";
import { fieldMessage } from "../../platform/field-messages";
import { phoneSearchText, uniqueEmails, uniquePhones } from "../companies/companies.normalize";
import { digitGrams } from "../search/search.digits";
import {
  type EntityImporter,
  emptyOutcome,
  type ImportContext,
  type ImportNote,
  issueNotes,
  planText,
} from "./imports.importer";
import { Matcher, matchKeys, matchText, type Target } from "./imports.matcher";
import type { SourceRow } from "./imports.reader";
import { type ColumnSpec, flushGinPending, insertRecordset, updateRecordset } from "./imports.recordset";
import { plannedKeys, savePlannedKeys } from "./imports.repo";
import { isBlankRow, restoreLeadingZero, rowData, splitFullName, splitList } from "./imports.values";

/**
 * The contact importer: rows validated with `ContactCreate`, linked to a company by the
 * company's INN (a company the actor may reach; the contact then belongs to that company's
 * owner, as contacts follow their company), matched to existing contacts by e-mail.
 */

const scalarFields = ["lastName", "firstName", "middleName", "position", "notes"] as const;
type State = { [K in (typeof scalarFields)[number]]: string | null } & {
  phones: string[];
  emails: string[];
  companyId: string | null;
};
type Prepared = {
  row: number;
  values: string[];
  input?: ContactCreate;
  present?: ReadonlySet<string>;
  companyInn?: string;
  ownerCell?: string;
  notes?: ImportNote[];
};
function prepare(ctx: ImportContext, { row, values }: SourceRow): Prepared | null {
  if (isBlankRow(values)) return null;
  const raw: Record<string, unknown> = {};
  const phones: string[] = [];
  const emails: string[] = [];
  let companyInn: string | undefined;
  let ownerCell: string | undefined;
  let fullName: string | undefined;
  for (const { index, field } of ctx.columns) {
    const cell = values[index]?.trim();
    if (!cell) continue;
    if (field === "phones") phones.push(...splitList(cell));
    else if (field === "emails") emails.push(...splitList(cell, true));
    else if (field === "companyInn") companyInn ??= restoreLeadingZero("inn", cell);
    else if (field === "owner") ownerCell ??= cell;
    else if (field === "fullName") fullName ??= cell;
    else raw[field] ??= cell;
  }
  if (fullName)
    for (const [k, v] of Object.entries(splitFullName(fullName))) if (v && raw[k] === undefined) raw[k] = v;
  if (phones.length) raw.phones = phones;
  if (emails.length) raw.emails = emails;
  const parsed = ContactCreate.safeParse(raw);
  if (!parsed.success)
    return {
      row,
      values,
      notes: issueNotes(row, parsed.error.issues, ctx.locale, rowData(ctx.header, values)),
    };
  const input = {
    ...parsed.data,
    phones: uniquePhones(parsed.data.phones),
    emails: uniqueEmails(parsed.data.emails),
  };
  return { row, values, input, present: new Set(Object.keys(raw)), companyInn, ownerCell };
}

function stateOf(c: typeof contacts.$inferSelect): State {
  const { lastName, firstName, middleName, position, notes, phones, emails, companyId } = c;
  return { lastName, firstName, middleName, position, notes, phones, emails, companyId };
}

function merge(state: State, input: ContactCreate, present: ReadonlySet<string>): boolean {
  let changed = false;
  for (const f of scalarFields) {
    const value = input[f] ?? null;
    if (present.has(f) && state[f] !== value) {
      state[f] = value;
      changed = true;
    }
  }
  for (const [f, unique] of [
    ["phones", uniquePhones],
    ["emails", uniqueEmails],
  ] as const) {
    const merged = unique([...state[f], ...input[f]]).slice(0, 20);
    if (merged.length !== state[f].length) {
      state[f] = merged;
      changed = true;
    }
  }
  return changed;
}

const dataColumns: ColumnSpec = [
  ["company_id", "uuid"],
  ["owner_id", "uuid"],
  ["last_name", "text"],
  ["first_name", "text"],
  ["middle_name", "text"],
  ["position", "text"],
  ["phones", "text[]"],
  ["emails", "text[]"],
  ["phone_search", "text"],
  ["digit_grams", "integer[]"],
  ["notes", "text"],
];

function record(t: Target<State>): Record<string, unknown> {
  const s = t.state!;
  const phoneSearch = phoneSearchText(s.phones);
  return {
    company_id: s.companyId,
    owner_id: t.ownerId,
    last_name: s.lastName,
    first_name: s.firstName,
    middle_name: s.middleName,
    position: s.position,
    phones: s.phones,
    emails: s.emails,
    phone_search: phoneSearch,
    digit_grams: digitGrams(null, phoneSearch),
    notes: s.notes,
  };
}

/** Contacts sharing an e-mail with the batch, locked; one GIN probe per address (see companies). */
async function lockContacts(tx: Db, workspaceId: string, emails: string[]) {
  if (!emails.length) return [];
  await flushGinPending(tx, "contacts_emails_idx");
  const ids = await tx.execute<{ id: string }>(sql`
    select c.id from unnest(${sql.param(emails)}::text[]) as k(email)
      cross join lateral (select c.id, c.workspace_id, c.deleted_at from contacts c
        where c.emails @> array[k.email] offset 0) c
      where c.workspace_id = ${workspaceId} and c.deleted_at is null`);
  if (!ids.rows.length) return [];
  return tx
    .select()
    .from(contacts)
    .where(sql`${contacts.id} = any(${sql.param(ids.rows.map((r) => r.id))}::uuid[])`)
    .orderBy(asc(contacts.id))
    .for("update");
}

async function apply(tx: Db, ctx: ImportContext, prepared: Prepared[], matched: () => void) {
  const result = emptyOutcome();
  const ws = ctx.actor.workspaceId;
  const inns = [...new Set(prepared.flatMap((p) => (p.input && p.companyInn ? [p.companyInn] : [])))];
  const emails = [...new Set(prepared.flatMap((p) => p.input?.emails ?? []))];
  const companyRows = inns.length
    ? (
        await tx.execute<{ id: string; inn: string; owner_id: string }>(sql`
          select c.id, c.inn, c.owner_id from unnest(${sql.param(inns)}::text[]) as k(inn)
            cross join lateral (select c.id, c.inn, c.owner_id from companies c
              where c.workspace_id = ${ws} and c.deleted_at is null and c.inn = k.inn order by c.id offset 0) c`)
      ).rows
    : [];
  const companyByInn = new Map<string, { id: string; ownerId: string }>();
  for (const c of companyRows)
    if (!companyByInn.has(c.inn) && ctx.owners.mayTouch(c.owner_id))
      companyByInn.set(c.inn, { id: c.id, ownerId: c.owner_id });
  const existing = await lockContacts(tx, ws, emails);
  const planned = ctx.dryRun ? await plannedKeys(tx, ctx.importId, matchKeys(null, emails)) : [];
  const matcher = new Matcher<State>(
    existing.map((c) => ({ ...c, inn: null, keys: matchKeys(null, c.emails), state: () => stateOf(c) })),
    planned,
    (ownerId) => ctx.owners.mayTouch(ownerId),
  );
  const reject = (p: Prepared, path: string, code: string) => {
    result.failed++;
    const message = fieldMessage({ code: "custom", message: code }, ctx.locale);
    result.notes.push({ row: p.row, path, message, outcome: "reject", data: rowData(ctx.header, p.values) });
  };

  for (const p of prepared) {
    if (!p.input) {
      result.failed++;
      result.notes.push(...p.notes!);
      continue;
    }
    const company = p.companyInn ? companyByInn.get(p.companyInn) : undefined;
    if (p.companyInn && !company) {
      reject(p, "companyInn", "import_company_not_found");
      continue;
    }
    const keys = matchKeys(null, p.input.emails);
    const match = matcher.find(keys, null);
    if (match && "blocked" in match) {
      reject(p, "emails", "import_not_yours");
      continue;
    }
    if (match) {
      const t = match.target;
      let changed = t.state ? merge(t.state, p.input, p.present!) : true;
      // A contact moved to another company follows that company's owner.
      if (company && t.state && t.state.companyId !== company.id) {
        t.state.companyId = company.id;
        t.ownerId = company.ownerId;
        changed = true;
      }
      t.dirty ||= changed;
      matcher.index(t, keys);
      if (changed) result.updated++;
      else result.unchanged++;
      if (ctx.dryRun)
        result.notes.push(
          plan(p, changed ? "update" : "unchanged", matchText(t, match.via, changed, ctx.locale), t.id),
        );
      continue;
    }
    const owner = company ? { ownerId: company.ownerId, replaced: false } : ctx.owners.ownerFor(p.ownerCell);
    const state: State = {
      lastName: p.input.lastName,
      firstName: p.input.firstName ?? null,
      middleName: p.input.middleName ?? null,
      position: p.input.position ?? null,
      notes: p.input.notes ?? null,
      phones: p.input.phones,
      emails: p.input.emails,
      companyId: company?.id ?? null,
    };
    const t = matcher.add(
      {
        id: uuidv7(),
        isNew: true,
        ownerId: owner.ownerId,
        version: 0,
        state,
        inn: null,
        firstRow: p.row,
        dirty: true,
      },
      keys,
    );
    result.created++;
    if (ctx.dryRun) {
      const text = planText("create", ctx.locale);
      result.notes.push(
        plan(p, "create", owner.replaced ? `${text}; ${planText("ownerReplaced", ctx.locale)}` : text, t.id),
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
    dirty.map(({ state: s }) =>
      [s!.lastName, s!.firstName, s!.middleName, s!.position].filter(Boolean).join(" "),
    ),
  );
  const inserts = dirty
    .filter((t) => t.isNew)
    .map((t) => ({ id: t.id, workspace_id: ws, created_by: ctx.actor.id, ...record(t) }));
  await insertRecordset(
    tx,
    "contacts",
    [["id", "uuid"], ["workspace_id", "uuid"], ["created_by", "uuid"], ...dataColumns],
    inserts,
  );
  const updates = dirty.filter((t) => !t.isNew);
  const done = await updateRecordset(
    tx,
    "contacts",
    ws,
    dataColumns,
    updates.map((t) => ({ id: t.id, version: t.version, ...record(t) })),
  );
  if (done !== updates.length) throw new Error(`import batch: ${updates.length - done} updates lost`);
  return result;
}

function plan(p: Prepared, outcome: ImportNote["outcome"], message: string, targetId: string): ImportNote {
  const name = [p.input!.lastName, p.input!.firstName].filter(Boolean).join(" ");
  return { row: p.row, path: "", message, outcome, data: { name, targetId } };
}

export const contactsImporter: EntityImporter<Prepared> = {
  table: "contacts",
  prepare,
  keys: (p) => (p.input ? matchKeys(null, p.input.emails) : []),
  apply,
};
