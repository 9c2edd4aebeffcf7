import { and, eq, isNull, sql } from "drizzle-orm";
import type { User } from "../../../contracts/auth";
import type { UserCreate, UserListQuery, UserUpdate } from "../../../contracts/users";
import { uuidv7 } from "../../../core/uuid";
import { sessions, users } from "../../db/schema/index";
import type { Actor } from "../../platform/actor";
import { diff, recordChange } from "../../platform/audit";
import { type Db, withTx } from "../../platform/db/client";
import { AppError } from "../../platform/errors";
import { hashPassword } from "../../platform/passwords";
import { authorize, authorizeRow, visibleOwnerIds } from "../../platform/policy";
import { presentUser, type UserRow } from "./users.presenter";
import { countActiveAdmins, findUserByEmail, findUserById, headChain, listUsers } from "./users.repo";

async function checkHead(tx: Db, actor: Actor, userId: string | null, headId: string | null | undefined) {
  if (!headId) return;
  if (userId && headId === userId)
    throw AppError.rule("self_head", {}, [{ path: "headId", message: "self" }]);
  const head = await findUserById(tx, actor.workspaceId, headId);
  if (!head?.active || head.deletedAt || (head.role !== "head" && head.role !== "admin")) {
    throw AppError.rule("invalid_head", {}, [{ path: "headId", message: "invalid" }]);
  }
  if (userId && (await headChain(tx, actor.workspaceId, headId)).includes(userId)) {
    throw AppError.rule("head_cycle", {}, [{ path: "headId", message: "cycle" }]);
  }
}

export async function createUser(db: Db, actor: Actor, input: UserCreate): Promise<User> {
  authorize(actor, "users", "create");
  const passwordHash = await hashPassword(input.password);
  return withTx(db, async (tx) => {
    if (await findUserByEmail(tx, actor.workspaceId, input.email)) {
      throw new AppError("duplicate_email", 409, {}, [{ path: "email", message: "duplicate" }]);
    }
    await checkHead(tx, actor, null, input.headId);
    const [row] = await tx
      .insert(users)
      .values({
        id: uuidv7(),
        workspaceId: actor.workspaceId,
        createdBy: actor.id,
        email: input.email,
        passwordHash,
        fullName: input.fullName,
        role: input.role,
        headId: input.headId ?? null,
        department: input.department ?? null,
        locale: input.locale ?? actor.locale,
      })
      .returning();
    const user = presentUser(row!);
    await recordChange(tx, actor, { action: "create", entity: "user", entityId: user.id, after: user });
    return user;
  });
}

export async function getUser(db: Db, actor: Actor, id: string): Promise<User> {
  const row = await findUserById(db, actor.workspaceId, id);
  if (!row || row.deletedAt) throw AppError.notFound();
  authorizeRow(actor, "users", "read", row.id);
  return presentUser(row);
}

export async function listVisibleUsers(db: Db, actor: Actor, query: UserListQuery) {
  // Everyone may see the people they work with by name (to pick a head or an assignee);
  // the users screen itself is limited by the permission table.
  const reach = authorize(actor, "users", "read");
  const result = await listUsers(
    db,
    actor.workspaceId,
    {
      ownerIds: visibleOwnerIds(actor, reach),
      q: query.q,
      role: query.role,
      headId: query.headId,
      active: query.active === undefined ? undefined : query.active === "true",
    },
    query,
  );
  return { items: result.items.map(presentUser), nextCursor: result.nextCursor };
}

/** Refuses a change that would leave the workspace without an active admin. */
async function guardLastAdmin(
  tx: Db,
  actor: Actor,
  before: UserRow,
  after: { role: string; active: boolean },
) {
  const losesAdmin = before.role === "admin" && before.active && (after.role !== "admin" || !after.active);
  if (losesAdmin && (await countActiveAdmins(tx, actor.workspaceId)) <= 1) throw AppError.rule("last_admin");
}

export async function updateUser(db: Db, actor: Actor, id: string, input: UserUpdate): Promise<User> {
  authorize(actor, "users", "update");
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  return withTx(db, async (tx) => {
    const [before] = await tx
      .select()
      .from(users)
      .where(and(eq(users.workspaceId, actor.workspaceId), eq(users.id, id), isNull(users.deletedAt)))
      .for("update");
    if (!before) throw AppError.notFound();
    if (before.version !== input.version) throw AppError.stale(before.version);
    if (input.headId !== undefined) await checkHead(tx, actor, id, input.headId);
    const role = input.role ?? before.role;
    const active = input.active ?? before.active;
    await guardLastAdmin(tx, actor, before, { role, active });
    const [row] = await tx
      .update(users)
      .set({
        fullName: input.fullName ?? before.fullName,
        role,
        headId: input.headId === undefined ? before.headId : input.headId,
        department: input.department === undefined ? before.department : input.department,
        locale: input.locale ?? before.locale,
        theme: input.theme ?? before.theme,
        active,
        ...(passwordHash ? { passwordHash, passwordChangedAt: sql`now()` } : {}),
        updatedAt: sql`now()`,
        version: before.version + 1,
      })
      .where(eq(users.id, id))
      .returning();
    // A new password or a deactivation ends every open session of that user.
    if (passwordHash || !active) {
      await tx
        .update(sessions)
        .set({ revokedAt: sql`now()` })
        .where(and(eq(sessions.userId, id), isNull(sessions.revokedAt)));
    }
    const user = presentUser(row!);
    await recordChange(tx, actor, {
      action: "update",
      entity: "user",
      entityId: id,
      changes: {
        ...diff(presentUser(before), user),
        ...(passwordHash ? { password: { from: "***", to: "***" } } : {}),
      },
    });
    return user;
  });
}

/** Users are never removed: "delete" deactivates, ends their sessions, and keeps their history. */
export async function deactivateUser(db: Db, actor: Actor, id: string): Promise<User> {
  authorize(actor, "users", "delete");
  const current = await findUserById(db, actor.workspaceId, id);
  if (!current || current.deletedAt) throw AppError.notFound();
  return updateUser(db, actor, id, { version: current.version, active: false });
}
