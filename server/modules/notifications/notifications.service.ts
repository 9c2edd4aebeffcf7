import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { Notification, NotificationListQuery } from "../../../contracts/notifications";
import { uuidv7 } from "../../../core/uuid";
import { notifications } from "../../db/schema/index";
import type { Actor } from "../../platform/actor";
import type { Db } from "../../platform/db/client";
import { AppError } from "../../platform/errors";
import { afterCursor, encodeCursor, page } from "../../platform/pagination";
import { authorize } from "../../platform/policy";

type Row = typeof notifications.$inferSelect;

const present = (row: Row): Notification => ({
  id: row.id,
  kind: row.kind,
  title: row.title,
  body: row.body,
  link: row.link,
  createdAt: row.createdAt,
  readAt: row.readAt,
});

/**
 * Writes in-app notifications (the bell) in the caller's transaction. With `dedupeKey`, a
 * repeated notify is a no-op per user (the unique index decides, so it holds across processes).
 */
export async function notify(
  tx: Db,
  n: {
    workspaceId: string;
    userIds: string[];
    kind: string;
    title: string;
    body?: string;
    link?: string;
    dedupeKey?: string;
  },
): Promise<void> {
  const userIds = [...new Set(n.userIds)];
  if (!userIds.length) return;
  await tx
    .insert(notifications)
    .values(
      userIds.map((userId) => ({
        id: uuidv7(),
        workspaceId: n.workspaceId,
        userId,
        kind: n.kind,
        title: n.title.slice(0, 500),
        body: n.body?.slice(0, 2000) ?? null,
        link: n.link ?? null,
        dedupeKey: n.dedupeKey ?? null,
      })),
    )
    .onConflictDoNothing();
}

const mine = (actor: Actor) =>
  and(eq(notifications.workspaceId, actor.workspaceId), eq(notifications.userId, actor.id));

/** The caller's notifications, newest first (keyset on created_at, id). */
export async function listNotifications(db: Db, actor: Actor, query: NotificationListQuery) {
  authorize(actor, "notifications", "read");
  const rows = await db
    .select()
    .from(notifications)
    .where(
      and(
        mine(actor),
        query.unread === "true" ? isNull(notifications.readAt) : undefined,
        afterCursor(notifications.createdAt, notifications.id, true, query.cursor),
      ),
    )
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(query.limit + 1);
  const result = page(rows, query.limit, (r) => encodeCursor(r.createdAt, r.id));
  return { items: result.items.map(present), nextCursor: result.nextCursor };
}

export async function unreadCount(db: Db, actor: Actor): Promise<{ count: number }> {
  authorize(actor, "notifications", "read");
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(mine(actor), isNull(notifications.readAt)));
  return { count: row?.count ?? 0 };
}

/** Marks one of the caller's notifications read (again is fine); another person's is 404. */
export async function markRead(db: Db, actor: Actor, id: string): Promise<Notification> {
  authorize(actor, "notifications", "update");
  const [row] = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(and(mine(actor), eq(notifications.id, id)))
    .returning();
  if (!row) throw AppError.notFound();
  return present(row);
}

export async function markAllRead(db: Db, actor: Actor): Promise<{ updated: number }> {
  authorize(actor, "notifications", "update");
  const rows = await db
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(and(mine(actor), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return { updated: rows.length };
}
