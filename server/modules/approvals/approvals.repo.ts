import { and, asc, eq, inArray, or, type SQL, sql } from "drizzle-orm";
import { approvals, users } from "../../db/schema/index";
import type { Db } from "../../platform/db/client";
import { afterCursor, encodeCursor, orderBy, page } from "../../platform/pagination";

export type ApprovalRow = typeof approvals.$inferSelect;

export async function insertApproval(db: Db, values: typeof approvals.$inferInsert): Promise<ApprovalRow> {
  const [row] = await db.insert(approvals).values(values).returning();
  return row!;
}

export async function findApproval(db: Db, workspaceId: string, id: string, lock = false) {
  const q = db
    .select()
    .from(approvals)
    .where(and(eq(approvals.workspaceId, workspaceId), eq(approvals.id, id)))
    .limit(1);
  const [row] = lock ? await q.for("update") : await q;
  return row;
}

export async function setApprovalDecision(
  db: Db,
  id: string,
  status: ApprovalRow["status"],
  comment: string | null,
): Promise<ApprovalRow> {
  const [row] = await db
    .update(approvals)
    .set({
      status,
      comment,
      decidedAt: sql`now()`,
      updatedAt: sql`now()`,
      version: sql`${approvals.version} + 1`,
    })
    .where(eq(approvals.id, id))
    .returning();
  return row!;
}

/** Pending requests about one row (withdrawn when the row changes or is resubmitted). */
export async function pendingFor(db: Db, entity: string, entityId: string): Promise<ApprovalRow[]> {
  return db
    .select()
    .from(approvals)
    .where(
      and(eq(approvals.entity, entity), eq(approvals.entityId, entityId), eq(approvals.status, "pending")),
    )
    .orderBy(asc(approvals.id))
    .for("update");
}

/**
 * A page of approvals, newest first. `approverId` is the inbox; `owners` limits by the
 * requester (visibility); both may be combined with OR (a head sees the inbox and the team).
 */
export async function listApprovalRows(
  db: Db,
  f: {
    workspaceId: string;
    approverId?: string;
    requestedBy?: string;
    owners: readonly string[] | null;
    orInbox?: string;
    status?: ApprovalRow["status"];
  },
  paging: { limit: number; cursor?: string },
) {
  const reach: SQL | undefined =
    f.owners === null
      ? undefined
      : f.orInbox
        ? or(inArray(approvals.requestedBy, [...f.owners]), eq(approvals.approverId, f.orInbox))
        : inArray(approvals.requestedBy, [...f.owners]);
  const rows = await db
    .select()
    .from(approvals)
    .where(
      and(
        eq(approvals.workspaceId, f.workspaceId),
        reach,
        f.approverId ? eq(approvals.approverId, f.approverId) : undefined,
        f.requestedBy ? eq(approvals.requestedBy, f.requestedBy) : undefined,
        f.status ? eq(approvals.status, f.status) : undefined,
        afterCursor(approvals.createdAt, approvals.id, true, paging.cursor),
      ),
    )
    .orderBy(...orderBy(approvals.createdAt, approvals.id, true))
    .limit(paging.limit + 1);
  return page(rows, paging.limit, (r) => encodeCursor(r.createdAt, r.id));
}

/**
 * Who decides for a user: their head when that head is active and may approve, otherwise the
 * oldest active admin (never the user themselves).
 */
export async function approverFor(db: Db, workspaceId: string, userId: string): Promise<string | null> {
  const result = await db.execute<{ id: string }>(sql`
    select h.id from ${users} u join ${users} h on h.id = u.head_id
     where u.id = ${userId} and u.workspace_id = ${workspaceId}
       and h.active and h.deleted_at is null and h.role in ('head', 'admin') and h.id <> ${userId}
    union all
    (select a.id from ${users} a
      where a.workspace_id = ${workspaceId} and a.role = 'admin' and a.active and a.deleted_at is null
        and a.id <> ${userId}
      order by a.created_at, a.id limit 1)`);
  return result.rows[0]?.id ?? null;
}

export async function userNamesOf(db: Db, workspaceId: string, ids: readonly string[]) {
  if (!ids.length) return new Map<string, string>();
  const rows = await db
    .select({ id: users.id, fullName: users.fullName })
    .from(users)
    .where(and(eq(users.workspaceId, workspaceId), inArray(users.id, [...new Set(ids)])));
  return new Map(rows.map((r) => [r.id, r.fullName]));
}
