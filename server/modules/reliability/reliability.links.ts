import { and, eq, inArray, isNull, notInArray, sql } from "drizzle-orm";
import { financialStatements, paymentHistory } from "../../db/schema/index";
import type { Actor } from "../../platform/actor";
import { recordChange } from "../../platform/audit";
import type { Db } from "../../platform/db/client";
import type { CompanyChild } from "../companies/companies.children";
import { storeGrade } from "./reliability.compute";

/**
 * Statements and imported payment history follow their company through a merge: the target
 * keeps its own year where both have one (the source's stays with the deleted source). Delete
 * and restore need nothing: a deleted company's reliability is simply out of reach. The registry
 * record is the source's own answer and is asked again for the target.
 */
export const reliabilityAsCompanyChild: CompanyChild = {
  entity: "financial_statement",

  async idsOf(db, workspaceId, companyIds) {
    if (!companyIds.length) return [];
    const rows = await db
      .select({ id: financialStatements.id })
      .from(financialStatements)
      .where(
        and(
          eq(financialStatements.workspaceId, workspaceId),
          inArray(financialStatements.companyId, [...companyIds]),
        ),
      );
    return rows.map((r) => r.id);
  },

  async moveTo(tx: Db, actor: Actor, sourceIds, target) {
    if (!sourceIds.length) return 0;
    const ws = actor.workspaceId;
    const taken = (
      await tx
        .select({ year: financialStatements.year })
        .from(financialStatements)
        .where(
          and(
            eq(financialStatements.workspaceId, ws),
            eq(financialStatements.companyId, target.id),
            isNull(financialStatements.deletedAt),
          ),
        )
    ).map((r) => r.year);
    // One row per year may move (the newest source row of that year), so the unique key holds.
    const candidates = await tx
      .select({
        id: financialStatements.id,
        year: financialStatements.year,
        companyId: financialStatements.companyId,
      })
      .from(financialStatements)
      .where(
        and(
          eq(financialStatements.workspaceId, ws),
          inArray(financialStatements.companyId, [...sourceIds]),
          isNull(financialStatements.deletedAt),
          taken.length ? notInArray(financialStatements.year, taken) : sql`true`,
        ),
      )
      .orderBy(financialStatements.year, sql`${financialStatements.updatedAt} desc`);
    const seen = new Set<number>();
    let moved = 0;
    for (const row of candidates) {
      if (seen.has(row.year)) continue;
      seen.add(row.year);
      // A soft-deleted target row of that year would collide on the unique key: it gives way.
      await tx
        .delete(financialStatements)
        .where(
          and(
            eq(financialStatements.workspaceId, ws),
            eq(financialStatements.companyId, target.id),
            eq(financialStatements.year, row.year),
          ),
        );
      await tx
        .update(financialStatements)
        .set({
          companyId: target.id,
          updatedAt: sql`now()`,
          version: sql`${financialStatements.version} + 1`,
        })
        .where(eq(financialStatements.id, row.id));
      await recordChange(tx, actor, {
        action: "move",
        entity: "financial_statement",
        entityId: row.id,
        changes: { companyId: { from: row.companyId, to: target.id } },
      });
      moved++;
    }
    await tx
      .update(paymentHistory)
      .set({ companyId: target.id, updatedAt: sql`now()` })
      .where(and(eq(paymentHistory.workspaceId, ws), inArray(paymentHistory.companyId, [...sourceIds])));
    await storeGrade(tx, ws, target.id);
    return moved;
  },

  async setOwner() {},
  async deleteWith() {},
  async restoreWith() {},
};
