import { eq } from "drizzle-orm";
import { parseScaledDecimal } from "../../../core/decimal";
import { userLimits, users } from "../../db/schema/index";
import type { Db } from "../../platform/db/client";

export type Limits = { maxDiscountPercent: string | null; maxProposalAmount: string | null };

/** Defaults by role (clause 3.4); null means no limit. */
export const roleLimits: Record<string, Limits> = {
  manager: { maxDiscountPercent: "10.00", maxProposalAmount: "1000000.00" },
  head: { maxDiscountPercent: "25.00", maxProposalAmount: "10000000.00" },
  admin: { maxDiscountPercent: null, maxProposalAmount: null },
  department: { maxDiscountPercent: "0.00", maxProposalAmount: "0.00" },
};

/**
 * A user's authority: their row in user_limits where set, else the defaults of their role.
 * The one read of limits in this module, so that the catalogue's `limitsOf` can replace it.
 */
export async function proposalLimitsOf(db: Db, workspaceId: string, userId: string): Promise<Limits> {
  const [row] = await db
    .select({
      role: users.role,
      workspaceId: users.workspaceId,
      d: userLimits.maxDiscountPercent,
      a: userLimits.maxProposalAmount,
    })
    .from(users)
    .leftJoin(userLimits, eq(userLimits.userId, users.id))
    .where(eq(users.id, userId))
    .limit(1);
  if (!row || row.workspaceId !== workspaceId)
    return { maxDiscountPercent: "0.00", maxProposalAmount: "0.00" };
  const byRole = roleLimits[row.role] ?? roleLimits.manager!;
  // An admin's authority is unlimited whatever a row says; others take the row field by field.
  if (row.role === "admin") return byRole;
  return {
    maxDiscountPercent: row.d ?? byRole.maxDiscountPercent,
    maxProposalAmount: row.a ?? byRole.maxProposalAmount,
  };
}

const scaled = (v: string) => parseScaledDecimal(v, 2, { excess: "round" }) ?? 0n;

/** Why a proposal is beyond the limits (empty when within): the approval's reasons. */
export function beyondLimits(
  limits: Limits,
  p: { maxDiscountPercent: string; gross: string },
): { code: string; params: Record<string, unknown> }[] {
  const reasons: { code: string; params: Record<string, unknown> }[] = [];
  if (limits.maxDiscountPercent !== null && scaled(p.maxDiscountPercent) > scaled(limits.maxDiscountPercent))
    reasons.push({
      code: "discount_over_limit",
      params: { discount: p.maxDiscountPercent, limit: limits.maxDiscountPercent },
    });
  if (limits.maxProposalAmount !== null && scaled(p.gross) > scaled(limits.maxProposalAmount))
    reasons.push({ code: "amount_over_limit", params: { amount: p.gross, limit: limits.maxProposalAmount } });
  return reasons;
}
