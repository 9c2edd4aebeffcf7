import { and, eq, ilike, inArray, isNull, or, type SQL, sql } from "drizzle-orm";
import { users } from "../../db/schema/index";
import type { Db } from "../../platform/db/client";
import { afterCursor, encodeCursor, orderBy, page, parseSort } from "../../platform/pagination";
import type { UserRow } from "./users.presenter";

export async function findUserById(db: Db, workspaceId: string, id: string): Promise<UserRow | undefined> {
  const [row] = await db
    .select()
    .from(users)
    .where(and(eq(users.workspaceId, workspaceId), eq(users.id, id)))
    .limit(1);
  return row;
}

export async function findUserByEmail(
  db: Db,
  workspaceId: string,
  email: string,
): Promise<UserRow | undefined> {
  const [row] = await db
    .select()
    .from(users)
    .where(and(eq(users.workspaceId, workspaceId), eq(users.email, email)))
    .limit(1);
  return row;
}

export async function countActiveAdmins(db: Db, workspaceId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(
      and(
        eq(users.workspaceId, workspaceId),
        eq(users.role, "admin"),
        eq(users.active, true),
        isNull(users.deletedAt),
      ),
    );
  return row?.n ?? 0;
}

export async function countUsers(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  return row?.n ?? 0;
}

/** The chain of heads above `userId` (to refuse a reporting cycle). */
export async function headChain(db: Db, workspaceId: string, userId: string): Promise<string[]> {
  const result = await db.execute<{ id: string }>(sql`
    with recursive chain(id, head_id, depth) as (
      select id, head_id, 0 from users where workspace_id = ${workspaceId} and id = ${userId}
      union all
      select u.id, u.head_id, c.depth + 1 from users u join chain c on u.id = c.head_id
      where u.workspace_id = ${workspaceId} and c.depth < 50
    )
    select id from chain`);
  return result.rows.map((r) => r.id);
}

const sortable = {
  fullName: sql`${users.fullName} collate ru_icu`,
  email: users.email,
  createdAt: users.createdAt,
} as const;

export async function listUsers(
  db: Db,
  workspaceId: string,
  filter: {
    ownerIds: readonly string[] | null;
    q?: string;
    role?: string;
    headId?: string;
    active?: boolean;
  },
  paging: { limit: number; cursor?: string; sort?: string },
) {
  const sort = parseSort(paging.sort, Object.keys(sortable), "fullName");
  const expr = sortable[sort.key as keyof typeof sortable];
  const where: (SQL | undefined)[] = [eq(users.workspaceId, workspaceId), isNull(users.deletedAt)];
  if (filter.ownerIds) where.push(inArray(users.id, [...filter.ownerIds]));
  if (filter.role) where.push(eq(users.role, filter.role as UserRow["role"]));
  if (filter.headId) where.push(eq(users.headId, filter.headId));
  if (filter.active !== undefined) where.push(eq(users.active, filter.active));
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, "\\$&")}%`;
    where.push(or(ilike(users.fullName, like), ilike(users.email, like)));
  }
  where.push(afterCursor(expr, users.id, sort.desc, paging.cursor));
  const rows = await db
    .select()
    .from(users)
    .where(and(...where))
    .orderBy(...orderBy(expr, users.id, sort.desc))
    .limit(paging.limit + 1);
  const sortValue = (row: UserRow) =>
    sort.key === "fullName" ? row.fullName : sort.key === "email" ? row.email : row.createdAt;
  return page(rows, paging.limit, (row) => encodeCursor(sortValue(row), row.id));
}
