import { and, asc, eq, inArray, sql } from "drizzle-orm";
import {
  auditLog,
  consentEvents,
  contactColumns,
  contacts,
  importErrors,
  imports,
  privacyRequests,
} from "../../db/schema/index";
import type { Db } from "../../platform/db/client";
import { decodeCursor, encodeCursor, page } from "../../platform/pagination";

export type PrivacyRequestRow = typeof privacyRequests.$inferSelect;
export type ConsentEventRow = typeof consentEvents.$inferSelect;

export async function insertConsentEvent(db: Db, values: typeof consentEvents.$inferInsert) {
  const [row] = await db.insert(consentEvents).values(values).returning();
  return row!;
}

/** A person's consents are a handful of rows; the limit is a guard, not a page. */
export async function consentEventsOf(db: Db, workspaceId: string, contactId: string, limit = 1000) {
  return db
    .select()
    .from(consentEvents)
    .where(and(eq(consentEvents.workspaceId, workspaceId), eq(consentEvents.contactId, contactId)))
    .orderBy(asc(consentEvents.at), asc(consentEvents.id))
    .limit(limit);
}

export async function insertPrivacyRequest(db: Db, values: typeof privacyRequests.$inferInsert) {
  const [row] = await db.insert(privacyRequests).values(values).returning();
  return row!;
}

export async function lockPrivacyRequest(db: Db, workspaceId: string, id: string) {
  const [row] = await db
    .select()
    .from(privacyRequests)
    .where(and(eq(privacyRequests.workspaceId, workspaceId), eq(privacyRequests.id, id)))
    .for("update");
  return row;
}

export async function requestsOfContact(db: Db, workspaceId: string, contactId: string, limit = 1000) {
  return db
    .select()
    .from(privacyRequests)
    .where(and(eq(privacyRequests.workspaceId, workspaceId), eq(privacyRequests.contactId, contactId)))
    .orderBy(asc(privacyRequests.receivedAt), asc(privacyRequests.id))
    .limit(limit);
}

/** Closes the open requests of a kind for a contact (an export answers every open access request). */
export async function closeOpenRequests(
  db: Db,
  workspaceId: string,
  contactId: string,
  kinds: readonly PrivacyRequestRow["kind"][],
  doneBy: string | null,
): Promise<PrivacyRequestRow[]> {
  return db
    .update(privacyRequests)
    .set({
      status: "done",
      doneAt: sql`now()`,
      doneBy,
      updatedAt: sql`now()`,
      version: sql`${privacyRequests.version} + 1`,
    })
    .where(
      and(
        eq(privacyRequests.workspaceId, workspaceId),
        eq(privacyRequests.contactId, contactId),
        eq(privacyRequests.status, "open"),
        inArray(privacyRequests.kind, [...kinds]),
      ),
    )
    .returning();
}

/**
 * The queue: open before done ('open' < 'done' is false alphabetically, hence the rank), then by
 * deadline. Visibility joins the contact's denormalised owner.
 */
const rank = sql<number>`(case when ${privacyRequests.status} = 'open' then 0 else 1 end)`;

export async function listPrivacyRequests(
  db: Db,
  where: {
    workspaceId: string;
    owners: readonly string[] | null;
    status?: "open" | "done";
    contactId?: string;
  },
  paging: { limit: number; cursor?: string },
) {
  let after = sql`true`;
  if (paging.cursor) {
    const [value, id] = decodeCursor(paging.cursor);
    const [r, deadline] = String(value).split("|");
    after = sql`(${rank}, ${privacyRequests.deadline}, ${privacyRequests.id}) > (${Number(r)}, ${deadline}::date, ${id}::uuid)`;
  }
  const rows = await db
    .select({ request: privacyRequests })
    .from(privacyRequests)
    .innerJoin(
      contacts,
      and(eq(contacts.workspaceId, privacyRequests.workspaceId), eq(contacts.id, privacyRequests.contactId)),
    )
    .where(
      and(
        eq(privacyRequests.workspaceId, where.workspaceId),
        where.owners ? inArray(contacts.ownerId, [...where.owners]) : undefined,
        where.status ? eq(privacyRequests.status, where.status) : undefined,
        where.contactId ? eq(privacyRequests.contactId, where.contactId) : undefined,
        after,
      ),
    )
    .orderBy(rank, asc(privacyRequests.deadline), asc(privacyRequests.id))
    .limit(paging.limit + 1);
  const items = rows.map((r) => r.request);
  return page(items, paging.limit, (row) =>
    encodeCursor(`${row.status === "open" ? 0 : 1}|${row.deadline}`, row.id),
  );
}

