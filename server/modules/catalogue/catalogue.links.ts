import { and, eq, inArray, sql } from "drizzle-orm";
import { clientTerms, discountRules } from "../../db/schema/index";
import type { Actor } from "../../platform/actor";
import { recordChange } from "../../platform/audit";
import type { Db } from "../../platform/db/client";
import type { CompanyChild } from "../companies/companies.children";

/**
 * What a company's merge means for the catalogue: client discount rules of the merged companies
 * now name the target, and the target takes a source's individual terms when it has none of its
 * own (its own terms win). Ownership, deletion and restore leave rules and terms as they are: a
 * rule or terms of a deleted client are inert, and come back with it.
 */
export const cataloguePricingAsCompanyChild: CompanyChild = {
  entity: "discount_rule",

  async idsOf(db, workspaceId, companyIds) {
    if (!companyIds.length) return [];
    const rows = await db
      .select({ id: discountRules.id })
      .from(discountRules)
      .where(
        and(eq(discountRules.workspaceId, workspaceId), inArray(discountRules.companyId, [...companyIds])),
      );
    return rows.map((r) => r.id);
  },

  async moveTo(tx: Db, actor: Actor, sourceIds, target) {
    if (!sourceIds.length) return 0;
    const moved = await tx
      .update(discountRules)
      .set({ companyId: target.id, updatedAt: sql`now()`, version: sql`${discountRules.version} + 1` })
      .where(
        and(
          eq(discountRules.workspaceId, actor.workspaceId),
          inArray(discountRules.companyId, [...sourceIds]),
        ),
      )
      .returning({ id: discountRules.id });
    for (const { id } of moved)
      await recordChange(tx, actor, {
        action: "update",
        entity: "discount_rule",
        entityId: id,
        changes: { companyId: { from: "merged", to: target.id } },
      });
    const [own] = await tx
      .select({ id: clientTerms.companyId })
      .from(clientTerms)
      .where(eq(clientTerms.companyId, target.id));
    if (!own) {
      const [source] = await tx
        .select()
        .from(clientTerms)
        .where(
          and(eq(clientTerms.workspaceId, actor.workspaceId), inArray(clientTerms.companyId, [...sourceIds])),
        )
        .orderBy(sql`${clientTerms.updatedAt} desc`)
        .limit(1);
      if (source) {
        await tx
          .update(clientTerms)
          .set({ companyId: target.id, version: sql`${clientTerms.version} + 1`, updatedAt: sql`now()` })
          .where(eq(clientTerms.companyId, source.companyId));
        await recordChange(tx, actor, {
          action: "terms",
          entity: "company",
          entityId: target.id,
          changes: { termsFrom: { from: null, to: source.companyId } },
        });
      }
    }
    return moved.length;
  },

  async setOwner() {},
  async deleteWith() {},
  async restoreWith() {},
};
