import { and, asc, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import {
  activities,
  cadenceEnrolments,
  cadenceSteps,
  cadences,
  companies,
  contacts,
  users,
} from "../../db/schema/index";
import type { Db } from "../../platform/db/client";

export type CadenceRow = typeof cadences.$inferSelect;
export type StepRow = typeof cadenceSteps.$inferSelect;
export type EnrolmentRow = typeof cadenceEnrolments.$inferSelect;
export type ActivityInsert = typeof activities.$inferInsert;

export async function insertCadence(tx: Db, values: typeof cadences.$inferInsert): Promise<CadenceRow> {
  const [row] = await tx.insert(cadences).values(values).returning();
  return row!;
}

export async function updateCadenceRow(
  tx: Db,
  id: string,
  set: Partial<typeof cadences.$inferInsert> | Record<string, unknown>,
): Promise<CadenceRow> {
  const [row] = await tx
    .update(cadences)
    .set({ ...set, updatedAt: sql`now()` })
    .where(eq(cadences.id, id))
    .returning();
  return row!;
}

export async function findCadence(
  db: Db,
  workspaceId: string,
  id: string,
  lock = false,
): Promise<CadenceRow | null> {
  const q = db
    .select()
    .from(cadences)
    .where(and(eq(cadences.workspaceId, workspaceId), eq(cadences.id, id)));
  const [row] = lock ? await q.for("update") : await q;
  return row ?? null;
}

/** Schemes by name; `where` carries the visibility and filters. */
export async function listCadenceRows(db: Db, where: SQL, limit: number): Promise<CadenceRow[]> {
  return db
    .select()
    .from(cadences)
    .where(where)
    .orderBy(sql`${cadences.name} collate ru_icu asc`, asc(cadences.id))
    .limit(limit + 1);
}

export async function stepsOf(db: Db, cadenceIds: readonly string[]): Promise<StepRow[]> {
  if (!cadenceIds.length) return [];
  return db
    .select()
    .from(cadenceSteps)
    .where(inArray(cadenceSteps.cadenceId, [...cadenceIds]))
    .orderBy(asc(cadenceSteps.cadenceId), asc(cadenceSteps.position));
}

export async function replaceSteps(
  tx: Db,
  cadenceId: string,
  rows: (typeof cadenceSteps.$inferInsert)[],
): Promise<void> {
  await tx.delete(cadenceSteps).where(eq(cadenceSteps.cadenceId, cadenceId));
  if (rows.length) await tx.insert(cadenceSteps).values(rows);
}

export async function userNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.fullName })
    .from(users)
    .where(inArray(users.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Enrols one client unless it is already active in the scheme (then null). */
export async function insertEnrolment(
  tx: Db,
  values: typeof cadenceEnrolments.$inferInsert,
): Promise<EnrolmentRow | null> {
  const [row] = await tx.insert(cadenceEnrolments).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

export async function lockEnrolment(tx: Db, workspaceId: string, id: string): Promise<EnrolmentRow | null> {
  const [row] = await tx
    .select()
    .from(cadenceEnrolments)
    .where(and(eq(cadenceEnrolments.workspaceId, workspaceId), eq(cadenceEnrolments.id, id)))
    .for("update");
  return row ?? null;
}

export async function updateEnrolment(
  tx: Db,
  id: string,
  set: Partial<typeof cadenceEnrolments.$inferInsert> | Record<string, unknown>,
): Promise<EnrolmentRow> {
  const [row] = await tx
    .update(cadenceEnrolments)
    .set({ ...set, updatedAt: sql`now()`, version: sql`${cadenceEnrolments.version} + 1` })
    .where(eq(cadenceEnrolments.id, id))
    .returning();
  return row!;
}

/** Ends the active enrolments of a company or a contact; returns the rows as they were. */
export async function stopActive(
  tx: Db,
  workspaceId: string,
  target: { companyId?: string; contactId?: string },
  reason: EnrolmentRow["stopReason"],
): Promise<EnrolmentRow[]> {
  const who: SQL[] = [];
  if (target.companyId) who.push(eq(cadenceEnrolments.companyId, target.companyId));
  if (target.contactId) who.push(eq(cadenceEnrolments.contactId, target.contactId));
  if (!who.length) return [];
  return tx
    .update(cadenceEnrolments)
    .set({
      status: "stopped",
      stopReason: reason,
      endedAt: sql`now()`,
      nextPosition: null,
      nextDueOn: null,
      updatedAt: sql`now()`,
      version: sql`${cadenceEnrolments.version} + 1`,
    })
    .where(
      and(
        eq(cadenceEnrolments.workspaceId, workspaceId),
        eq(cadenceEnrolments.status, "active"),
        who.length === 1 ? who[0] : sql`(${who[0]} or ${who[1]})`,
      ),
    )
    .returning();
}

/** The step task; a second insert for the same (enrolment, step) does nothing (unique index). */
export async function insertStepActivity(tx: Db, values: ActivityInsert): Promise<string | null> {
  const [row] = await tx
    .insert(activities)
    .values(values)
    .onConflictDoNothing({
      target: [activities.enrolmentId, activities.cadenceStep],
      where: sql`${activities.enrolmentId} is not null`,
    })
    .returning({ id: activities.id });
  return row?.id ?? null;
}

export type EnrolmentView = EnrolmentRow & {
  cadenceName: string | null;
  companyName: string | null;
  contactName: string | null;
  stepsTotal: number;
  task: { id: string; type: string; subject: string; dueAt: string | null; doneAt: string | null } | null;
};

/** Enrolments with the names around them, in one query. */
export async function listEnrolmentRows(db: Db, where: SQL, limit: number): Promise<EnrolmentView[]> {
  const rows = await db
    .select({
      e: cadenceEnrolments,
      cadenceName: cadences.name,
      companyName: companies.name,
      contactName: sql<
        string | null
      >`nullif(concat_ws(' ', ${contacts.lastName}, ${contacts.firstName}), '')`,
      stepsTotal: sql<number>`(select count(*)::int from ${cadenceSteps} where ${cadenceSteps.cadenceId} = ${cadenceEnrolments.cadenceId})`,
      taskId: activities.id,
      taskType: activities.type,
      taskSubject: activities.subject,
      taskDueAt: activities.dueAt,
      taskDoneAt: activities.doneAt,
    })
    .from(cadenceEnrolments)
    .leftJoin(cadences, eq(cadences.id, cadenceEnrolments.cadenceId))
    .leftJoin(companies, eq(companies.id, cadenceEnrolments.companyId))
    .leftJoin(contacts, eq(contacts.id, cadenceEnrolments.contactId))
    // The latest issued step's task (one unique-index probe).
    .leftJoin(
      activities,
      and(
        eq(activities.enrolmentId, cadenceEnrolments.id),
        eq(activities.cadenceStep, cadenceEnrolments.stepsDone),
      ),
    )
    .where(where)
    .orderBy(sql`${cadenceEnrolments.createdAt} desc`, sql`${cadenceEnrolments.id} desc`)
    .limit(limit + 1);
  return rows.map((r) => ({
    ...r.e,
    cadenceName: r.cadenceName,
    companyName: r.companyName,
    contactName: r.contactName,
    stepsTotal: r.stepsTotal,
    task: r.taskId
      ? { id: r.taskId, type: r.taskType!, subject: r.taskSubject!, dueAt: r.taskDueAt, doneAt: r.taskDoneAt }
      : null,
  }));
}

export type StatsRow = {
  cadenceId: string;
  enrolled: number;
  inProgress: number;
  completed: number;
  reply: number;
  manual: number;
  dealWon: number;
  dealLost: number;
  converted: number;
};

/**
 * Counts per scheme in one pass. Converted: the company has a won deal closed after the
 * enrolment began (whatever ended the enrolment).
 */
export async function statsOf(
  db: Db,
  cadenceIds: readonly string[],
  visible: SQL | undefined,
): Promise<StatsRow[]> {
  if (!cadenceIds.length) return [];
  const e = cadenceEnrolments;
  const rows = await db.execute<StatsRow>(sql`
    select ${e.cadenceId} as "cadenceId",
      count(*)::int as "enrolled",
      count(*) filter (where ${e.status} = 'active')::int as "inProgress",
      count(*) filter (where ${e.status} = 'completed')::int as "completed",
      count(*) filter (where ${e.stopReason} = 'reply')::int as "reply",
      count(*) filter (where ${e.stopReason} = 'manual')::int as "manual",
      count(*) filter (where ${e.stopReason} = 'deal_won')::int as "dealWon",
      count(*) filter (where ${e.stopReason} = 'deal_lost')::int as "dealLost",
      count(*) filter (where exists (
        select 1 from deals d
        where d.workspace_id = ${e.workspaceId} and d.company_id = ${e.companyId}
          and d.deleted_at is null and d.status = 'won' and d.closed_at >= ${e.createdAt}
      ))::int as "converted"
    from ${e}
    where ${inArray(e.cadenceId, [...cadenceIds])} ${visible ? sql`and ${visible}` : sql``}
    group by ${e.cadenceId}`);
  return rows.rows;
}

export async function liveCadence(db: Db, workspaceId: string, id: string): Promise<CadenceRow | null> {
  const [row] = await db
    .select()
    .from(cadences)
    .where(and(eq(cadences.workspaceId, workspaceId), eq(cadences.id, id), isNull(cadences.deletedAt)));
  return row ?? null;
}
