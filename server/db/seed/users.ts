import { and, eq, isNull } from "drizzle-orm";
import type { Role } from "../../../contracts/common";
import { findUserByEmail } from "../../modules/users/users.repo";
import { createUser } from "../../modules/users/users.service";
import { systemActor } from "../../platform/actor";
import type { Db } from "../../platform/db/client";
import { users } from "../schema/index";
import { fullName, personName } from "./names";
import { createRandom } from "./random";

/** Printed by `accord seed --demo`; demo users are for trying Accord out, never production. */
export const DEMO_PASSWORD = "demo-password-2026";
export const DEMO_DOMAIN = "demo.accord";

export interface DemoUser {
  id: string;
  email: string;
  role: Role;
  fullName: string;
  created: boolean;
}

export interface DemoTeam {
  admin: DemoUser;
  heads: DemoUser[];
  managers: DemoUser[];
}

/**
 * Finds or creates the demo team: one admin (only when the workspace has no active admin yet),
 * two heads and eight managers, four under each head. Users go through the users service, so
 * passwords are hashed and each creation is audited like any other.
 */
export async function ensureDemoTeam(
  db: Db,
  workspaceId: string,
  options: { seed: number; password?: string; managers?: number } = { seed: 1 },
): Promise<DemoTeam> {
  const random = createRandom(options.seed ^ 0x5eed);
  const password = options.password ?? DEMO_PASSWORD;
  const actor = systemActor(workspaceId);

  async function ensure(email: string, role: Role, headId: string | null): Promise<DemoUser> {
    const name = fullName(personName(random, role === "manager" ? 0.55 : 0.4));
    const existing = await findUserByEmail(db, workspaceId, email);
    if (existing) {
      return { id: existing.id, email, role: existing.role, fullName: existing.fullName, created: false };
    }
    const user = await createUser(db, actor, { email, password, fullName: name, role, headId });
    return { id: user.id, email, role, fullName: user.fullName, created: true };
  }

  const [activeAdmin] = await db
    .select({ id: users.id, email: users.email, fullName: users.fullName })
    .from(users)
    .where(
      and(
        eq(users.workspaceId, workspaceId),
        eq(users.role, "admin"),
        eq(users.active, true),
        isNull(users.deletedAt),
      ),
    )
    .orderBy(users.createdAt)
    .limit(1);
  const admin: DemoUser = activeAdmin
    ? { ...activeAdmin, role: "admin", created: false }
    : await ensure(`admin@${DEMO_DOMAIN}`, "admin", null);
  const heads = [
    await ensure(`head1@${DEMO_DOMAIN}`, "head", null),
    await ensure(`head2@${DEMO_DOMAIN}`, "head", null),
  ];
  const managers: DemoUser[] = [];
  const count = options.managers ?? 8;
  for (let i = 1; i <= count; i++) {
    const head = heads[i <= count / 2 ? 0 : 1]!;
    managers.push(await ensure(`manager${i}@${DEMO_DOMAIN}`, "manager", head.id));
  }
  return { admin, heads, managers };
}

/**
 * Who owns how much of the base: managers hold most clients (unevenly, as in life), heads keep
 * a few key accounts, the admin a handful of leftovers.
 */
export function ownerWeights(team: DemoTeam): { id: string; weight: number }[] {
  const spread = [12, 9, 11, 7, 10, 8, 13, 6];
  return [
    { id: team.admin.id, weight: 2 },
    ...team.heads.map((h) => ({ id: h.id, weight: 6 })),
    ...team.managers.map((m, i) => ({ id: m.id, weight: spread[i % spread.length]! })),
  ];
}