/**
 * Erasure in the audit log: every value recorded under the contact becomes "***"; which fields
 * changed, when and by whom stay (that is business history, not the person's data).
 */
export async function redactContactAudit(db: Db, workspaceId: string, contactId: string): Promise<void> {
  await db
    .update(auditLog)
    .set({
      changes: sql`(select jsonb_object_agg(key, '{"from":"***","to":"***"}'::jsonb) from jsonb_each(${auditLog.changes}))`,
    })
    .where(
      and(
        eq(auditLog.workspaceId, workspaceId),
        eq(auditLog.entity, "contact"),
        eq(auditLog.entityId, contactId),
        sql`${auditLog.changes} is not null and jsonb_typeof(${auditLog.changes}) = 'object'`,
      ),
    );
}

/**
 * The rows of contact imports kept for the error report hold what the file said about a person.
 * A row is cleared when it carries one of the contact's emails or phone numbers, or both of its
 * names: the file never had the contact's id, so its identifiers are what link the two.
 */
export async function redactImportErrors(
  db: Db,
  workspaceId: string,
  contact: { lastName: string; firstName: string | null; emails: string[]; phones: string[] },
): Promise<void> {
  const text = sql`lower(${importErrors.data}::text)`;
  const digits = sql`regexp_replace(${importErrors.data}::text, '[^0-9]', '', 'g')`;
  const matches = [
    ...contact.emails.map((e) => sql`position(${e.toLowerCase()} in ${text}) > 0`),
    ...contact.phones
      .map((p) => p.replace(/\D/g, "").slice(-10))
      .filter((d) => d.length === 10)
      .map((d) => sql`position(${d} in ${digits}) > 0`),
    ...(contact.firstName
      ? [
          sql`(position(${contact.lastName.toLowerCase()} in ${text}) > 0 and position(${contact.firstName.toLowerCase()} in ${text}) > 0)`,
        ]
      : []),
  ];
  if (!matches.length) return;
  await db
    .update(importErrors)
    .set({ data: null })
    .where(
      and(
        sql`${importErrors.data} is not null`,
        inArray(
          importErrors.importId,
          db
            .select({ id: imports.id })
            .from(imports)
            .where(and(eq(imports.workspaceId, workspaceId), eq(imports.entity, "contacts"))),
        ),
        sql`(${sql.join(matches, sql` or `)})`,
      ),
    );
}

export async function setMarketingConsent(
  db: Db,
  id: string,
  values: { consentMarketing: "granted" | "withdrawn"; consentAt: string; consentSource: string },
): Promise<void> {
  await db
    .update(contacts)
    .set({ ...values, version: sql`${contacts.version} + 1`, updatedAt: sql`now()` })
    .where(eq(contacts.id, id));
}

/** Consents stay as evidence of a lawful basis, but the IP is personal data. */
export async function dropConsentIps(db: Db, workspaceId: string, contactId: string): Promise<void> {
  await db
    .update(consentEvents)
    .set({ ip: null })
    .where(and(eq(consentEvents.workspaceId, workspaceId), eq(consentEvents.contactId, contactId)));
}

/** The contact row, deleted or not: a deleted contact still holds personal data. */
export async function lockContactRow(db: Db, workspaceId: string, id: string, lock: boolean) {
  const q = db
    .select(contactColumns)
    .from(contacts)
    .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.id, id)));
  const [row] = lock ? await q.for("update") : await q.limit(1);
  return row;
}

/**
 * Clears every personal field; the id, company, owner and stamps stay so business history stays
 * linked. The generated search_vector and the trigram indexes follow the cleared columns. The
 * row is also soft-deleted so it leaves lists and exports (an admin restoring it gets no data).
 */
export async function eraseContactRow(db: Db, id: string, erasedBy: string | null) {
  const [row] = await db
    .update(contacts)
    .set({
      lastName: ERASED,
      firstName: null,
      middleName: null,
      position: null,
      phones: [],
      emails: [],
      phoneSearch: "",
      notes: null,
      consentSource: null,
      erasedAt: sql`now()`,
      deletedAt: sql`coalesce(${contacts.deletedAt}, now())`,
      deletedBy: sql`coalesce(${contacts.deletedBy}, ${erasedBy}::uuid)`,
      version: sql`${contacts.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(eq(contacts.id, id))
    .returning(contactColumns);
  return row!;
}

export const ERASED = "Удалено";
