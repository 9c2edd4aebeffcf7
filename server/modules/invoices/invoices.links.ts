import { and, eq, inArray, isNull } from "drizzle-orm";
import { invoices, payments } from "../../db/schema";
import type { Actor } from "../../platform/actor";
import { recordChange } from "../../platform/audit";
import type { Db } from "../../platform/db/client";
import type { CompanyChild } from "../companies/companies.children";
import { invoicesOfCompanies } from "./invoices.repo";

/**
 * Invoices belong to their company: they move with a merge, follow a transfer (their owner is
 * the company's, which is what visibility reads), and leave and come back with the company.
 */
export const invoicesAsCompanyChild: CompanyChild = {
  entity: "invoice",

  async idsOf(db, workspaceId, companyIds) {
    return (await invoicesOfCompanies(db, workspaceId, companyIds)).map((r) => r.id);
  },

  async moveTo(tx: Db, actor: Actor, sourceIds, target) {
    if (!sourceIds.length) return 0;
    const moved = await tx
      .update(invoices)
      .set({ companyId: target.id, ownerId: target.ownerId })
      .where(and(eq(invoices.workspaceId, actor.workspaceId), inArray(invoices.companyId, [...sourceIds])))
      .returning({ id: invoices.id });
    await tx
      .update(payments)
      .set({ companyId: target.id })
      .where(and(eq(payments.workspaceId, actor.workspaceId), inArray(payments.companyId, [...sourceIds])));
    for (const row of moved)
      await recordChange(tx, actor, {
        action: "move",
        entity: "invoice",
        entityId: row.id,
        changes: { companyId: { from: null, to: target.id } },
      });
    return moved.length;
  },

  async setOwner(tx, workspaceId, companyIds, ownerId) {
    if (!companyIds.length) return;
    await tx
      .update(invoices)
      .set({ ownerId })
      .where(and(eq(invoices.workspaceId, workspaceId), inArray(invoices.companyId, [...companyIds])));
  },

  async deleteWith(tx, actor, companyId, deletedAt) {
    const rows = await tx
      .update(invoices)
      .set({ deletedAt })
      .where(
        and(
          eq(invoices.workspaceId, actor.workspaceId),
          eq(invoices.companyId, companyId),
          isNull(invoices.deletedAt),
        ),
      )
      .returning({ id: invoices.id });
    for (const row of rows)
      await recordChange(tx, actor, {
        action: "delete",
        entity: "invoice",
        entityId: row.id,
        changes: { deletedAt: { from: null, to: deletedAt }, reason: { from: null, to: "company_deleted" } },
      });
  },

  async restoreWith(tx, actor, company, deletedAt) {
    const rows = await tx
      .update(invoices)
      .set({ deletedAt: null, ownerId: company.ownerId })
      .where(
        and(
          eq(invoices.workspaceId, actor.workspaceId),
          eq(invoices.companyId, company.id),
          eq(invoices.deletedAt, deletedAt),
        ),
      )
      .returning({ id: invoices.id });
    for (const row of rows)
      await recordChange(tx, actor, {
        action: "restore",
        entity: "invoice",
        entityId: row.id,
        changes: { deletedAt: { from: deletedAt, to: null } },
      });
  },
};
