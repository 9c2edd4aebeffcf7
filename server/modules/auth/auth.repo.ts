import { and, eq, gt, inArray, isNull, ne, sql } from "drizzle-orm";
import { uuidv7 } from "../../../core/uuid";
import { loginFailures, sessions } from "../../db/schema/index";
import type { Db } from "../../platform/db/client";

export const LOGIN_WINDOW_MS = 15 * 60_000;
export const LOGIN_MAX_FAILURES = 10;

export async function recentFailures(db: Db, keys: string[]): Promise<number> {
  const since = new Date(Date.now() - LOGIN_WINDOW_MS).toISOString();
  const rows = await db
    .select({ key: loginFailures.key, n: sql<number>`count(*)::int` })
    .from(loginFailures)
    .where(and(inArray(loginFailures.key, keys), gt(loginFailures.at, since)))
    .groupBy(loginFailures.key);
  return Math.max(0, ...rows.map((r) => r.n));
}

export async function recordFailure(db: Db, keys: string[]): Promise<void> {
  await db.insert(loginFailures).values(keys.map((key) => ({ id: uuidv7(), key })));
}

export async function clearFailures(db: Db, key: string): Promise<void> {
  await db.delete(loginFailures).where(eq(loginFailures.key, key));
}

export async function insertSession(
  db: Db,
  row: {
    id: string;
    workspaceId: string;
    userId: string;
    expiresAt: string;
    ip: string;
    userAgent: string | null;
  },
) {
  await db.insert(sessions).values(row);
}

export async function revokeSession(db: Db, id: string) {
  await db.update(sessions).set({ revokedAt: sql`now()` }).where(eq(sessions.id, id));
}

export async function revokeOtherSessions(db: Db, userId: string, keepId: string | null) {
  await db
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(
      and(
        eq(sessions.userId, userId),
        isNull(sessions.revokedAt),
        keepId ? ne(sessions.id, keepId) : undefined,
      ),
    );
}
