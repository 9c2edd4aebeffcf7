import { sql } from "drizzle-orm";
import { Id } from "../../../contracts/common";
import type {
  DiscountRule,
  DiscountRuleCreate,
  DiscountRuleQuery,
  DiscountRuleSet,
  DiscountRuleSetCreate,
  DiscountRuleSetUpdate,
  DiscountRuleUpdate,
} from "../../../contracts/pricing";
import { uuidv7 } from "../../../core/uuid";
import type { Actor } from "../../platform/actor";
import { recordChange } from "../../platform/audit";
import { type Db, withTx } from "../../platform/db/client";
import { AppError } from "../../platform/errors";
import { authorize } from "../../platform/policy";
import { companyForAction } from "../companies/companies.service";
import { assertVersion, compareDecimal, RuleCheck, stampOf } from "./catalogue.common";
import {
  deleteRulesOfSet,
  findRule,
  findRuleSet,
  insertRule,
  insertRuleSet,
  listRuleSets,
  listRules,
  lockRule,
  type RuleRow,
  type RuleSetRow,
  updateRule,
  updateRuleSet,
} from "./discounts.repo";
import { findGroup, liveProductIds } from "./products.repo";

export function presentRuleSet(row: RuleSetRow): DiscountRuleSet {
  return {
    id: row.id,
    name: row.name,
    combine: row.combine,
    maxPercent: row.maxPercent,
    active: row.active,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
  };
}

export function presentRule(row: RuleRow): DiscountRule {
  return {
    id: row.id,
    ruleSetId: row.ruleSetId,
    name: row.name,
    kind: row.kind,
    percent: row.percent,
    minQuantity: row.minQuantity,
    minAmount: row.minAmount,
    companyId: row.companyId,
    companyName: row.companyName,
    segment: row.segment,
    productGroupId: row.productGroupId,
    productId: row.productId,
    validFrom: row.validFrom,
    validTo: row.validTo,
    active: row.active,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
  };
}

const isZero = (v: string) => compareDecimal(v, "0") === 0;

function checkPercent(check: RuleCheck, path: string, value: string | null | undefined) {
  if (value !== null && value !== undefined)
    check.when(compareDecimal(value, "100") > 0, path, "percent_range");
}

function checkCursor(cursor: string | undefined) {
  if (cursor && !Id.safeParse(cursor).success)
    throw AppError.validation([{ path: "cursor", message: "invalid cursor" }]);
}

export async function listDiscountRuleSets(db: Db, actor: Actor, paging: { limit: number; cursor?: string }) {
  authorize(actor, "discountRules", "read");
  checkCursor(paging.cursor);
  const result = await listRuleSets(db, actor.workspaceId, paging);
  return { items: result.items.map(presentRuleSet), nextCursor: result.nextCursor };
}

export async function createRuleSet(db: Db, actor: Actor, input: DiscountRuleSetCreate) {
  authorize(actor, "discountRules", "create");
  const check = new RuleCheck();
  checkPercent(check, "maxPercent", input.maxPercent);
  check.throwIfAny();
  return withTx(db, async (tx) => {
    const row = await insertRuleSet(tx, {
      id: uuidv7(),
      workspaceId: actor.workspaceId,
      createdBy: stampOf(actor),
      name: input.name,
      combine: input.combine,
      maxPercent: input.maxPercent ?? null,
      active: input.active,
    });
    const set = presentRuleSet(row);
    await recordChange(tx, actor, {
      action: "create",
      entity: "discount_rule_set",
      entityId: row.id,
      after: set,
    });
    return set;
  });
}

export async function updateRuleSetCard(db: Db, actor: Actor, id: string, input: DiscountRuleSetUpdate) {
  authorize(actor, "discountRules", "update");
  const check = new RuleCheck();
  checkPercent(check, "maxPercent", input.maxPercent);
  check.throwIfAny();
  return withTx(db, async (tx) => {
    const before = await findRuleSet(tx, actor.workspaceId, id, true);
    if (!before) throw AppError.notFound();
    assertVersion(before, input.version);
    const { version: _version, ...set } = input;
    const row = await updateRuleSet(tx, id, set);
    const after = presentRuleSet(row);
    await recordChange(tx, actor, {
      action: "update",
      entity: "discount_rule_set",
      entityId: id,
      before: presentRuleSet(before),
      after,
    });
    return after;
  });
}

export async function deleteRuleSet(db: Db, actor: Actor, id: string) {
  authorize(actor, "discountRules", "delete");
  return withTx(db, async (tx) => {
    const before = await findRuleSet(tx, actor.workspaceId, id, true);
    if (!before) throw AppError.notFound();
    const row = await updateRuleSet(tx, id, { deletedAt: sql`now()` });
    await deleteRulesOfSet(tx, actor.workspaceId, id, row.deletedAt!);
    await recordChange(tx, actor, {
      action: "delete",
      entity: "discount_rule_set",
      entityId: id,
      changes: { deletedAt: { from: null, to: row.deletedAt } },
    });
    return presentRuleSet(row);
  });
}

type RuleValues = Omit<DiscountRuleCreate, "active"> & { active?: boolean };

