import { and, eq, gt, isNull, type SQL, sql } from "drizzle-orm";
import { companies, discountRuleSets, discountRules } from "../../db/schema/index";
import type { Db } from "../../platform/db/client";
import { page } from "../../platform/pagination";

export type RuleSetRow = typeof discountRuleSets.$inferSelect;
export type RuleRow = typeof discountRules.$inferSelect & { companyName: string | null };

export async function findRuleSet(db: Db, workspaceId: string, id: string, lock = false) {
  const q = db
    .select()
    .from(discountRuleSets)
    .where(
      and(
        eq(discountRuleSets.workspaceId, workspaceId),
        eq(discountRuleSets.id, id),
        isNull(discountRuleSets.deletedAt),
      ),
    )
    .limit(1);
  const [row] = lock ? await q.for("update") : await q;
  return row;
}

export async function listRuleSets(db: Db, workspaceId: string, paging: { limit: number; cursor?: string }) {
  const rows = await db
    .select()
    .from(discountRuleSets)
    .where(
      and(
        eq(discountRuleSets.workspaceId, workspaceId),
        isNull(discountRuleSets.deletedAt),
        paging.cursor ? gt(discountRuleSets.id, paging.cursor) : undefined,
      ),
    )
    .orderBy(discountRuleSets.id)
    .limit(paging.limit + 1);
  return page(rows, paging.limit, (r) => r.id);
}

export async function insertRuleSet(db: Db, values: typeof discountRuleSets.$inferInsert) {
  const [row] = await db.insert(discountRuleSets).values(values).returning();
  return row!;
}

export async function updateRuleSet(db: Db, id: string, set: Record<string, unknown>) {
  const [row] = await db
    .update(discountRuleSets)
    .set({ ...set, updatedAt: sql`now()`, version: sql`${discountRuleSets.version} + 1` })
    .where(eq(discountRuleSets.id, id))
    .returning();
  return row!;
}

const ruleColumns = {
  id: discountRules.id,
  workspaceId: discountRules.workspaceId,
  createdAt: discountRules.createdAt,
  updatedAt: discountRules.updatedAt,
  createdBy: discountRules.createdBy,
  version: discountRules.version,
  ruleSetId: discountRules.ruleSetId,
  name: discountRules.name,
  kind: discountRules.kind,
  percent: discountRules.percent,
  minQuantity: discountRules.minQuantity,
  minAmount: discountRules.minAmount,
  companyId: discountRules.companyId,
  segment: discountRules.segment,
  productGroupId: discountRules.productGroupId,
  productId: discountRules.productId,
  validFrom: discountRules.validFrom,
  validTo: discountRules.validTo,
  active: discountRules.active,
  deletedAt: discountRules.deletedAt,
  companyName: companies.name,
};

function rulesQuery(db: Db, where: SQL | undefined) {
  return db
    .select(ruleColumns)
    .from(discountRules)
    .leftJoin(companies, eq(companies.id, discountRules.companyId))
    .where(where);
}

export async function findRule(db: Db, workspaceId: string, id: string): Promise<RuleRow | undefined> {
  const [row] = await rulesQuery(
    db,
    and(
      eq(discountRules.workspaceId, workspaceId),
      eq(discountRules.id, id),
      isNull(discountRules.deletedAt),
    ),
  ).limit(1);
  return row;
}

export async function lockRule(db: Db, id: string) {
  await db.select({ id: discountRules.id }).from(discountRules).where(eq(discountRules.id, id)).for("update");
}

export async function listRules(
  db: Db,
  workspaceId: string,
  query: { limit: number; cursor?: string; ruleSetId?: string; kind?: string },
) {
  const rows = await rulesQuery(
    db,
    and(
      eq(discountRules.workspaceId, workspaceId),
      isNull(discountRules.deletedAt),
      query.ruleSetId ? eq(discountRules.ruleSetId, query.ruleSetId) : undefined,
      query.kind ? sql`${discountRules.kind} = ${query.kind}` : undefined,
      query.cursor ? gt(discountRules.id, query.cursor) : undefined,
    ),
  )
    .orderBy(discountRules.id)
    .limit(query.limit + 1);
  return page(rows, query.limit, (r) => r.id);
}

export async function insertRule(db: Db, values: typeof discountRules.$inferInsert) {
  await db.insert(discountRules).values(values);
}

export async function updateRule(db: Db, id: string, set: Record<string, unknown>) {
  await db
    .update(discountRules)
    .set({ ...set, updatedAt: sql`now()`, version: sql`${discountRules.version} + 1` })
    .where(eq(discountRules.id, id));
}

/** Deleting a set deletes its rules with it (one stamp, so they read as one change). */
export async function deleteRulesOfSet(db: Db, workspaceId: string, ruleSetId: string, at: string) {
  await db
    .update(discountRules)
    .set({ deletedAt: at, updatedAt: sql`now()`, version: sql`${discountRules.version} + 1` })
    .where(
      and(
        eq(discountRules.workspaceId, workspaceId),
        eq(discountRules.ruleSetId, ruleSetId),
        isNull(discountRules.deletedAt),
      ),
    );
}
