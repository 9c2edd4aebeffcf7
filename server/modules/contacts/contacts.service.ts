import { sql } from "drizzle-orm";
import type { Contact, ContactCreate, ContactListQuery, ContactUpdate } from "../../../contracts/contacts";
import { uuidv7 } from "../../../core/uuid";
import { type Actor, isSystem } from "../../platform/actor";
import { recordChange } from "../../platform/audit";
import { type Db, withTx } from "../../platform/db/client";
import { AppError } from "../../platform/errors";
import { type Action, type Reach, reachOf } from "../../platform/permissions";
import { authorize, canReach } from "../../platform/policy";
import { phoneSearchText, uniqueEmails, uniquePhones } from "../companies/companies.normalize";
import { companyForAction } from "../companies/companies.service";
import { type ContactRow, presentContact } from "./contacts.presenter";
import {
  type ContactValues,
  contactFilterWhere,
  findContact,
  insertContact,
  listContacts,
  lockContact,
  updateContact,
} from "./contacts.repo";

const stampOf = (actor: Actor) => (isSystem(actor) ? null : actor.id);
const mayRestore = (actor: Actor) => reachOf("contacts", "restore", actor.role) !== null;

/**
 * Contacts are seen like their company: by the denormalised owner. Outside the reach → 404;
 * a deleted contact only by those who may restore it.
 */
function authorizeContact(actor: Actor, action: Action, row: ContactRow | undefined): Reach {
  const reach = authorize(actor, "contacts", action);
  if (!row || !canReach(actor, reach, row.ownerId)) throw AppError.notFound();
  if (row.deletedAt && (action !== "read" || !mayRestore(actor))) throw AppError.notFound();
  return reach;
}

type ConsentInput = { marketing: boolean; source?: string | null } | undefined;

/**
 * A marketing consent is a dated fact with a source (152-FZ, 38-FZ): giving it records when and
 * where; taking it back records "withdrawn" (not "unknown": we must not ask again by mail).
 */
function consentSet(consent: ConsentInput, before?: ContactRow): ContactValues {
  if (!consent) return {};
  const status = consent.marketing ? "granted" : "withdrawn";
  const source = consent.source ?? null;
  if (
    before &&
    before.consentMarketing === status &&
    (consent.source === undefined || before.consentSource === source)
  )
    return {};
  return { consentMarketing: status, consentAt: new Date().toISOString(), consentSource: source };
}

function channels(input: { phones?: string[]; emails?: string[] }): ContactValues {
  const set: ContactValues = {};
  if (input.phones) {
    set.phones = uniquePhones(input.phones);
    set.phoneSearch = phoneSearchText(set.phones);
  }
  if (input.emails) set.emails = uniqueEmails(input.emails);
  return set;
}

const nameFields = ["lastName", "firstName", "middleName", "position", "notes"] as const;

function textSet(
  input: Partial<Record<(typeof nameFields)[number], string | null | undefined>>,
): ContactValues {
  const set: Record<string, string | null> = {};
  for (const key of nameFields) {
    const value = input[key];
    if (value !== undefined) set[key] = value === "" ? null : value;
  }
  return set as ContactValues;
}

export async function createContact(db: Db, actor: Actor, input: ContactCreate): Promise<Contact> {
  authorize(actor, "contacts", "create");
  return withTx(db, async (tx) => {
    // A contact of a company belongs to the company's owner; without a company, to its author.
    const company = input.companyId ? await companyForAction(tx, actor, input.companyId, "update") : null;
    const row = await insertContact(tx, {
      ...textSet(input),
      ...channels(input),
      ...consentSet(input.consent),
      lastName: input.lastName,
      id: uuidv7(),
      workspaceId: actor.workspaceId,
      createdBy: stampOf(actor),
      companyId: company?.id ?? null,
      ownerId: company?.ownerId ?? actor.id,
    });
    const contact = presentContact(row);
    await recordChange(tx, actor, { action: "create", entity: "contact", entityId: row.id, after: contact });
    return contact;
  });
}

export async function getContact(db: Db, actor: Actor, id: string): Promise<Contact> {
  const row = await findContact(db, actor.workspaceId, id);
  authorizeContact(actor, "read", row);
  return presentContact(row!);
}

export async function listVisibleContacts(db: Db, actor: Actor, query: ContactListQuery) {
  const reach = authorize(actor, "contacts", "read");
  if (query.deleted && !mayRestore(actor)) throw AppError.forbidden();
  // Contacts of a company the caller cannot see: the company does not exist for them.
  if (query.companyId) await companyForAction(db, actor, query.companyId, "read");
  const result = await listContacts(db, contactFilterWhere(actor, reach, query), query);
  return { items: result.items.map(presentContact), nextCursor: result.nextCursor };
}

export async function updateContactCard(
  db: Db,
  actor: Actor,
  id: string,
  input: ContactUpdate,
): Promise<Contact> {
  authorize(actor, "contacts", "update");
  return withTx(db, async (tx) => {
    const before = await lockContact(tx, actor.workspaceId, id);
    authorizeContact(actor, "update", before);
    if (before!.version !== input.version) throw AppError.stale(before!.version);
    const set: ContactValues = {
      ...textSet(input),
      ...channels(input),
      ...consentSet(input.consent, before),
    };
    if (input.companyId !== undefined && input.companyId !== before!.companyId) {
      // Moving to another company hands the contact to that company's owner.
      const company = input.companyId ? await companyForAction(tx, actor, input.companyId, "update") : null;
      set.companyId = company?.id ?? null;
      if (company) set.ownerId = company.ownerId;
    }
    const row = await updateContact(tx, id, { ...set, version: before!.version + 1 });
    const contact = presentContact(row);
    await recordChange(tx, actor, {
      action: "update",
      entity: "contact",
      entityId: id,
      before: presentContact(before!),
      after: contact,
    });
    return contact;
  });
}

export async function deleteContact(db: Db, actor: Actor, id: string): Promise<Contact> {
  authorize(actor, "contacts", "delete");
  return withTx(db, async (tx) => {
    const before = await lockContact(tx, actor.workspaceId, id);
    authorizeContact(actor, "delete", before);
    const row = await updateContact(tx, id, {
      deletedAt: sql`now()`,
      deletedBy: stampOf(actor),
      version: before!.version + 1,
    });
    await recordChange(tx, actor, {
      action: "delete",
      entity: "contact",
      entityId: id,
      changes: { deletedAt: { from: null, to: row.deletedAt } },
    });
    return presentContact(row);
  });
}

export async function restoreContact(db: Db, actor: Actor, id: string): Promise<Contact> {
  authorize(actor, "contacts", "restore");
  return withTx(db, async (tx) => {
    const before = await lockContact(tx, actor.workspaceId, id);
    authorizeContact(actor, "read", before);
    if (!before!.deletedAt) throw AppError.rule("not_deleted");
    if (before!.erasedAt) throw AppError.rule("contact_erased");
    const set: ContactValues = { deletedAt: null, deletedBy: null };
    if (before!.companyId) {
      // Back under its company, whoever owns the company now.
      const company = await companyForAction(tx, actor, before!.companyId, "read");
      if (company.deletedAt) throw AppError.rule("company_deleted");
      set.ownerId = company.ownerId;
    }
    const row = await updateContact(tx, id, { ...set, version: before!.version + 1 });
    await recordChange(tx, actor, {
      action: "restore",
      entity: "contact",
      entityId: id,
      changes: { deletedAt: { from: before!.deletedAt, to: null } },
    });
    return presentContact(row);
  });
}
