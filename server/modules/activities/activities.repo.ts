import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lt, type SQL, sql } from "drizzle-orm";
import type { PgUpdateSetSource } from "drizzle-orm/pg-core";
import { activities, companies, contacts, deals, users } from "../../db/schema/index";
import type { Db } from "../../platform/db/client";
import { afterCursor, encodeCursor, page } from "../../platform/pagination";

export type ActivityInsert = typeof activities.$inferInsert;
export type ActivitySet = PgUpdateSetSource<typeof activities>;
type Base = typeof activities.$inferSelect;
/** An activity with what lists show beside it (joined in the same query, no N+1). */
export type ActivityRow = Base & {
  ownerName: string | null;
  companyName: string | null;
  companyOwnerId: string | null;
};

/** Every column of activities plus the joined names: one select shape for every read. */
const selection = {
  id: activities.id,
  workspaceId: activities.workspaceId,
  createdAt: activities.createdAt,
  updatedAt: activities.updatedAt,
  createdBy: activities.createdBy,
  version: activities.version,
  type: activities.type,
  subject: activities.subject,
  body: activities.body,
  companyId: activities.companyId,
  contactId: activities.contactId,
  dealId: activities.dealId,
  ownerId: activities.ownerId,
  direction: activities.direction,
  dueAt: activities.dueAt,
  endAt: activities.endAt,
  remindAt: activities.remindAt,
  doneAt: activities.doneAt,
  occurredAt: activities.occurredAt,
  outcome: activities.outcome,
  agreements: activities.agreements,
  nextStep: activities.nextStep,
  enrolmentId: activities.enrolmentId,
  cadenceStep: activities.cadenceStep,
  deletedAt: activities.deletedAt,
  deletedBy: activities.deletedBy,
  ownerName: users.fullName,
  companyName: companies.name,
  companyOwnerId: companies.ownerId,
};

function joined(db: Db) {
  return db
    .select(selection)
    .from(activities)
    .leftJoin(users, eq(users.id, activities.ownerId))
    .leftJoin(companies, eq(companies.id, activities.companyId));
}

export async function findActivity(
  db: Db,
  workspaceId: string,
  id: string,
): Promise<ActivityRow | undefined> {
  const [row] = await joined(db)
    .where(and(eq(activities.workspaceId, workspaceId), eq(activities.id, id)))
    .limit(1);
  return row;
}

/** The row locked for a write, then read with its names. */
export async function lockActivity(
  db: Db,
  workspaceId: string,
  id: string,
): Promise<ActivityRow | undefined> {
  const locked = await db
    .select({ id: activities.id })
    .from(activities)
    .where(and(eq(activities.workspaceId, workspaceId), eq(activities.id, id)))
    .for("update");
  if (!locked.length) return undefined;
  return findActivity(db, workspaceId, id);
}

export async function insertActivity(db: Db, values: ActivityInsert): Promise<ActivityRow> {
  await db.insert(activities).values(values);
  return (await findActivity(db, values.workspaceId, values.id))!;
}

/** Writes the change and keeps `occurred_at` = done ?? due ?? created. */
export async function updateActivity(
  db: Db,
  workspaceId: string,
  id: string,
  set: ActivitySet,
): Promise<ActivityRow> {
  await db
    .update(activities)
    .set({ ...set, updatedAt: sql`now()` })
    .where(eq(activities.id, id));
  await db
    .update(activities)
    .set({ occurredAt: sql`coalesce(${activities.doneAt}, ${activities.dueAt}, ${activities.createdAt})` })
    .where(eq(activities.id, id));
  return (await findActivity(db, workspaceId, id))!;
}

/**
 * Visible activities: the owner (assignee) is within reach, or the company is. `ownerIds` null
 * means the whole workspace. The company branch is a semi-join on companies' owner index.
 */
export function visibleWhere(workspaceId: string, ownerIds: readonly string[] | null): SQL {
  const ws = eq(activities.workspaceId, workspaceId);
  if (ownerIds === null) return ws;
  return and(
    ws,
    sql`(${inArray(activities.ownerId, [...ownerIds])} or ${activities.companyId} in (
      select ${companies.id} from ${companies}
      where ${companies.workspaceId} = ${workspaceId} and ${inArray(companies.ownerId, [...ownerIds])}))`,
  )!;
}

export function statusWhere(status: "open" | "done" | "overdue" | undefined): SQL | undefined {
  if (status === "open") return isNull(activities.doneAt);
  if (status === "done") return isNotNull(activities.doneAt);
  if (status === "overdue") return and(isNull(activities.doneAt), lt(activities.dueAt, sql`now()`));
  return undefined;
}