/** The rules of a discount rule as it will be stored (a PATCH is checked merged with the row). */
async function checkRule(tx: Db, actor: Actor, r: RuleValues): Promise<void> {
  const check = new RuleCheck();
  check.when(compareDecimal(r.percent, "100") > 0, "percent", "percent_range");
  check.when(isZero(r.percent), "percent", "positive_required");
  if (r.minQuantity != null) check.when(isZero(r.minQuantity), "minQuantity", "positive_required");
  if (r.minAmount != null) check.when(isZero(r.minAmount), "minAmount", "positive_required");
  check.when(Boolean(r.validFrom && r.validTo && r.validFrom > r.validTo), "validTo", "dates_order");
  switch (r.kind) {
    case "volume_quantity":
      check.when(r.minQuantity == null, "minQuantity", "positive_required");
      break;
    case "volume_amount":
      check.when(r.minAmount == null, "minAmount", "positive_required");
      break;
    case "client":
      check.when(!r.companyId, "companyId", "company_required");
      break;
    case "segment":
      check.when(!r.segment?.trim(), "segment", "segment_required");
      break;
    case "promo":
      check.when(!r.validFrom || !r.validTo, r.validFrom ? "validTo" : "validFrom", "dates_required");
      break;
    case "group":
      check.when(!r.productGroupId, "productGroupId", "group_required");
      break;
  }
  if (!(await findRuleSet(tx, actor.workspaceId, r.ruleSetId))) check.add("ruleSetId", "not_found_ref");
  if (r.companyId) {
    const company = await companyForAction(tx, actor, r.companyId, "read").catch(() => null);
    check.when(!company || company.deletedAt !== null, "companyId", "not_found_ref");
  }
  if (r.productGroupId && !(await findGroup(tx, actor.workspaceId, r.productGroupId)))
    check.add("productGroupId", "not_found_ref");
  if (r.productId && !(await liveProductIds(tx, actor.workspaceId, [r.productId])).length)
    check.add("productId", "not_found_ref");
  check.throwIfAny();
}

/** Only the fields that belong to the kind are kept, so a rule never carries a stray condition. */
function ruleColumns(r: RuleValues) {
  return {
    ruleSetId: r.ruleSetId,
    name: r.name,
    kind: r.kind,
    percent: r.percent,
    minQuantity: r.kind === "volume_quantity" ? (r.minQuantity ?? null) : null,
    minAmount: r.kind === "volume_amount" ? (r.minAmount ?? null) : null,
    companyId: r.kind === "client" ? (r.companyId ?? null) : null,
    segment: r.kind === "segment" ? (r.segment?.trim() ?? null) : null,
    productGroupId: r.productGroupId ?? null,
    productId: r.productId ?? null,
    validFrom: r.validFrom ?? null,
    validTo: r.validTo ?? null,
    active: r.active ?? true,
  };
}

export async function listDiscountRules(db: Db, actor: Actor, query: DiscountRuleQuery) {
  authorize(actor, "discountRules", "read");
  checkCursor(query.cursor);
  const result = await listRules(db, actor.workspaceId, query);
  return { items: result.items.map(presentRule), nextCursor: result.nextCursor };
}

export async function getDiscountRule(db: Db, actor: Actor, id: string) {
  authorize(actor, "discountRules", "read");
  const row = await findRule(db, actor.workspaceId, id);
  if (!row) throw AppError.notFound();
  return presentRule(row);
}

export async function createRule(db: Db, actor: Actor, input: DiscountRuleCreate): Promise<DiscountRule> {
  authorize(actor, "discountRules", "create");
  return withTx(db, async (tx) => {
    await checkRule(tx, actor, input);
    const id = uuidv7();
    await insertRule(tx, {
      id,
      workspaceId: actor.workspaceId,
      createdBy: stampOf(actor),
      ...ruleColumns(input),
    });
    const rule = presentRule((await findRule(tx, actor.workspaceId, id))!);
    await recordChange(tx, actor, { action: "create", entity: "discount_rule", entityId: id, after: rule });
    return rule;
  });
}

export async function updateRuleCard(db: Db, actor: Actor, id: string, input: DiscountRuleUpdate) {
  authorize(actor, "discountRules", "update");
  return withTx(db, async (tx) => {
    await lockRule(tx, id);
    const before = await findRule(tx, actor.workspaceId, id);
    if (!before) throw AppError.notFound();
    assertVersion(before, input.version);
    const { version: _version, ...patch } = input;
    const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    const merged = { ...presentRule(before), ...defined } as RuleValues;
    await checkRule(tx, actor, merged);
    await updateRule(tx, id, ruleColumns(merged));
    const after = presentRule((await findRule(tx, actor.workspaceId, id))!);
    await recordChange(tx, actor, {
      action: "update",
      entity: "discount_rule",
      entityId: id,
      before: presentRule(before),
      after,
    });
    return after;
  });
}

export async function deleteRule(db: Db, actor: Actor, id: string) {
  authorize(actor, "discountRules", "delete");
  return withTx(db, async (tx) => {
    await lockRule(tx, id);
    const before = await findRule(tx, actor.workspaceId, id);
    if (!before) throw AppError.notFound();
    await updateRule(tx, id, { deletedAt: sql`now()` });
    await recordChange(tx, actor, {
      action: "delete",
      entity: "discount_rule",
      entityId: id,
      changes: { deletedAt: { from: null, to: "now" } },
    });
    return presentRule(before);
  });
}
