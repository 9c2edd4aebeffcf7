import type { AuditEntry } from "../../../contracts/audit";
import type {
  ConsentEvent,
  ConsentEventCreate,
  PersonalDataExport,
  PrivacyRequest,
  PrivacyRequestCreate,
  PrivacyRequestListQuery,
} from "../../../contracts/privacy";
import { moscowToday } from "../../../core/moscow-time";
import { uuidv7 } from "../../../core/uuid";
import { addDays, addWorkingDays } from "../../../core/working-days";
import { type Actor, isSystem } from "../../platform/actor";
import { recordChange } from "../../platform/audit";
import { type Db, withTx } from "../../platform/db/client";
import { AppError } from "../../platform/errors";
import type { Action } from "../../platform/permissions";
import { authorize, authorizeRow, visibleOwnerIds } from "../../platform/policy";
import { listAuditEntries } from "../audit/audit.service";
import { type ContactRow, presentContact } from "../contacts/contacts.presenter";
import { forgetSearchWords } from "../search/search.words";
import { presentConsent, presentRequest } from "./privacy.presenter";
import {
  closeOpenRequests,
  consentEventsOf,
  dropConsentIps,
  eraseContactRow,
  insertConsentEvent,
  insertPrivacyRequest,
  listPrivacyRequests,
  lockContactRow,
  lockPrivacyRequest,
  redactContactAudit,
  redactImportErrors,
  requestsOfContact,
  setMarketingConsent,
} from "./privacy.repo";

const stampOf = (actor: Actor) => (isSystem(actor) ? null : actor.id);

/**
 * 152-ФЗ terms: an answer to an access request within 10 working days (ст. 20 ч. 1); erasure
 * within 30 days of a withdrawal or demand (ст. 21 ч. 5). The 30 days are not moved to the next
 * working day: finishing early is always lawful, finishing late never is.
 */
export function deadlineOf(kind: PrivacyRequest["kind"], received: string): string {
  return kind === "access" ? addWorkingDays(received, 10) : addDays(received, 30);
}

/** The contact under the privacy right: outside the reach → 404, no right at all → 403. */
async function contactFor(
  db: Db,
  actor: Actor,
  id: string,
  action: Action,
  opts: { lock?: boolean; liveOnly?: boolean } = {},
): Promise<ContactRow> {
  authorize(actor, "privacy", action);
  const row = await lockContactRow(db, actor.workspaceId, id, opts.lock ?? false);
  if (!row || (opts.liveOnly && row.deletedAt)) throw AppError.notFound();
  authorizeRow(actor, "privacy", action, row.ownerId);
  return row;
}

export async function recordConsent(
  db: Db,
  actor: Actor,
  contactId: string,
  input: ConsentEventCreate,
): Promise<ConsentEvent> {
  authorize(actor, "privacy", "create");
  return withTx(db, async (tx) => {
    const contact = await contactFor(tx, actor, contactId, "create", { lock: true, liveOnly: true });
    const row = await insertConsentEvent(tx, {
      id: uuidv7(),
      workspaceId: actor.workspaceId,
      contactId,
      kind: input.kind,
      granted: input.granted,
      basis: input.basis,
      textVersion: input.textVersion ?? null,
      channel: input.channel,
      ip: input.ip ?? null,
      ...(input.at ? { at: input.at } : {}),
      createdBy: stampOf(actor),
    });
    const event = presentConsent(row);
    if (event.kind === "marketing") await syncMarketingConsent(tx, contact, event);
    // Under the contact, so its history shows it and an erasure redacts it; no IP in the log.
    const { ip: _ip, ...logged } = event;
    await recordChange(tx, actor, {
      action: "consent",
      entity: "contact",
      entityId: contactId,
      changes: { consent: { from: null, to: logged } },
    });
    return event;
  });
}

export async function listConsents(db: Db, actor: Actor, contactId: string): Promise<ConsentEvent[]> {
  await contactFor(db, actor, contactId, "read");
  return (await consentEventsOf(db, actor.workspaceId, contactId)).map(presentConsent);
}

export async function fileRequest(
  db: Db,
  actor: Actor,
  input: PrivacyRequestCreate,
): Promise<PrivacyRequest> {
  authorize(actor, "privacy", "create");
  return withTx(db, async (tx) => {
    await contactFor(tx, actor, input.contactId, "create");
    const received = moscowToday();
    const row = await insertPrivacyRequest(tx, {
      id: uuidv7(),
      workspaceId: actor.workspaceId,
      createdBy: stampOf(actor),
      contactId: input.contactId,
      kind: input.kind,
      deadline: deadlineOf(input.kind, received),
      note: input.note ?? null,
    });
    const request = presentRequest(row);
    await recordChange(tx, actor, {
      action: "create",
      entity: "privacy_request",
      entityId: row.id,
      // The note may quote the person: it stays in the request, not in the log.
      changes: {
        contactId: { from: null, to: row.contactId },
        kind: { from: null, to: row.kind },
        deadline: { from: null, to: row.deadline },
      },
    });
    return request;
  });
}

