import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { uuidv7 } from "../../../core/uuid";
import {
  activities,
  companies,
  contacts,
  documentTemplates,
  mailSettings,
  proposals,
  users,
} from "../../db/schema";
import type { Db } from "../../platform/db/client";

export type TemplateRow = typeof documentTemplates.$inferSelect;
export type MailSettingsRow = typeof mailSettings.$inferSelect;

const templateColumns = {
  id: documentTemplates.id,
  workspaceId: documentTemplates.workspaceId,
  kind: documentTemplates.kind,
  name: documentTemplates.name,
  fileName: documentTemplates.fileName,
  size: documentTemplates.size,
  placeholders: documentTemplates.placeholders,
  createdAt: documentTemplates.createdAt,
  createdBy: documentTemplates.createdBy,
};
export type TemplateMeta = Omit<TemplateRow, "content" | "deletedAt" | "updatedAt" | "version">;

/** Live templates, newest first (a workspace keeps a handful: no paging needed). */
export function listTemplates(db: Db, workspaceId: string): Promise<TemplateMeta[]> {
  return db
    .select(templateColumns)
    .from(documentTemplates)
    .where(and(eq(documentTemplates.workspaceId, workspaceId), isNull(documentTemplates.deletedAt)))
    .orderBy(desc(documentTemplates.createdAt), desc(documentTemplates.id))
    .limit(200);
}

export async function templateById(
  db: Db,
  workspaceId: string,
  id: string,
): Promise<TemplateRow | undefined> {
  const [row] = await db
    .select()
    .from(documentTemplates)
    .where(
      and(
        eq(documentTemplates.id, id),
        eq(documentTemplates.workspaceId, workspaceId),
        isNull(documentTemplates.deletedAt),
      ),
    );
  return row;
}

/** The template that prints a kind: the newest live upload, or none (the default then). */
export async function activeTemplate(
  db: Db,
  workspaceId: string,
  kind: TemplateRow["kind"],
): Promise<TemplateRow | undefined> {
  const [row] = await db
    .select()
    .from(documentTemplates)
    .where(
      and(
        eq(documentTemplates.workspaceId, workspaceId),
        eq(documentTemplates.kind, kind),
        isNull(documentTemplates.deletedAt),
      ),
    )
    .orderBy(desc(documentTemplates.createdAt), desc(documentTemplates.id))
    .limit(1);
  return row;
}

export async function insertTemplate(
  tx: Db,
  row: typeof documentTemplates.$inferInsert,
): Promise<TemplateMeta> {
  const [created] = await tx.insert(documentTemplates).values(row).returning(templateColumns);
  return created!;
}

export async function softDeleteTemplate(
  tx: Db,
  workspaceId: string,
  id: string,
): Promise<TemplateMeta | undefined> {
  const [row] = await tx
    .update(documentTemplates)
    .set({ deletedAt: sql`now()`, updatedAt: sql`now()`, version: sql`${documentTemplates.version} + 1` })
    .where(
      and(
        eq(documentTemplates.id, id),
        eq(documentTemplates.workspaceId, workspaceId),
        isNull(documentTemplates.deletedAt),
      ),
    )
    .returning(templateColumns);
  return row;
}

export async function mailSettingsRow(
  db: Db,
  workspaceId: string,
  lock = false,
): Promise<MailSettingsRow | undefined> {
  const q = db.select().from(mailSettings).where(eq(mailSettings.workspaceId, workspaceId));
  const [row] = lock ? await q.for("update") : await q;
  return row;
}

export async function upsertMailSettings(
  tx: Db,
  row: typeof mailSettings.$inferInsert,
): Promise<MailSettingsRow> {
  const { workspaceId: _w, ...set } = row;
  const [saved] = await tx
    .insert(mailSettings)
    .values(row)
    .onConflictDoUpdate({ target: mailSettings.workspaceId, set: { ...set, updatedAt: sql`now()` } })
    .returning();
  return saved!;
}

export async function lockProposal(tx: Db, workspaceId: string, id: string) {
  const [row] = await tx
    .select()
    .from(proposals)
    .where(and(eq(proposals.id, id), eq(proposals.workspaceId, workspaceId), isNull(proposals.deletedAt)))
    .for("update");
  return row;
}

export async function markProposalSent(tx: Db, id: string) {
  const [row] = await tx
    .update(proposals)
    .set({
      status: "sent",
      sentAt: sql`now()`,
      updatedAt: sql`now()`,
      version: sql`${proposals.version} + 1`,
    })
    .where(eq(proposals.id, id))
    .returning();
  return row!;
}

/** A contact of the company with its addresses; null when it is not the company's or is deleted. */
export async function contactOfCompany(db: Db, workspaceId: string, companyId: string, contactId: string) {
  const [row] = await db
    .select({
      id: contacts.id,
      lastName: contacts.lastName,
      firstName: contacts.firstName,
      middleName: contacts.middleName,
      emails: contacts.emails,
    })
    .from(contacts)
    .where(
      and(
        eq(contacts.id, contactId),
        eq(contacts.workspaceId, workspaceId),
        eq(contacts.companyId, companyId),
        isNull(contacts.deletedAt),
      ),
    );
  return row ?? null;
}

export async function userName(db: Db, id: string): Promise<string | null> {
  const [row] = await db.select({ fullName: users.fullName }).from(users).where(eq(users.id, id));
  return row?.fullName ?? null;
}

/**
 * An outgoing email on the company's timeline, done now.
 *
 * AT THE JOIN: replace with `recordActivity(tx, actor, {type: "email", direction: "out", …})`
 * from the activities part; this inserts the same row and keeps `companies.last_contact_at`.
 */
export async function insertEmailActivity(
  tx: Db,
  a: {
    workspaceId: string;
    actorId: string | null;
    ownerId: string;
    companyId: string;
    contactId: string | null;
    dealId: string | null;
    subject: string;
    body: string;
  },
): Promise<string> {
  const id = uuidv7();
  const now = new Date().toISOString();
  await tx.insert(activities).values({
    id,
    workspaceId: a.workspaceId,
    createdBy: a.actorId,
    type: "email",
    direction: "out",
    subject: a.subject,
    body: a.body,
    companyId: a.companyId,
    contactId: a.contactId,
    dealId: a.dealId,
    ownerId: a.ownerId,
    doneAt: now,
    occurredAt: now,
  });
  await tx
    .update(companies)
    .set({
      lastContactAt: sql`greatest(coalesce(${companies.lastContactAt}, ${now}::timestamptz), ${now}::timestamptz)`,
    })
    .where(eq(companies.id, a.companyId));
  return id;
}
