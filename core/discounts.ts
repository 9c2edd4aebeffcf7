/**
 * Discount rules (clauses 2.3 and 2.11): which rules apply to a proposal line and what they give.
 *
 * Rules live in rule sets. Inside a set the rules combine as the set says — the best single
 * discount ("best") or the sum ("sum") — and the set's result is capped by its maximum. Results of
 * different sets add up, and the line's rule discount never exceeds 100 %. Every rule that
 * contributed is returned as a source so the document can say which rule gave the discount.
 * Percentages are decimal strings with two fraction digits; arithmetic is on hundredths of a
 * percent (integers), never floating point.
 */

import { formatScaledDecimal, parseScaledDecimal } from "./decimal";

export type DiscountRuleKind = "volume_quantity" | "volume_amount" | "client" | "segment" | "promo" | "group";

/** The shape of a discount_rule_sets row that matters here. */
export interface DiscountRuleSet {
  id: string;
  name: string;
  combine: "best" | "sum";
  /** Decimal string ("15.00") or null for no cap. */
  maxPercent: string | null;
  active: boolean;
}

/** The shape of a discount_rules row that matters here. */
export interface DiscountRule {
  id: string;
  ruleSetId: string;
  name: string;
  kind: DiscountRuleKind;
  percent: string;
  minQuantity: string | null;
  minAmount: string | null;
  companyId: string | null;
  segment: string | null;
  productGroupId: string | null;
  productId: string | null;
  /** YYYY-MM-DD, inclusive. */
  validFrom: string | null;
  validTo: string | null;
  active: boolean;
  deletedAt?: string | null;
}

export interface DiscountLine {
  productId: string | null;
  groupId: string | null;
  /** Decimal string, up to 3 fraction digits. */
  quantity: string;
  /** The line's amount before discounts, in kopecks. */
  amountKopecks: number;
}

export interface DiscountContext {
  client: { id: string; segment: string | null };
  /** The proposal's date, YYYY-MM-DD. */
  date: string;
  line: DiscountLine;
  /** The whole proposal's amount before discounts, in kopecks. */
  proposalAmountKopecks: number;
}

export interface DiscountSource {
  ruleId: string;
  name: string;
  percent: string;
}

export interface SetDiscount {
  ruleSetId: string;
  name: string;
  percent: string;
  capped: boolean;
  sources: DiscountSource[];
}

export interface RuleDiscount {
  /** Ids of every rule whose conditions the line meets. */
  applicable: string[];
  perSet: SetDiscount[];
  /** Sum of the sets, at most 100. */
  percent: string;
  sources: DiscountSource[];
}

const HUNDRED = 10_000n;

function pct(value: string): bigint {
  const parsed = parseScaledDecimal(value.trim(), 2, { excess: "round" });
  if (parsed === null || parsed < 0n) throw new RangeError(`Not a percentage: "${value}"`);
  return parsed > HUNDRED ? HUNDRED : parsed;
}

function qty(value: string): bigint {
  const parsed = parseScaledDecimal(value.trim().replace(",", "."), 3, { excess: "round" });
  if (parsed === null) throw new RangeError(`Not a quantity: "${value}"`);
  return parsed;
}

function kopecksOf(value: string): bigint {
  const parsed = parseScaledDecimal(value.trim(), 2, { excess: "round" });
  if (parsed === null) throw new RangeError(`Not an amount: "${value}"`);
  return parsed;
}

export const formatPercent = (hundredths: bigint): string => formatScaledDecimal(hundredths, 2);

/**
 * Whether a rule applies to a line. Every condition the rule carries must hold: its dates, its
 * client, segment, group and product targets, and its thresholds. A volume-by-amount threshold is
 * compared with the line's amount when the rule targets a product or group (volume of that
 * product), otherwise with the whole proposal's amount (volume of the order).
 */
export function ruleApplies(rule: DiscountRule, ctx: DiscountContext): boolean {
  if (!rule.active || rule.deletedAt) return false;
  if (rule.validFrom && ctx.date < rule.validFrom) return false;
  if (rule.validTo && ctx.date > rule.validTo) return false;
  if (rule.companyId && rule.companyId !== ctx.client.id) return false;
  if (rule.segment && rule.segment !== ctx.client.segment) return false;
  if (rule.productGroupId && rule.productGroupId !== ctx.line.groupId) return false;
  if (rule.productId && rule.productId !== ctx.line.productId) return false;
  // A rule of a targeted kind without its target would apply to everyone: treat it as broken.
  if (rule.kind === "client" && !rule.companyId) return false;
  if (rule.kind === "segment" && !rule.segment) return false;
  if (rule.kind === "group" && !rule.productGroupId && !rule.productId) return false;
  if (rule.kind === "volume_quantity" && rule.minQuantity === null) return false;
  if (rule.kind === "volume_amount" && rule.minAmount === null) return false;
  if (rule.minQuantity !== null && qty(ctx.line.quantity) < qty(rule.minQuantity)) return false;
  if (rule.minAmount !== null) {
    const base = rule.productId || rule.productGroupId ? ctx.line.amountKopecks : ctx.proposalAmountKopecks;
    if (BigInt(base) < kopecksOf(rule.minAmount)) return false;
  }
  return true;
}

/** The rule discount of one line: per set (best-of or sum, capped), then all sets added up (≤ 100). */
export function ruleDiscount(
  sets: readonly DiscountRuleSet[],
  rules: readonly DiscountRule[],
  ctx: DiscountContext,
): RuleDiscount {
  const applicable = rules.filter((r) => ruleApplies(r, ctx));
  const perSet: SetDiscount[] = [];
  let total = 0n;
  for (const set of sets) {
    if (!set.active) continue;
    const own = applicable.filter((r) => r.ruleSetId === set.id && pct(r.percent) > 0n);
    if (!own.length) continue;
    let chosen: DiscountRule[];
    let value: bigint;
    if (set.combine === "best") {
      // Ties go to the earlier rule so the named source is stable.
      const best = own.reduce((a, b) => (pct(b.percent) > pct(a.percent) ? b : a));
      chosen = [best];
      value = pct(best.percent);
    } else {
      chosen = own;
      value = own.reduce((sum, r) => sum + pct(r.percent), 0n);
    }
    const cap = set.maxPercent === null ? HUNDRED : pct(set.maxPercent);
    const capped = value > cap;
    if (capped) value = cap;
    total += value;
    perSet.push({
      ruleSetId: set.id,
      name: set.name,
      percent: formatPercent(value),
      capped,
      sources: chosen.map((r) => ({ ruleId: r.id, name: r.name, percent: formatPercent(pct(r.percent)) })),
    });
  }
  if (total > HUNDRED) total = HUNDRED;
  return {
    applicable: applicable.map((r) => r.id),
    perSet,
    percent: formatPercent(total),
    sources: perSet.flatMap((s) => s.sources),
  };
}

/**
 * The discount a line carries: the rule discount and the manual one add up, capped at 100 %.
 * (A manager's manual discount is on top of what the rules give, as the price policy allows.)
 */
export function combinedDiscount(rulePercent: string, manualPercent: string): string {
  const sum = pct(rulePercent) + pct(manualPercent);
  return formatPercent(sum > HUNDRED ? HUNDRED : sum);
}
