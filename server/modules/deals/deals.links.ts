import type { Actor } from "../../platform/actor";
import { isSystem } from "../../platform/actor";
import { recordChange } from "../../platform/audit";
import type { Db } from "../../platform/db/client";
import type { CompanyChild } from "../companies/companies.children";
import { dealsOfCompanies, deleteDealsOf, moveDeals, restoreDealsOf, setOpenDealsOwner } from "./deals.repo";

/**
 * What a company's merge, transfer, delete and restore do to its deals (companies.children.ts).
 * A merge moves them to the target (the contact, of the old company, is unlinked); a transfer
 * hands the open deals to the new owner while won and lost ones stay with who closed them; a
 * delete takes the live deals along with the company's stamp and a restore brings those back.
 */
export const dealsAsCompanyChild: CompanyChild = {
  entity: "deal",

  async idsOf(db, workspaceId, companyIds) {
    return (await dealsOfCompanies(db, workspaceId, companyIds)).map((d) => d.id);
  },

  async moveTo(tx: Db, actor: Actor, sourceIds, target) {
    const before = new Map((await dealsOfCompanies(tx, actor.workspaceId, sourceIds)).map((d) => [d.id, d]));
    const moved = await moveDeals(tx, actor.workspaceId, sourceIds, target.id);
    for (const row of moved) {
      await recordChange(tx, actor, {
        action: "move",
        entity: "deal",
        entityId: row.id,
        changes: { companyId: { from: before.get(row.id)?.companyId ?? null, to: row.companyId } },
      });
    }
    return moved.length;
  },

  async setOwner(tx, workspaceId, companyIds, ownerId) {
    await setOpenDealsOwner(tx, workspaceId, companyIds, ownerId);
  },

  async deleteWith(tx, actor, companyId, deletedAt) {
    const rows = await deleteDealsOf(tx, actor.workspaceId, companyId, {
      deletedAt,
      deletedBy: isSystem(actor) ? null : actor.id,
    });
    for (const row of rows) {
      await recordChange(tx, actor, {
        action: "delete",
        entity: "deal",
        entityId: row.id,
        changes: {
          deletedAt: { from: null, to: row.deletedAt },
          reason: { from: null, to: "company_deleted" },
        },
      });
    }
  },

  async restoreWith(tx, actor, company, deletedAt) {
    const rows = await restoreDealsOf(tx, actor.workspaceId, company.id, deletedAt);
    for (const row of rows) {
      await recordChange(tx, actor, {
        action: "restore",
        entity: "deal",
        entityId: row.id,
        changes: { deletedAt: { from: deletedAt, to: null } },
      });
    }
  },
};
