import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { userLimits, users } from "../../db/schema/index";
import type { Db } from "../../platform/db/client";
import { page } from "../../platform/pagination";

export const ROLE_LIMITS_KEY = "authority_limits";

export async function findLimitUser(db: Db, workspaceId: string, userId: string) {
  const [row] = await db
    .select({
      id: users.id,
      role: users.role,
      fullName: users.fullName,
      maxDiscountPercent: userLimits.maxDiscountPercent,
      maxProposalAmount: userLimits.maxProposalAmount,
      hasOverride: sql<boolean>`${userLimits.userId} is not null`,
    })
    .from(users)
    .leftJoin(userLimits, eq(userLimits.userId, users.id))
    .where(and(eq(users.workspaceId, workspaceId), eq(users.id, userId), isNull(users.deletedAt)))
    .limit(1);
  return row;
}

export type LimitUserRow = NonNullable<Awaited<ReturnType<typeof findLimitUser>>>;

/** Users with their overrides, one page by id (the users' primary key). */
export async function listLimitUsers(
  db: Db,
  workspaceId: string,
  paging: { limit: number; cursor?: string },
) {
  const rows = await db
    .select({
      id: users.id,
      role: users.role,
      fullName: users.fullName,
      maxDiscountPercent: userLimits.maxDiscountPercent,
      maxProposalAmount: userLimits.maxProposalAmount,
      hasOverride: sql<boolean>`${userLimits.userId} is not null`,
    })
    .from(users)
    .leftJoin(userLimits, eq(userLimits.userId, users.id))
    .where(
      and(
        eq(users.workspaceId, workspaceId),
        isNull(users.deletedAt),
        paging.cursor ? gt(users.id, paging.cursor) : undefined,
      ),
    )
    .orderBy(users.id)
    .limit(paging.limit + 1);
  return page(rows, paging.limit, (r) => r.id);
}

export async function saveUserLimits(
  db: Db,
  workspaceId: string,
  userId: string,
  limits: { maxDiscountPercent: string | null; maxProposalAmount: string | null } | null,
) {
  if (!limits) {
    await db.delete(userLimits).where(eq(userLimits.userId, userId));
    return;
  }
  await db
    .insert(userLimits)
    .values({ userId, workspaceId, ...limits })
    .onConflictDoUpdate({ target: userLimits.userId, set: { ...limits, updatedAt: sql`now()` } });
}
