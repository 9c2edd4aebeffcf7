import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { activities } from "../../db/schema/index";
import type { Actor } from "../../platform/actor";
import { isSystem } from "../../platform/actor";
import { recordChange } from "../../platform/audit";
import type { Db } from "../../platform/db/client";

/**
 * What the companies module asks of activities when a company is merged, transferred, deleted
 * or restored (companies.children.ts). A transfer changes no activity: the owner of an activity
 * is who does it, and the new company owner sees it through the company.
 */
export const activitiesAsCompanyChild = {
  entity: "activity",

  async idsOf(db: Db, workspaceId: string, companyIds: readonly string[]): Promise<string[]> {
    if (!companyIds.length) return [];
    const rows = await db
      .select({ id: activities.id })
      .from(activities)
      .where(and(eq(activities.workspaceId, workspaceId), inArray(activities.companyId, [...companyIds])));
    return rows.map((r) => r.id);
  },

  async moveTo(
    tx: Db,
    actor: Actor,
    sourceIds: readonly string[],
    target: { id: string; ownerId: string },
  ): Promise<number> {
    if (!sourceIds.length) return 0;
    const where = and(
      eq(activities.workspaceId, actor.workspaceId),
      inArray(activities.companyId, [...sourceIds]),
    );
    const before = new Map(
      (
        await tx.select({ id: activities.id, companyId: activities.companyId }).from(activities).where(where)
      ).map((r) => [r.id, r.companyId]),
    );
    const moved = await tx
      .update(activities)
      .set({ companyId: target.id, version: sql`${activities.version} + 1`, updatedAt: sql`now()` })
      .where(where)
      .returning({ id: activities.id });
    for (const row of moved) {
      await recordChange(tx, actor, {
        action: "move",
        entity: "activity",
        entityId: row.id,
        changes: { companyId: { from: before.get(row.id) ?? null, to: target.id } },
      });
    }
    return moved.length;
  },

  async setOwner(): Promise<void> {},

  async deleteWith(tx: Db, actor: Actor, companyId: string, deletedAt: string): Promise<void> {
    await tx
      .update(activities)
      .set({ deletedAt, deletedBy: isSystem(actor) ? null : actor.id })
      .where(
        and(
          eq(activities.workspaceId, actor.workspaceId),
          eq(activities.companyId, companyId),
          isNull(activities.deletedAt),
        ),
      );
  },

  async restoreWith(tx: Db, actor: Actor, company: { id: string; ownerId: string }, deletedAt: string) {
    await tx
      .update(activities)
      .set({ deletedAt: null, deletedBy: null })
      .where(
        and(
          eq(activities.workspaceId, actor.workspaceId),
          eq(activities.companyId, company.id),
          eq(activities.deletedAt, deletedAt),
        ),
      );
  },
};