export async function listRequests(db: Db, actor: Actor, query: PrivacyRequestListQuery) {
  const reach = authorize(actor, "privacy", "read");
  const result = await listPrivacyRequests(
    db,
    {
      workspaceId: actor.workspaceId,
      owners: visibleOwnerIds(actor, reach),
      status: query.status,
      contactId: query.contactId,
    },
    query,
  );
  return { items: result.items.map(presentRequest), nextCursor: result.nextCursor };
}

async function closeRequests(
  tx: Db,
  actor: Actor,
  contactId: string,
  kinds: PrivacyRequest["kind"][],
): Promise<void> {
  const closed = await closeOpenRequests(tx, actor.workspaceId, contactId, kinds, stampOf(actor));
  for (const row of closed) {
    await recordChange(tx, actor, {
      action: "update",
      entity: "privacy_request",
      entityId: row.id,
      changes: { status: { from: "open", to: "done" } },
    });
  }
}

/** A person's audit trail is short; it is read page by page all the same. */
async function auditOf(db: Db, workspaceId: string, contactId: string): Promise<AuditEntry[]> {
  const all: AuditEntry[] = [];
  let cursor: string | undefined;
  do {
    const page = await listAuditEntries(
      db,
      workspaceId,
      { entity: "contact", entityId: contactId },
      cursor,
      200,
    );
    all.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return all;
}

/** The answer to an access request (ст. 14): everything held about the person, in one document. */
export async function exportPersonalData(
  db: Db,
  actor: Actor,
  contactId: string,
): Promise<PersonalDataExport> {
  authorize(actor, "privacy", "export");
  return withTx(db, async (tx) => {
    const row = await contactFor(tx, actor, contactId, "export", { lock: true });
    await closeRequests(tx, actor, contactId, ["access"]);
    const [consents, requests, audit] = [
      await consentEventsOf(tx, actor.workspaceId, contactId),
      await requestsOfContact(tx, actor.workspaceId, contactId),
      await auditOf(tx, actor.workspaceId, contactId),
    ];
    return {
      exportedAt: new Date().toISOString(),
      contact: presentContact(row),
      consents: consents.map(presentConsent),
      requests: requests.map(presentRequest),
      audit,
    };
  });
}

const personalFields = [
  "lastName",
  "firstName",
  "middleName",
  "position",
  "phones",
  "emails",
  "notes",
] as const;

/**
 * The contact's marketing flag (used by lists, exports and mailings) follows the newest marketing
 * consent event; a back-dated paper form older than the current state does not overturn it.
 */
async function syncMarketingConsent(tx: Db, contact: ContactRow, event: ConsentEvent): Promise<void> {
  if (contact.consentAt && Date.parse(contact.consentAt) > Date.parse(event.at)) return;
  await setMarketingConsent(tx, contact.id, {
    consentMarketing: event.granted ? "granted" : "withdrawn",
    consentAt: event.at,
    consentSource: event.channel,
  });
}

/**
 * Erasure (ст. 21 ч. 5): one transaction clears the personal fields, redacts the contact's audit
 * values, drops consent IPs and closes the request. The audit of the erasure names the erased
 * fields only. The id stays, so companies and deals keep their history.
 */
export async function eraseContact(
  db: Db,
  actor: Actor,
  contactId: string,
  input: { requestId?: string },
): Promise<PersonalDataExport["contact"]> {
  authorize(actor, "privacy", "delete");
  return withTx(db, async (tx) => {
    const before = await contactFor(tx, actor, contactId, "delete", { lock: true });
    if (input.requestId) {
      const request = await lockPrivacyRequest(tx, actor.workspaceId, input.requestId);
      if (!request || request.contactId !== contactId || request.status !== "open")
        throw AppError.rule("privacy_request_mismatch");
    }
    const row = await eraseContactRow(tx, contactId, stampOf(actor));
    await redactContactAudit(tx, actor.workspaceId, contactId);
    await dropConsentIps(tx, actor.workspaceId, contactId);
    await redactImportErrors(tx, actor.workspaceId, before);
    await forgetSearchWords(
      tx,
      actor.workspaceId,
      [before.lastName, before.firstName, before.middleName, before.position].filter(Boolean).join(" "),
    );
    const erased = personalFields.filter((key) => {
      const value = before[key];
      return Array.isArray(value) ? value.length > 0 : value !== null;
    });
    await recordChange(tx, actor, {
      action: "erase",
      entity: "contact",
      entityId: contactId,
      changes: Object.fromEntries(erased.map((key) => [key, { from: "***", to: "***" }])),
    });
    // Every erasure is a logged request: one filed on the spot when none was named.
    if (!input.requestId) {
      const received = moscowToday();
      const filed = await insertPrivacyRequest(tx, {
        id: uuidv7(),
        workspaceId: actor.workspaceId,
        createdBy: stampOf(actor),
        contactId,
        kind: "erasure",
        deadline: deadlineOf("erasure", received),
      });
      await recordChange(tx, actor, {
        action: "create",
        entity: "privacy_request",
        entityId: filed.id,
        changes: { contactId: { from: null, to: contactId }, kind: { from: null, to: "erasure" } },
      });
    }
    // Erasure answers the open demands to stop processing; an access request still needs its answer.
    await closeRequests(tx, actor, contactId, ["erasure", "withdrawal"]);
    return presentContact(row);
  });
}
