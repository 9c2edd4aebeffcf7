import type { Actor } from "../../platform/actor";
import { recordChange } from "../../platform/audit";
import type { Db } from "../../platform/db/client";
import { moveProposals, proposalsOfCompanies, setProposalsOwner, stampProposalsOf } from "./proposals.repo";

/**
 * Proposals as children of their company (companies.children.ts): a merge re-points them, a
 * transfer hands them to the new owner, a delete takes the live ones along and a restore brings
 * exactly those back.
 */
export const proposalsAsCompanyChild = {
  entity: "proposal",

  async idsOf(db: Db, workspaceId: string, companyIds: readonly string[]): Promise<string[]> {
    return (await proposalsOfCompanies(db, workspaceId, companyIds)).map((p) => p.id);
  },

  async moveTo(tx: Db, actor: Actor, sourceIds: readonly string[], target: { id: string; ownerId: string }) {
    const moved = await moveProposals(tx, actor.workspaceId, sourceIds, target.id);
    for (const row of moved)
      await recordChange(tx, actor, {
        action: "move",
        entity: "proposal",
        entityId: row.id,
        changes: { companyId: { from: null, to: row.companyId } },
      });
    return moved.length;
  },

  async setOwner(tx: Db, workspaceId: string, companyIds: readonly string[], ownerId: string): Promise<void> {
    await setProposalsOwner(tx, workspaceId, companyIds, ownerId);
  },

  async deleteWith(tx: Db, actor: Actor, companyId: string, deletedAt: string): Promise<void> {
    for (const row of await stampProposalsOf(tx, actor.workspaceId, companyId, null, deletedAt))
      await recordChange(tx, actor, {
        action: "delete",
        entity: "proposal",
        entityId: row.id,
        changes: { deletedAt: { from: null, to: deletedAt }, reason: { from: null, to: "company_deleted" } },
      });
  },

  async restoreWith(tx: Db, actor: Actor, company: { id: string; ownerId: string }, deletedAt: string) {
    for (const row of await stampProposalsOf(tx, actor.workspaceId, company.id, deletedAt, null))
      await recordChange(tx, actor, {
        action: "restore",
        entity: "proposal",
        entityId: row.id,
        changes: { deletedAt: { from: deletedAt, to: null } },
      });
  },
};