/** A timeline or list page, newest first by (occurred_at, id): one index range read per target. */
export async function listActivities(
  db: Db,
  where: SQL,
  paging: { limit: number; cursor?: string },
): Promise<{ items: ActivityRow[]; nextCursor: string | null }> {
  // The page's ids first, alone: a backward range read of the timeline index that stops at the
  // limit. Joined with the names in the same statement, the planner may misjudge a long
  // timeline (a key account's thousands of entries) and read and sort all of it.
  const pageIds = db
    .select({ id: activities.id })
    .from(activities)
    .where(and(where, afterCursor(activities.occurredAt, activities.id, true, paging.cursor)))
    .orderBy(desc(activities.occurredAt), desc(activities.id))
    .limit(paging.limit + 1);
  const rows = await joined(db)
    .where(inArray(activities.id, pageIds))
    .orderBy(desc(activities.occurredAt), desc(activities.id));
  return page(rows, paging.limit, (r) => encodeCursor(r.occurredAt, r.id));
}

/** An owner's items due in [from, to), by due time (activities_owner_due_idx). */
export async function dueBetween(
  db: Db,
  where: SQL,
  from: string,
  to: string,
  limit: number,
): Promise<ActivityRow[]> {
  return joined(db)
    .where(and(where, isNull(activities.deletedAt), gte(activities.dueAt, from), lt(activities.dueAt, to)))
    .orderBy(asc(activities.dueAt), asc(activities.id))
    .limit(limit);
}

/** Open items due before `before`, oldest first. */
export async function openDueBefore(
  db: Db,
  where: SQL,
  before: string,
  limit: number,
): Promise<ActivityRow[]> {
  return joined(db)
    .where(and(where, isNull(activities.deletedAt), isNull(activities.doneAt), lt(activities.dueAt, before)))
    .orderBy(asc(activities.dueAt), asc(activities.id))
    .limit(limit);
}

export type Person = {
  id: string;
  headId: string | null;
  active: boolean;
  deleted: boolean;
  locale: "ru" | "en";
};

export async function findPeople(db: Db, workspaceId: string, ids: readonly string[]): Promise<Person[]> {
  if (!ids.length) return [];
  const rows = await db
    .select({
      id: users.id,
      headId: users.headId,
      active: users.active,
      deletedAt: users.deletedAt,
      locale: users.locale,
    })
    .from(users)
    .where(and(eq(users.workspaceId, workspaceId), inArray(users.id, [...new Set(ids)])));
  return rows.map((r) => ({ ...r, deleted: r.deletedAt !== null }));
}

/** The company, contact and deal an activity points to, when live in the workspace. */
export async function findTargets(
  db: Db,
  workspaceId: string,
  t: { companyId?: string | null; contactId?: string | null; dealId?: string | null },
) {
  const [company] = t.companyId
    ? await db
        .select({ id: companies.id, ownerId: companies.ownerId })
        .from(companies)
        .where(
          and(
            eq(companies.workspaceId, workspaceId),
            eq(companies.id, t.companyId),
            isNull(companies.deletedAt),
          ),
        )
    : [];
  const [contact] = t.contactId
    ? await db
        .select({ id: contacts.id, ownerId: contacts.ownerId, companyId: contacts.companyId })
        .from(contacts)
        .where(
          and(
            eq(contacts.workspaceId, workspaceId),
            eq(contacts.id, t.contactId),
            isNull(contacts.deletedAt),
          ),
        )
    : [];
  const [deal] = t.dealId
    ? await db
        .select({ id: deals.id, ownerId: deals.ownerId, companyId: deals.companyId })
        .from(deals)
        .where(and(eq(deals.workspaceId, workspaceId), eq(deals.id, t.dealId), isNull(deals.deletedAt)))
    : [];
  return { company, contact, deal };
}

/** The company's last completed contact only ever moves forward. */
export async function touchLastContact(
  db: Db,
  workspaceId: string,
  companyId: string,
  at: string,
): Promise<void> {
  await db
    .update(companies)
    .set({
      lastContactAt: sql`greatest(coalesce(${companies.lastContactAt}, ${at}::timestamptz), ${at}::timestamptz)`,
    })
    .where(and(eq(companies.workspaceId, workspaceId), eq(companies.id, companyId)));
}

export async function userTimeZone(db: Db, workspaceId: string, userId: string): Promise<string> {
  const [row] = await db
    .select({ timeZone: users.timeZone })
    .from(users)
    .where(and(eq(users.workspaceId, workspaceId), eq(users.id, userId)));
  return row?.timeZone ?? "Europe/Moscow";
}
