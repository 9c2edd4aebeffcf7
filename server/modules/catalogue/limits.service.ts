import { Id, type Role } from "../../../contracts/common";
import { type Limits, RoleLimits, type UserLimits } from "../../../contracts/organisations";
import type { Actor } from "../../platform/actor";
import { recordChange } from "../../platform/audit";
import { type Db, withTx } from "../../platform/db/client";
import { AppError } from "../../platform/errors";
import { authorize } from "../../platform/policy";
import { readSetting, writeSetting } from "../../platform/settings";
import { compareDecimal, RuleCheck, stampOf } from "./catalogue.common";
import {
  findLimitUser,
  type LimitUserRow,
  listLimitUsers,
  ROLE_LIMITS_KEY,
  saveUserLimits,
} from "./limits.repo";

/**
 * Authority (clause 3.4): how far a user may go on their own — the largest discount and the
 * largest proposal. Beyond them a proposal needs the head's approval. `null` is "no limit".
 * Defaults per role; an admin may change them and give a user limits of their own.
 */
export const DEFAULT_ROLE_LIMITS: RoleLimits = {
  admin: { maxDiscountPercent: null, maxProposalAmount: null },
  head: { maxDiscountPercent: "25.00", maxProposalAmount: "10000000.00" },
  manager: { maxDiscountPercent: "10.00", maxProposalAmount: "1000000.00" },
  department: { maxDiscountPercent: "0.00", maxProposalAmount: "0.00" },
};

/** "12.5" → "12.50": limits always leave with two decimals, as the database stores them. */
function fixed2(value: string | null): string | null {
  if (value === null) return null;
  const [int = "0", frac = ""] = value.split(".");
  return `${BigInt(int)}.${frac.padEnd(2, "0")}`;
}

const normalised = (l: Limits): Limits => ({
  maxDiscountPercent: fixed2(l.maxDiscountPercent),
  maxProposalAmount: fixed2(l.maxProposalAmount),
});

async function roleLimits(db: Db, workspaceId: string): Promise<RoleLimits> {
  const stored = RoleLimits.safeParse(await readSetting(db, workspaceId, ROLE_LIMITS_KEY));
  return stored.success ? stored.data : DEFAULT_ROLE_LIMITS;
}

function present(row: LimitUserRow, defaults: RoleLimits): UserLimits & { fullName: string } {
  const roleDefault = normalised(defaults[row.role as Role]);
  const override = row.hasOverride
    ? normalised({ maxDiscountPercent: row.maxDiscountPercent, maxProposalAmount: row.maxProposalAmount })
    : null;
  return {
    userId: row.id,
    fullName: row.fullName,
    role: row.role as Role,
    override,
    roleDefault,
    effective: override ?? roleDefault,
  };
}

/**
 * The limits that bind a user now: their own, else their role's. Used by proposals to decide
 * whether a proposal needs approval. An unknown user has no authority at all.
 */
export async function limitsOf(
  db: Db,
  workspaceId: string,
  userId: string,
): Promise<{ maxDiscountPercent: string | null; maxProposalAmount: string | null }> {
  const row = await findLimitUser(db, workspaceId, userId);
  if (!row) return { maxDiscountPercent: "0.00", maxProposalAmount: "0.00" };
  return present(row, await roleLimits(db, workspaceId)).effective;
}

function checkLimits(check: RuleCheck, path: string, limits: Limits) {
  if (limits.maxDiscountPercent !== null)
    check.when(
      compareDecimal(limits.maxDiscountPercent, "100") > 0,
      `${path}maxDiscountPercent`,
      "percent_range",
    );
}

export async function getRoleLimits(db: Db, actor: Actor): Promise<RoleLimits> {
  authorize(actor, "limits", "read");
  const stored = await roleLimits(db, actor.workspaceId);
  return {
    admin: normalised(stored.admin),
    head: normalised(stored.head),
    manager: normalised(stored.manager),
    department: normalised(stored.department),
  };
}

export async function putRoleLimits(db: Db, actor: Actor, input: RoleLimits): Promise<RoleLimits> {
  authorize(actor, "limits", "update");
  const check = new RuleCheck();
  for (const role of ["admin", "head", "manager", "department"] as const)
    checkLimits(check, `${role}.`, input[role]);
  check.throwIfAny();
  return withTx(db, async (tx) => {
    const before = await roleLimits(tx, actor.workspaceId);
    const value: RoleLimits = {
      admin: normalised(input.admin),
      head: normalised(input.head),
      manager: normalised(input.manager),
      department: normalised(input.department),
    };
    await writeSetting(tx, actor.workspaceId, ROLE_LIMITS_KEY, value, stampOf(actor));
    await recordChange(tx, actor, {
      action: "update",
      entity: "authority_limits",
      entityId: actor.workspaceId,
      before,
      after: value,
    });
    return value;
  });
}

export async function listUserLimits(db: Db, actor: Actor, paging: { limit: number; cursor?: string }) {
  authorize(actor, "limits", "read");
  if (paging.cursor && !Id.safeParse(paging.cursor).success)
    throw AppError.validation([{ path: "cursor", message: "invalid cursor" }]);
  const defaults = await roleLimits(db, actor.workspaceId);
  const result = await listLimitUsers(db, actor.workspaceId, paging);
  return { items: result.items.map((r) => present(r, defaults)), nextCursor: result.nextCursor };
}

export async function getUserLimits(db: Db, actor: Actor, userId: string) {
  authorize(actor, "limits", "read");
  const row = await findLimitUser(db, actor.workspaceId, userId);
  if (!row) throw AppError.notFound();
  return present(row, await roleLimits(db, actor.workspaceId));
}

export async function putUserLimits(db: Db, actor: Actor, userId: string, override: Limits | null) {
  authorize(actor, "limits", "update");
  const check = new RuleCheck();
  if (override) checkLimits(check, "override.", override);
  check.throwIfAny();
  return withTx(db, async (tx) => {
    const before = await findLimitUser(tx, actor.workspaceId, userId);
    if (!before) throw AppError.notFound();
    const defaults = await roleLimits(tx, actor.workspaceId);
    await saveUserLimits(tx, actor.workspaceId, userId, override);
    const after = present((await findLimitUser(tx, actor.workspaceId, userId))!, defaults);
    await recordChange(tx, actor, {
      action: "limits",
      entity: "user",
      entityId: userId,
      before: { limits: present(before, defaults).override },
      after: { limits: after.override },
    });
    return after;
  });
}

/** The caller's own limits (every signed-in user may know them). */
export async function myLimits(db: Db, actor: Actor) {
  const row = await findLimitUser(db, actor.workspaceId, actor.id);
  if (!row) throw AppError.notFound();
  return present(row, await roleLimits(db, actor.workspaceId));
}
