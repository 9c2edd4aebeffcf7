import { and, eq, sql } from "drizzle-orm";
import { calendarFeeds, users } from "../../db/schema/index";
import type { Db } from "../../platform/db/client";

export async function findFeed(db: Db, workspaceId: string, userId: string) {
  const [row] = await db
    .select()
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.workspaceId, workspaceId), eq(calendarFeeds.userId, userId)));
  return row;
}

/** One feed per person: a new token replaces the old hash, so the old URL stops at once. */
export async function putFeed(
  db: Db,
  workspaceId: string,
  userId: string,
  secret: { token: string; tokenHash: string },
) {
  const [row] = await db
    .insert(calendarFeeds)
    .values({ workspaceId, userId, ...secret })
    .onConflictDoUpdate({
      target: calendarFeeds.userId,
      set: { ...secret, createdAt: sql`now()`, lastUsedAt: null },
    })
    .returning();
  return row!;
}

export async function deleteFeed(db: Db, workspaceId: string, userId: string): Promise<void> {
  await db
    .delete(calendarFeeds)
    .where(and(eq(calendarFeeds.workspaceId, workspaceId), eq(calendarFeeds.userId, userId)));
}

/** The active person a token belongs to, with their zone and name. */
export async function feedOwner(db: Db, tokenHash: string) {
  const [row] = await db
    .select({
      userId: users.id,
      workspaceId: users.workspaceId,
      fullName: users.fullName,
      timeZone: users.timeZone,
      active: users.active,
      deletedAt: users.deletedAt,
    })
    .from(calendarFeeds)
    .innerJoin(users, eq(users.id, calendarFeeds.userId))
    .where(eq(calendarFeeds.tokenHash, tokenHash));
  if (!row?.active || row.deletedAt) return undefined;
  // Once a minute at most: a calendar app polls, and each poll need not write.
  await db
    .update(calendarFeeds)
    .set({ lastUsedAt: sql`now()` })
    .where(
      and(
        eq(calendarFeeds.tokenHash, tokenHash),
        sql`(${calendarFeeds.lastUsedAt} is null or ${calendarFeeds.lastUsedAt} < now() - interval '1 minute')`,
      ),
    );
  return row;
}
