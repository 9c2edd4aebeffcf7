import { describe, expect, it } from "vitest";
import {
  combinedDiscount,
  type DiscountContext,
  type DiscountRule,
  type DiscountRuleSet,
  ruleApplies,
  ruleDiscount,
} from "./discounts";

/**
 * Cases follow the discount clause (2.3, 2.11): volume (quantity or amount thresholds),
 * per client or segment, promotional dates, per product group; best-of or sum per rule set,
 * capped by the set's maximum; sets add up, never above 100 %.
 */
const base: Omit<DiscountRule, "id" | "ruleSetId" | "name" | "kind" | "percent"> = {
  minQuantity: null,
  minAmount: null,
  companyId: null,
  segment: null,
  productGroupId: null,
  productId: null,
  validFrom: null,
  validTo: null,
  active: true,
};
const rule = (p: Partial<DiscountRule> & Pick<DiscountRule, "id" | "kind" | "percent">): DiscountRule => ({
  ...base,
  ruleSetId: "S1",
  name: `rule ${p.id}`,
  ...p,
});
const set = (p: Partial<DiscountRuleSet> & Pick<DiscountRuleSet, "id">): DiscountRuleSet => ({
  name: `set ${p.id}`,
  combine: "best",
  maxPercent: null,
  active: true,
  ...p,
});
const ctx: DiscountContext = {
  client: { id: "C1", segment: "wholesale" },
  date: "2026-11-27",
  line: { productId: "P1", groupId: "G1", quantity: "100", amountKopecks: 50_000_00 },
  proposalAmountKopecks: 200_000_00,
};

describe("ruleApplies", () => {
  it("checks each condition the rule carries", () => {
    expect(
      ruleApplies(rule({ id: "q", kind: "volume_quantity", percent: "5", minQuantity: "100" }), ctx),
    ).toBe(true);
    expect(
      ruleApplies(rule({ id: "q", kind: "volume_quantity", percent: "5", minQuantity: "100.001" }), ctx),
    ).toBe(false);
    expect(ruleApplies(rule({ id: "c", kind: "client", percent: "3", companyId: "C1" }), ctx)).toBe(true);
    expect(ruleApplies(rule({ id: "c", kind: "client", percent: "3", companyId: "C2" }), ctx)).toBe(false);
    expect(ruleApplies(rule({ id: "s", kind: "segment", percent: "3", segment: "retail" }), ctx)).toBe(false);
    expect(ruleApplies(rule({ id: "g", kind: "group", percent: "3", productGroupId: "G1" }), ctx)).toBe(true);
    expect(ruleApplies(rule({ id: "g", kind: "group", percent: "3", productGroupId: "G2" }), ctx)).toBe(
      false,
    );
  });

  it("respects promotional dates inclusively", () => {
    const promo = (validFrom: string, validTo: string) =>
      rule({ id: "p", kind: "promo", percent: "10", validFrom, validTo });
    expect(ruleApplies(promo("2026-11-27", "2026-11-27"), ctx)).toBe(true);
    expect(ruleApplies(promo("2026-11-28", "2026-12-31"), ctx)).toBe(false);
    expect(ruleApplies(promo("2026-01-01", "2026-11-26"), ctx)).toBe(false);
  });

  it("compares an amount threshold with the order, or with the line when the rule targets a product", () => {
    const order = rule({ id: "a", kind: "volume_amount", percent: "4", minAmount: "200000.00" });
    expect(ruleApplies(order, ctx)).toBe(true);
    expect(ruleApplies({ ...order, minAmount: "200000.01" }, ctx)).toBe(false);
    const line = rule({ id: "b", kind: "volume_amount", percent: "4", minAmount: "60000", productId: "P1" });
    expect(ruleApplies(line, ctx)).toBe(false);
  });

  it("ignores inactive, deleted and target-less rules", () => {
    expect(ruleApplies(rule({ id: "x", kind: "promo", percent: "5", active: false }), ctx)).toBe(false);
    expect(ruleApplies(rule({ id: "x", kind: "promo", percent: "5", deletedAt: "2026-01-01" }), ctx)).toBe(
      false,
    );
    expect(ruleApplies(rule({ id: "x", kind: "client", percent: "5" }), ctx)).toBe(false);
  });
});

describe("ruleDiscount", () => {
  const rules = [
    rule({ id: "r1", kind: "volume_quantity", percent: "5", minQuantity: "50" }),
    rule({ id: "r2", kind: "segment", percent: "7.5", segment: "wholesale" }),
    rule({ id: "r3", kind: "client", percent: "2", companyId: "C1" }),
  ];

  it("best-of takes the single best rule and names it", () => {
    const d = ruleDiscount([set({ id: "S1" })], rules, ctx);
    expect(d.percent).toBe("7.50");
    expect(d.sources).toEqual([{ ruleId: "r2", name: "rule r2", percent: "7.50" }]);
    expect(d.applicable).toEqual(["r1", "r2", "r3"]);
  });

  it("sum adds the rules up and lists each", () => {
    const d = ruleDiscount([set({ id: "S1", combine: "sum" })], rules, ctx);
    expect(d.percent).toBe("14.50");
    expect(d.sources.map((s) => s.ruleId)).toEqual(["r1", "r2", "r3"]);
  });

  it("caps a set at its maximum", () => {
    const d = ruleDiscount([set({ id: "S1", combine: "sum", maxPercent: "10" })], rules, ctx);
    expect(d.percent).toBe("10.00");
    expect(d.perSet[0]?.capped).toBe(true);
  });

  it("adds different sets up, never above 100", () => {
    const sets = [set({ id: "S1" }), set({ id: "S2", combine: "sum" })];
    const more = [...rules, rule({ id: "r4", ruleSetId: "S2", kind: "promo", percent: "3" })];
    expect(ruleDiscount(sets, more, ctx).percent).toBe("10.50");
    const huge = [
      rule({ id: "h1", kind: "promo", percent: "80" }),
      rule({ id: "h2", ruleSetId: "S2", kind: "promo", percent: "70" }),
    ];
    expect(ruleDiscount(sets, huge, ctx).percent).toBe("100.00");
  });

  it("skips inactive sets and gives zero when nothing applies", () => {
    expect(ruleDiscount([set({ id: "S1", active: false })], rules, ctx).percent).toBe("0.00");
    expect(ruleDiscount([set({ id: "S1" })], [], ctx)).toEqual({
      applicable: [],
      perSet: [],
      percent: "0.00",
      sources: [],
    });
  });

  it("adds a manual discount to the rule one, capped at 100", () => {
    expect(combinedDiscount("7.50", "5")).toBe("12.50");
    expect(combinedDiscount("60", "50")).toBe("100.00");
  });
});
