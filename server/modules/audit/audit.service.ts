import { and, desc, eq, inArray, lt, or } from "drizzle-orm";
import type { z } from "zod";
import type { AuditEntry, AuditQuery } from "../../../contracts/audit";
import { auditLog } from "../../db/schema/index";
import type { Actor } from "../../platform/actor";
import type { Db } from "../../platform/db/client";
import { authorize, visibleOwnerIds } from "../../platform/policy";

type Row = typeof auditLog.$inferSelect;
export const presentAudit = (row: Row): AuditEntry => ({
  id: row.id,
  at: row.at,
  userId: row.userId,
  action: row.action,
  entity: row.entity,
  entityId: row.entityId,
  changes: row.changes ?? null,
});

/** Audit entries newest first; ids are UUIDv7, so the id alone is the cursor. */
export async function listAuditEntries(
  db: Db,
  workspaceId: string,
  filter: {
    entity?: string;
    entityId?: string;
    userIds?: readonly string[] | null;
    userId?: string;
    /** Entries of any of these records (e.g. a company, its contacts and merged companies). */
    targets?: readonly { entity: string; ids: readonly string[] }[];
  },
  cursor: string | undefined,
  limit: number,
) {
  const rows = await db
    .select()
    .from(auditLog)
    .where(
      and(
        eq(auditLog.workspaceId, workspaceId),
        filter.entity ? eq(auditLog.entity, filter.entity) : undefined,
        filter.entityId ? eq(auditLog.entityId, filter.entityId) : undefined,
        filter.userId ? eq(auditLog.userId, filter.userId) : undefined,
        filter.userIds ? inArray(auditLog.userId, [...filter.userIds]) : undefined,
        filter.targets
          ? or(
              ...filter.targets.map((t) =>
                and(eq(auditLog.entity, t.entity), inArray(auditLog.entityId, [...t.ids])),
              ),
            )
          : undefined,
        cursor ? lt(auditLog.id, cursor) : undefined,
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(limit + 1);
  const items = rows.slice(0, limit).map(presentAudit);
  return { items, nextCursor: rows.length > limit ? items[items.length - 1]!.id : null };
}

/** Admins read the whole log; heads read what their team did. */
export async function listAudit(db: Db, actor: Actor, query: z.infer<typeof AuditQuery>) {
  const reach = authorize(actor, "audit", "read");
  const cursor = query.cursor && /^[0-9a-f-]{36}$/i.test(query.cursor) ? query.cursor : undefined;
  return listAuditEntries(
    db,
    actor.workspaceId,
    {
      entity: query.entity,
      entityId: query.entityId,
      userId: query.userId,
      userIds: visibleOwnerIds(actor, reach),
    },
    cursor,
    query.limit,
  );
}
