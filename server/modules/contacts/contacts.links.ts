import type { Actor } from "../../platform/actor";
import { isSystem } from "../../platform/actor";
import { recordChange } from "../../platform/audit";
import type { Db } from "../../platform/db/client";
import {
  contactsOfCompanies,
  deleteContactsOf,
  moveContacts,
  restoreContactsOf,
  setContactsOwner,
} from "./contacts.repo";

/**
 * What the companies module asks of contacts when a company is merged, transferred, deleted or
 * restored (see companies.children.ts). Kept apart from contacts.service so companies can call it
 * without a cycle (contacts.service itself asks companies whether a company may be linked).
 */
export const contactsAsCompanyChild = {
  entity: "contact",

  async idsOf(db: Db, workspaceId: string, companyIds: readonly string[]): Promise<string[]> {
    return (await contactsOfCompanies(db, workspaceId, companyIds)).map((c) => c.id);
  },

  async moveTo(
    tx: Db,
    actor: Actor,
    sourceIds: readonly string[],
    target: { id: string; ownerId: string },
  ): Promise<number> {
    const before = new Map(
      (await contactsOfCompanies(tx, actor.workspaceId, sourceIds)).map((c) => [c.id, c]),
    );
    const moved = await moveContacts(tx, actor.workspaceId, sourceIds, {
      companyId: target.id,
      ownerId: target.ownerId,
    });
    for (const row of moved) {
      const old = before.get(row.id);
      await recordChange(tx, actor, {
        action: "move",
        entity: "contact",
        entityId: row.id,
        changes: {
          companyId: { from: old?.companyId ?? null, to: row.companyId },
          ...(old && old.ownerId !== row.ownerId ? { ownerId: { from: old.ownerId, to: row.ownerId } } : {}),
        },
      });
    }
    return moved.length;
  },

  async setOwner(tx: Db, workspaceId: string, companyIds: readonly string[], ownerId: string): Promise<void> {
    await setContactsOwner(tx, workspaceId, companyIds, ownerId);
  },

  async deleteWith(tx: Db, actor: Actor, companyId: string, deletedAt: string): Promise<void> {
    const rows = await deleteContactsOf(tx, actor.workspaceId, companyId, {
      deletedAt,
      deletedBy: isSystem(actor) ? null : actor.id,
    });
    for (const row of rows) {
      await recordChange(tx, actor, {
        action: "delete",
        entity: "contact",
        entityId: row.id,
        changes: {
          deletedAt: { from: null, to: row.deletedAt },
          reason: { from: null, to: "company_deleted" },
        },
      });
    }
  },

  async restoreWith(
    tx: Db,
    actor: Actor,
    company: { id: string; ownerId: string },
    deletedAt: string,
  ): Promise<void> {
    const rows = await restoreContactsOf(tx, actor.workspaceId, company.id, deletedAt, company.ownerId);
    for (const row of rows) {
      await recordChange(tx, actor, {
        action: "restore",
        entity: "contact",
        entityId: row.id,
        changes: { deletedAt: { from: deletedAt, to: null } },
      });
    }
  },
};
