import { and, eq, isNull, sql } from "drizzle-orm";
import type { LoginBody, PasswordChange, ProfileUpdate, SetupBody, User } from "../../../contracts/auth";
import { uuidv7 } from "../../../core/uuid";
import { users } from "../../db/schema/index";
import { type Actor, systemActor } from "../../platform/actor";
import { recordChange } from "../../platform/audit";
import { newSecret, sha256 } from "../../platform/auth";
import type { Config } from "../../platform/config";
import { type Db, withTx } from "../../platform/db/client";
import { AppError } from "../../platform/errors";
import { decoyHash, hashPassword, verifyPassword } from "../../platform/passwords";
import { assertMayWrite } from "../../platform/policy";
import { presentUser } from "../users/users.presenter";
import { countUsers, findUserByEmail, findUserById } from "../users/users.repo";
import {
  clearFailures,
  insertSession,
  LOGIN_MAX_FAILURES,
  recentFailures,
  recordFailure,
  revokeOtherSessions,
  revokeSession,
} from "./auth.repo";

export type SignedIn = { user: User; secret: string; expiresAt: Date };

async function openSession(
  db: Db,
  config: Config,
  userId: string,
  workspaceId: string,
  client: Client,
): Promise<Omit<SignedIn, "user">> {
  // A fresh secret at every sign-in: a session id planted before login is never promoted.
  const secret = newSecret();
  const expiresAt = new Date(Date.now() + config.sessionMaxMs);
  await insertSession(db, {
    id: sha256(secret),
    workspaceId,
    userId,
    expiresAt: expiresAt.toISOString(),
    ip: client.ip,
    userAgent: client.userAgent?.slice(0, 300) ?? null,
  });
  return { secret, expiresAt };
}

export type Client = { ip: string; userAgent: string | undefined };

export async function needsSetup(db: Db): Promise<boolean> {
  return (await countUsers(db)) === 0;
}

/** Creates the first admin; refused once any user exists. */
export async function setup(
  db: Db,
  config: Config,
  workspaceId: string,
  input: SetupBody,
  client: Client,
): Promise<SignedIn> {
  const passwordHash = await hashPassword(input.password);
  return withTx(db, async (tx) => {
    // Serialises concurrent first-run requests: only one can create the first admin.
    await tx.execute(sql`select pg_advisory_xact_lock(4242001)`);
    if ((await countUsers(tx)) > 0) throw new AppError("setup_done", 409);
    const [row] = await tx
      .insert(users)
      .values({
        id: uuidv7(),
        workspaceId,
        email: input.email,
        passwordHash,
        fullName: input.fullName,
        role: "admin",
        locale: input.locale ?? "ru",
      })
      .returning();
    const user = presentUser(row!);
    await recordChange(tx, systemActor(workspaceId), {
      action: "setup",
      entity: "user",
      entityId: user.id,
      after: user,
    });
    return { user, ...(await openSession(tx, config, user.id, workspaceId, client)) };
  });
}

/**
 * Signs in by email and password. Failures are counted per account and per IP; after 10 in
 * 15 minutes either key is refused with 429 before the password is even checked.
 */
export async function login(
  db: Db,
  config: Config,
  workspaceId: string,
  input: LoginBody,
  client: Client,
): Promise<SignedIn> {
  const email = input.email.trim().toLowerCase();
  const keys = [`email:${email}`, `ip:${client.ip}`];
  if ((await recentFailures(db, keys)) >= LOGIN_MAX_FAILURES) throw new AppError("rate_limited", 429);
  const row = await findUserByEmail(db, workspaceId, email);
  const ok = await verifyPassword(row?.passwordHash ?? (await decoyHash()), input.password);
  if (!row || !ok || !row.active || row.deletedAt) {
    await recordFailure(db, keys);
    throw new AppError("invalid_credentials", 401);
  }
  await clearFailures(db, `email:${email}`);
  const session = await openSession(db, config, row.id, workspaceId, client);
  return { user: presentUser(row), ...session };
}

export async function logout(db: Db, actor: Actor | null): Promise<void> {
  if (actor?.sessionId) await revokeSession(db, actor.sessionId);
}

export async function updateProfile(db: Db, actor: Actor, input: ProfileUpdate): Promise<User> {
  assertMayWrite(actor);
  return withTx(db, async (tx) => {
    const before = await findUserById(tx, actor.workspaceId, actor.id);
    if (!before) throw AppError.unauthenticated();
    // Nothing to change: no write, no new version, no audit noise.
    const changed = (Object.keys(input) as (keyof ProfileUpdate)[]).filter(
      (k) => input[k] !== undefined && input[k] !== before[k],
    );
    if (changed.length === 0) return presentUser(before);
    const [row] = await tx
      .update(users)
      .set({ ...input, updatedAt: sql`now()`, version: before.version + 1 })
      .where(and(eq(users.id, actor.id), isNull(users.deletedAt)))
      .returning();
    const user = presentUser(row!);
    await recordChange(tx, actor, {
      action: "update",
      entity: "user",
      entityId: actor.id,
      before: presentUser(before),
      after: user,
    });
    return user;
  });
}

/** Changing the password ends every other session of the user. */
export async function changePassword(db: Db, actor: Actor, input: PasswordChange): Promise<void> {
  assertMayWrite(actor);
  const row = await findUserById(db, actor.workspaceId, actor.id);
  if (!row || !(await verifyPassword(row.passwordHash, input.currentPassword))) {
    throw AppError.rule("wrong_password", {}, [{ path: "currentPassword", message: "wrong" }]);
  }
  const passwordHash = await hashPassword(input.newPassword);
  await withTx(db, async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, passwordChangedAt: sql`now()`, updatedAt: sql`now()`, version: row.version + 1 })
      .where(eq(users.id, actor.id));
    await revokeOtherSessions(tx, actor.id, actor.sessionId);
    await recordChange(tx, actor, {
      action: "password",
      entity: "user",
      entityId: actor.id,
      changes: { password: { from: "***", to: "***" } },
    });
  });
}
