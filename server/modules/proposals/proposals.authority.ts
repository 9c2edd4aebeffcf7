import { parseScaledDecimal } from "../../../core/decimal";

export type Limits = { maxDiscountPercent: string | null; maxProposalAmount: string | null };

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
